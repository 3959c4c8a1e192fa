import type { webApi } from '@slack/bolt';
import type { Person } from './person.js';

type Client = webApi.WebClient;

export interface Profile {
  readonly name: string;
  readonly timeZone: string;
  /** The zone set in Slack, when there is one: `timeZone` falls back to UTC, this does not. */
  readonly slackTimeZone?: string;
  /** The manager the workspace profile names (a custom field of type user labelled Manager), if any. */
  readonly managerId?: string;
}

/** Name and time zone from the Slack profile: used for the letter and for dates. */
export async function slackProfile(client: Client, userId: string): Promise<Profile> {
  const [result, managerId] = await Promise.all([
    client.users.info({ user: userId }),
    profileManager(client, userId),
  ]);
  const user = result.user;
  return {
    name: user?.profile?.real_name || user?.real_name || user?.name || 'Employee',
    timeZone: user?.tz || 'UTC',
    ...(user?.tz ? { slackTimeZone: user.tz } : {}),
    ...(managerId && managerId !== userId ? { managerId } : {}),
  };
}

const USER_ID = /^[UW][A-Z0-9]{2,}$/;

/**
 * The manager a workspace keeps in its profiles: Slack has no built-in field, so organisations add
 * a custom profile field of type "user" (often filled from their directory), which
 * `users.profile.get` with labels returns as `fields: { <id>: { value: <user id>, label } }`.
 * Only an offer: the employee confirms or changes it. No such field, or no scope to read it,
 * means nothing is offered.
 */
async function profileManager(client: Client, userId: string): Promise<string | undefined> {
  try {
    const result = await client.users.profile.get({ user: userId, include_labels: true });
    const fields = (result.profile?.fields ?? {}) as Record<string, { value?: string; label?: string }>;
    for (const field of Object.values(fields)) {
      const value = field?.value?.trim();
      if (value && USER_ID.test(value) && /\bmanager\b/i.test(field.label ?? '')) return value;
    }
  } catch {
    // Not offered: the employee names their manager themselves.
  }
  return undefined;
}

export interface ProfileCacheOptions {
  /** How long a profile is used before it is fetched again (after an ack, never before). */
  readonly ttlMs?: number;
  /** The most people remembered at once; the least recently fetched are dropped first. */
  readonly maxEntries?: number;
  readonly now?: () => number;
  readonly fetchProfile?: (client: Client, userId: string) => Promise<Profile>;
}

interface Entry {
  readonly profile: Profile;
  readonly fetchedAt: number;
}

/**
 * Names and time zones, kept in memory so that no listener has to ask Slack before it acks.
 * `cached` is what a listener may read before its ack; `load` and `refreshIfStale` call
 * `users.info` and are only ever used after it.
 */
export class ProfileCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<Profile>>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  private readonly fetchProfile: (client: Client, userId: string) => Promise<Profile>;

  constructor(options: ProfileCacheOptions = {}) {
    this.ttlMs = options.ttlMs ?? 60 * 60 * 1000;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
    this.fetchProfile = options.fetchProfile ?? slackProfile;
  }

  /** The remembered profile, however old: no Web API call, safe before an ack. */
  cached(person: Person): Profile | undefined {
    return this.entries.get(keyOf(person))?.profile;
  }

  /** The profile, fetched when not remembered or too old. Only after the ack. */
  async load(client: Client, person: Person): Promise<Profile> {
    const entry = this.entries.get(keyOf(person));
    if (entry && !this.isStale(entry)) return entry.profile;
    return this.fetch(client, person);
  }

  /** Fetches again when missing or too old; a failure keeps the old profile (the next ack retries). */
  async refreshIfStale(client: Client, person: Person): Promise<void> {
    const entry = this.entries.get(keyOf(person));
    if (entry && !this.isStale(entry)) return;
    try {
      await this.fetch(client, person);
    } catch {
      // Slack unreachable: the remembered profile (or the fallback) serves until the next try.
    }
  }

  private isStale(entry: Entry): boolean {
    return this.now() - entry.fetchedAt >= this.ttlMs;
  }

  private fetch(client: Client, person: Person): Promise<Profile> {
    const key = keyOf(person);
    const running = this.inFlight.get(key);
    if (running) return running;
    const fetching = this.fetchProfile(client, person.userId)
      .then((profile) => {
        this.entries.delete(key);
        this.entries.set(key, { profile, fetchedAt: this.now() });
        if (this.entries.size > this.maxEntries) {
          const oldest = this.entries.keys().next().value;
          if (oldest !== undefined) this.entries.delete(oldest);
        }
        return profile;
      })
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, fetching);
    return fetching;
  }
}

const keyOf = (person: Person) => `${person.teamId}/${person.userId}`;

/**
 * The profile to use before the ack when none is remembered yet (a restart mid-intake): the time
 * zone the draft already holds, or UTC. The name is filled in after the ack.
 */
export function provisionalProfile(timeZone: string | undefined): Profile {
  return { name: 'Employee', timeZone: timeZone || 'UTC' };
}
