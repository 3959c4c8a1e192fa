import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { AccommodationRequest } from '../../../src/domain/request.js';
import { requestStatuses } from '../../../src/domain/status.js';
import type { MasterKey } from '../../../src/privacy/vault.js';
import { CorruptRecordError } from '../../../src/store/errors.js';
import { redisKeys, requestKeyRef } from '../../../src/store/keys.js';
import { migrateStoredData } from '../../../src/store/migrate.js';
import { createRedisStore } from '../../../src/store/redis-store.js';
import type { SealedStore } from '../../../src/store/sealed-store.js';
import { makeConversation, makeRequest, uniquePrefix } from './fixtures.js';

/**
 * The process's own choices say something about the treatment: HR asking a provider to confirm
 * `session_days_and_times`, a denial for `undue_hardship`, an extension to a later last day, an
 * employee who let the manager be told, a process waiting on the `provider`, an employee who
 * released own words (`reasonOwnWords`). None of them is in a stored record's plain part.
 */

const TEAM = 'T0CHOICES';
const pseudonymKey = randomBytes(32);
const data = new Redis(inject('redisUrl'));
const stores: SealedStore[] = [];
afterAll(async () => {
  await Promise.all(stores.map((store) => store.close()));
  data.disconnect();
});

function open(keyPrefix: string, master: MasterKey) {
  const store = createRedisStore({
    url: inject('redisUrl'),
    pseudonymKey,
    keyStore: { url: inject('keystoreUrl') },
    keyPrefix,
    vault: { masterKeys: [master], dataKeyCacheMs: 0 },
  });
  stores.push(store);
  return store;
}

const at = '2026-03-04T10:00:00.000Z';

/** A request carrying every one of the choices, with values found nowhere else in the record. */
function withChoices(id: string, status: AccommodationRequest['status']): AccommodationRequest {
  const base = makeRequest(TEAM, id, 'U1', { status });
  return {
    ...base,
    version: 0,
    disclosure: {
      reason: 'program',
      shareScheduleWithManager: true,
      eapMayTrackStatus: false,
      jurisdiction: 'uk',
    },
    documentation: {
      requestedAt: at,
      requestedBy: 'U-HR',
      items: ['session_days_and_times', 'expected_duration', 'remote_work_on_session_days'],
      providerAskedAt: at,
    },
    denial: {
      deniedAt: at,
      deniedBy: 'U-HR',
      reason: 'undue_hardship',
      reconsiderBy: '2026-03-18',
      consultedOn: '2026-03-03',
      flexibleWorkingGround: 'insufficient_work',
    },
    extension: { requestedAt: at, until: '2027-04-17', decidedAt: at, outcome: 'declined' },
    alternative: {
      offeredAt: at,
      offeredBy: 'U-HR',
      pattern: {
        hours: [{ days: ['mon', 'wed', 'fri'], start: '07:00', end: '15:30' }],
        startDate: '2026-03-09',
        endDate: '2026-05-29',
        timeZone: 'America/Chicago',
      },
      respondBy: '2026-03-11T10:00:00.000Z',
      response: 'declined',
      respondedAt: at,
    },
    waitingOn: 'provider',
    lastAction: 'provider_pending',
    managerToldOf: 'extended',
    teamNoteReleased: true,
    released: ['reasonOwnWords', 'declineComment'],
  };
}

/** What must not be in the stored record's plain part: each choice's value, and its field's name. */
const choiceValues = [
  'session_days_and_times',
  'expected_duration',
  'remote_work_on_session_days',
  'undue_hardship',
  'insufficient_work',
  '2027-04-17',
  'declined',
  '"uk"',
  '"provider"',
  'provider_pending',
  '"extended"',
  'reasonOwnWords',
  'declineComment',
];
const choiceFields = [
  '"items"',
  '"reason"',
  '"flexibleWorkingGround"',
  '"until"',
  '"outcome"',
  '"disclosure"',
  '"shareScheduleWithManager"',
  '"eapMayTrackStatus"',
  '"jurisdiction"',
  '"waitingOn"',
  '"lastAction"',
  '"managerToldOf"',
  '"teamNoteReleased"',
  '"response"',
  '"released"',
];

describe('the process’s choices at rest', () => {
  it('are in no stored request’s plain part, in any status, and read back as they were', async () => {
    const keyPrefix = uniquePrefix('choices');
    const keys = redisKeys(keyPrefix);
    const store = open(keyPrefix, { id: 'k1', key: randomBytes(32) });
    for (const [i, status] of requestStatuses.entries()) {
      const id = `ACC-2026-${String(i + 1).padStart(4, '0')}`;
      const request = withChoices(id, status);
      await store.requests.commit({
        request,
        audit: { at, actorRole: 'system', actorId: 'system', action: 'created', toStatus: status },
        effects: [],
      });
      const raw = (await data.hget(keys.request(TEAM, id), 'data')) ?? '';
      expect(JSON.parse(raw).v).toBe(4);
      for (const value of [...choiceValues, ...choiceFields]) {
        expect({ status, found: raw.includes(value) }).toEqual({ status, found: false });
      }
      // The dates the clocks and HR's steps read stay plain.
      expect(raw).toContain('"reconsiderBy":"2026-03-18"');
      expect(raw).toContain('"respondBy":"2026-03-11T10:00:00.000Z"');
      expect(await store.requests.get(TEAM, id)).toEqual({ ...request, version: 1 });
    }
    // A request without any of the optional parts reads back without them.
    const bare = { ...makeRequest(TEAM, 'ACC-2026-0100', 'U1'), version: 0 };
    await store.requests.commit({
      request: bare,
      audit: { at, actorRole: 'system', actorId: 'system', action: 'created', toStatus: bare.status },
      effects: [],
    });
    expect(await store.requests.get(TEAM, bare.id)).toEqual({ ...bare, version: 1 });
  });

  it('refuses a current-format record given a plain choice, or a plain part without its sealed half', async () => {
    const keyPrefix = uniquePrefix('choices-forged');
    const keys = redisKeys(keyPrefix);
    const store = open(keyPrefix, { id: 'k1', key: randomBytes(32) });
    const request = withChoices('ACC-2026-0001', 'denied');
    await store.requests.commit({
      request,
      audit: { at, actorRole: 'system', actorId: 'system', action: 'created', toStatus: 'denied' },
      effects: [],
    });
    const key = keys.request(TEAM, request.id);
    const stored = JSON.parse((await data.hget(key, 'data')) ?? '{}') as Record<
      string,
      Record<string, unknown>
    >;
    const denial = stored.denial;
    const documentation = stored.documentation;
    const extension = stored.extension;
    const alternative = stored.alternative;
    const forgeries = [
      // A process marker put in plain beside the sealed ones.
      { waitingOn: 'hr' },
      { lastAction: 'submit' },
      { managerToldOf: 'approved' },
      { teamNoteReleased: true },
      { released: [] },
      { alternative: { ...alternative, response: 'declined' } },
      { disclosure: { reason: 'functional' } },
      { disclosure: { shareScheduleWithManager: false } },
      { denial: { ...denial, reason: 'other' } },
      { denial: { ...denial, flexibleWorkingGround: 'quality' } },
      { documentation: { ...documentation, items: ['review_date'] } },
      { extension: { ...extension, until: '2026-05-01' } },
      { extension: { ...extension, outcome: 'extended' } },
      // A part deleted from the plain record while its sealed half stays.
      { denial: undefined },
      { extension: undefined },
    ];
    for (const forged of forgeries) {
      await data.hset(key, 'data', JSON.stringify({ ...stored, ...forged }));
      await expect(store.requests.get(TEAM, request.id)).rejects.toBeInstanceOf(CorruptRecordError);
    }
    await data.hset(key, 'data', JSON.stringify(stored));
    expect(await store.requests.get(TEAM, request.id)).toEqual({ ...request, version: 1 });
  });
});

describe('format 4 records of the earlier layout, with the process markers plain', () => {
  it('are still read, and sealed on their next write', async () => {
    const keyPrefix = uniquePrefix('choices-early4');
    const keys = redisKeys(keyPrefix);
    const store = open(keyPrefix, { id: 'k1', key: randomBytes(32) });
    // As format 4 first wrote it: the markers (and the alternative's answer) plain, no `process`.
    const request = { ...withChoices('ACC-2026-0001', 'denied'), version: 2 };
    const {
      sensitive,
      disclosure,
      schedule,
      work,
      accommodations,
      alternative,
      documentation,
      denial,
      extension,
    } = request;
    const sealed = await store.vault.seal(
      requestKeyRef(TEAM, request.id),
      `request@v${request.version}`,
      JSON.stringify({
        disclosure,
        schedule,
        work,
        accommodations,
        alternativePattern: alternative?.pattern,
        documentationItems: documentation?.items,
        denialReason: denial?.reason,
        denialGround: denial?.flexibleWorkingGround,
        extensionUntil: extension?.until,
        extensionOutcome: extension?.outcome,
        sensitive,
      }),
    );
    const { items: _items, ...plainDocumentation } = documentation ?? { items: [] };
    const { reason: _reason, flexibleWorkingGround: _ground, ...plainDenial } = denial ?? { reason: 'other' };
    const { until: _until, outcome: _outcome, ...plainExtension } = extension ?? { until: '' };
    const { pattern: _pattern, ...plainAlternative } = alternative ?? { pattern: undefined };
    const { sensitive: _s, disclosure: _d, schedule: _sc, work: _w, accommodations: _a, ...plain } = request;
    const earlier = JSON.stringify({
      v: 4,
      ...plain,
      alternative: plainAlternative,
      documentation: plainDocumentation,
      denial: plainDenial,
      extension: plainExtension,
      sealed,
    });
    expect(earlier).toContain('"waitingOn":"provider"');
    expect(earlier).toContain('"response":"declined"');
    await data.hset(keys.request(TEAM, request.id), 'version', '2', 'data', earlier);
    await data.zadd(keys.byStatus(TEAM, 'denied'), Date.parse(request.statusChangedAt), request.id);

    expect(await store.requests.get(TEAM, request.id)).toEqual(request);
    // The next write seals the markers.
    await store.requests.commit({
      request,
      audit: { at, actorRole: 'system', actorId: 'system', action: 'edited' },
      effects: [],
    });
    const raw = (await data.hget(keys.request(TEAM, request.id), 'data')) ?? '';
    for (const value of [...choiceValues, ...choiceFields]) expect(raw).not.toContain(value);
    expect(await store.requests.get(TEAM, request.id)).toEqual({ ...request, version: 3 });
  });
});

describe('cli migrate: requests stored in format 3', () => {
  it('reads them as they are, and rewrites them with the choices sealed', async () => {
    const keyPrefix = uniquePrefix('migrate-f3');
    const keys = redisKeys(keyPrefix);
    const master: MasterKey = { id: 'k1', key: randomBytes(32) };
    const store = open(keyPrefix, master);
    // As format 3 wrote it: the choices plain beside one sealed value bound to `request@v<version>`.
    const request = { ...withChoices('ACC-2026-0001', 'denied'), version: 3 };
    const { sensitive, disclosure, schedule, work, accommodations, alternative, ...plain } = request;
    const { reason, ...sharing } = disclosure;
    const { pattern: alternativePattern, ...plainAlternative } = alternative ?? { pattern: undefined };
    const sealed = await store.vault.seal(
      requestKeyRef(TEAM, request.id),
      `request@v${request.version}`,
      JSON.stringify({ reason, schedule, work, accommodations, alternativePattern, sensitive }),
    );
    const formatThree = JSON.stringify({
      v: 3,
      ...plain,
      alternative: plainAlternative,
      disclosure: sharing,
      sealed,
    });
    await data.hset(keys.request(TEAM, request.id), 'version', '3', 'data', formatThree);
    await data.zadd(keys.byStatus(TEAM, 'denied'), Date.parse(request.statusChangedAt), request.id);
    expect(formatThree).toContain('undue_hardship');
    // A conversation in its own newest format, 3, which the migration must leave readable.
    await store.conversations.save(makeConversation(TEAM, 'U2', { sensitive: { privateNote: 'mine' } }));

    // Before the migration a format 3 record is still read.
    expect(await store.requests.get(TEAM, request.id)).toEqual(request);

    const report = await migrateStoredData(store, data, keyPrefix);
    expect(report).toMatchObject({ requestsRewritten: 1, conversationsRewritten: 0, unreadable: 0 });
    const raw = (await data.hget(keys.request(TEAM, request.id), 'data')) ?? '';
    expect(JSON.parse(raw).v).toBe(4);
    for (const value of [...choiceValues, ...choiceFields]) expect(raw).not.toContain(value);
    // Storage upkeep only: the same request, one version on, nothing on its trail or outbox.
    expect(await store.requests.get(TEAM, request.id)).toEqual({ ...request, version: 4 });
    expect(await store.audit.list(TEAM, request.id)).toEqual([]);
    expect(await store.outbox.pending(TEAM, request.id)).toEqual([]);
    expect(await migrateStoredData(store, data, keyPrefix)).toMatchObject({
      requestsRewritten: 0,
      unreadable: 0,
    });

    // After it, format 3 is refused for requests (put back by hand, its choices could be edited)...
    await data.hset(keys.request(TEAM, request.id), 'data', formatThree);
    const fresh = open(keyPrefix, master);
    await expect(fresh.requests.get(TEAM, request.id)).rejects.toBeInstanceOf(CorruptRecordError);
    // ...while conversations, whose newest format is 3, still read.
    expect((await fresh.conversations.get(TEAM, 'U2'))?.draft?.sensitive.privateNote).toBe('mine');
  });
});
