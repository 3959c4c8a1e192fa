import type { webApi } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/logger.js';
import { ProfileCache } from '../../../src/slack/profile.js';
import { RoleDirectory } from '../../../src/slack/role-directory.js';

const person = { teamId: 'T1', userId: 'U1' };
const logger = createLogger({ level: 'silent', scrub: (text) => text });

/** A Web API client that answers `usergroups.users.list` from a table, counting the calls. */
function groupsClient(groups: Record<string, string[] | Error>) {
  const calls: string[] = [];
  const client = {
    usergroups: {
      users: {
        list: async ({ usergroup }: { usergroup: string }) => {
          calls.push(usergroup);
          const members = groups[usergroup];
          if (members instanceof Error) throw members;
          return { ok: true, users: members ?? [] };
        },
      },
    },
  } as unknown as webApi.WebClient;
  return { client, calls };
}

describe('the role directory', () => {
  it('knows the configured ids before anything is listed, and adds the groups once listed', async () => {
    const roles = new RoleDirectory({
      hr: { userGroupId: 'SHR', userIds: ['UHR1'] },
      eap: { userGroupId: 'SEAP', userIds: [] },
      logger,
    });
    expect([...roles.current().hrIds]).toEqual(['UHR1']);
    const { client } = groupsClient({ SHR: ['UHR2'], SEAP: ['UEAP'] });
    await roles.refresh(client);
    expect([...roles.current().hrIds].sort()).toEqual(['UHR1', 'UHR2']);
    expect([...roles.current().eapIds]).toEqual(['UEAP']);
  });

  it('lists again only once its time is up', async () => {
    let now = 0;
    const roles = new RoleDirectory({
      hr: { userGroupId: 'SHR', userIds: [] },
      eap: { userIds: [] },
      logger,
      ttlMs: 1000,
      now: () => now,
    });
    const { client, calls } = groupsClient({ SHR: ['UHR'] });
    await roles.refreshIfStale(client);
    now = 999;
    await roles.refreshIfStale(client);
    expect(calls).toHaveLength(1);
    now = 1000;
    await roles.refreshIfStale(client);
    expect(calls).toHaveLength(2);
  });

  it('keeps what it knew when Slack cannot be reached, and tries again next time', async () => {
    const roles = new RoleDirectory({
      hr: { userGroupId: 'SHR', userIds: [] },
      eap: { userIds: [] },
      logger,
    });
    await roles.refresh(groupsClient({ SHR: ['UHR'] }).client);
    const failing = groupsClient({ SHR: new Error('unreachable') });
    await roles.refresh(failing.client);
    expect([...roles.current().hrIds]).toEqual(['UHR']);
  });

  it('never asks Slack when no user group is configured', async () => {
    const roles = new RoleDirectory({ hr: { userIds: ['UHR'] }, eap: { userIds: [] }, logger });
    const { client, calls } = groupsClient({});
    await roles.refreshIfStale(client);
    expect(calls).toEqual([]);
    expect(roles.hrMembers()).toEqual(['UHR']);
  });
});

describe('the profile cache', () => {
  const client = {} as webApi.WebClient;

  it('answers from memory before an ack, and fetches once for many loads', async () => {
    let fetches = 0;
    const profiles = new ProfileCache({
      fetchProfile: async () => {
        fetches += 1;
        return { name: 'Avery', timeZone: 'Europe/London' };
      },
    });
    expect(profiles.cached(person)).toBeUndefined();
    await Promise.all([profiles.load(client, person), profiles.load(client, person)]);
    await profiles.load(client, person);
    expect(fetches).toBe(1);
    expect(profiles.cached(person)).toEqual({ name: 'Avery', timeZone: 'Europe/London' });
    expect(profiles.cached({ teamId: 'T2', userId: 'U1' })).toBeUndefined();
  });

  it('fetches again when old, and keeps the old profile if that fails', async () => {
    let now = 0;
    let fail = false;
    const profiles = new ProfileCache({
      ttlMs: 100,
      now: () => now,
      fetchProfile: async () => {
        if (fail) throw new Error('unreachable');
        return { name: `Avery ${now}`, timeZone: 'UTC' };
      },
    });
    await profiles.refreshIfStale(client, person);
    now = 100;
    await profiles.refreshIfStale(client, person);
    expect(profiles.cached(person)?.name).toBe('Avery 100');
    now = 200;
    fail = true;
    await profiles.refreshIfStale(client, person);
    expect(profiles.cached(person)?.name).toBe('Avery 100');
  });

  it('forgets the least recently fetched person beyond its bound', async () => {
    const profiles = new ProfileCache({
      maxEntries: 2,
      fetchProfile: async (_client, userId) => ({ name: userId, timeZone: 'UTC' }),
    });
    for (const userId of ['U1', 'U2', 'U3']) await profiles.load(client, { teamId: 'T1', userId });
    expect(profiles.cached({ teamId: 'T1', userId: 'U1' })).toBeUndefined();
    expect(profiles.cached({ teamId: 'T1', userId: 'U3' })?.name).toBe('U3');
  });
});
