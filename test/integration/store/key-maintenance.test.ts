import { createCipheriv, randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { KeyRef } from '../../../src/privacy/key-store.js';
import { type MasterKey, ShreddedError, VaultError } from '../../../src/privacy/vault.js';
import { CorruptRecordError, MigrationNeededError } from '../../../src/store/errors.js';
import { keyedPseudonyms, redisKeys, requestKeyRef } from '../../../src/store/keys.js';
import { migrateStoredData } from '../../../src/store/migrate.js';
import { createRedisStore } from '../../../src/store/redis-store.js';
import { rotateDataKeys } from '../../../src/store/rotate-keys.js';
import type { SealedStore } from '../../../src/store/sealed-store.js';
import { decidePurge, makeConversation, makeRequest, submitThrough, uniquePrefix } from './fixtures.js';

const TEAM = 'T0KEYS';
const data = new Redis(inject('redisUrl'));
const keystore = new Redis(inject('keystoreUrl'));
const stores: SealedStore[] = [];
afterAll(async () => {
  await Promise.all(stores.map((store) => store.close()));
  data.disconnect();
  keystore.disconnect();
});

const masterKey = (id: string): MasterKey => ({ id, key: randomBytes(32) });

const pseudonymKey = randomBytes(32);

function open(keyPrefix: string, masterKeys: MasterKey[], dataKeyCacheMs = 0, pseudonyms = true) {
  const store = createRedisStore({
    url: inject('redisUrl'),
    ...(pseudonyms ? { pseudonymKey } : {}),
    keyStore: { url: inject('keystoreUrl') },
    keyPrefix,
    vault: { masterKeys, dataKeyCacheMs },
  });
  stores.push(store);
  return store;
}

/** A value sealed as versions before format 3 did: `aa1`, unpadded, bound to its field only. */
function legacySeal(key: Buffer, ref: KeyRef, field: string, keyId: string, text: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(`aa1|${ref.scope}/${ref.name}|${field}|${keyId}`));
  const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `aa1.${keyId}.${iv.toString('base64url')}.${body.toString('base64url')}`;
}

function legacyWrap(master: MasterKey, ref: KeyRef, keyId: string, dataKey: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', master.key, iv);
  cipher.setAAD(Buffer.from(`aaw1|${ref.scope}/${ref.name}|${master.id}|${keyId}`));
  const body = Buffer.concat([cipher.update(dataKey), cipher.final(), cipher.getAuthTag()]);
  return `aaw1.${master.id}.${keyId}.${iv.toString('base64url')}.${body.toString('base64url')}`;
}

/** Writes a request as format 1 (plain choice) or 2 did: its data key beside it in the data Redis. */
async function writeLegacy(keyPrefix: string, master: MasterKey, id: string, format: 1 | 2) {
  const keys = redisKeys(keyPrefix);
  const { sensitive: _s, disclosure, ...plain } = makeRequest(TEAM, id, 'U1');
  const ref = requestKeyRef(TEAM, id);
  const dataKey = randomBytes(32);
  const keyId = randomBytes(6).toString('base64url');
  await data.set(keys.legacyDataKey(ref), legacyWrap(master, ref, keyId, dataKey));
  const { reason, ...sharing } = disclosure;
  const statement = legacySeal(dataKey, ref, 'sensitive.statementOfNeed', keyId, `old words ${id}`);
  const record =
    format === 1
      ? { v: 1, ...plain, disclosure, sealed: { statementOfNeed: statement } }
      : {
          v: 2,
          ...plain,
          disclosure: sharing,
          sealed: { statementOfNeed: statement },
          sealedReason: legacySeal(dataKey, ref, 'disclosure.reason', keyId, reason),
        };
  const json = JSON.stringify(record);
  await data.hset(keys.request(TEAM, id), 'version', String(plain.version), 'data', json);
  await data.zadd(keys.byStatus(TEAM, plain.status), Date.parse(plain.statusChangedAt), id);
  return json;
}

describe('cli migrate: stored data from before the key store and formats 3 and 4', () => {
  it('is not mistaken for purged data before the migration, and is sealed whole after it', async () => {
    const keyPrefix = uniquePrefix('migrate');
    const master = masterKey('k1');
    const keys = redisKeys(keyPrefix);
    const oldOne = await writeLegacy(keyPrefix, master, 'ACC-2025-0001', 1);
    await writeLegacy(keyPrefix, master, 'ACC-2025-0002', 2);
    // Named with the plain Slack user id, as before PSEUDONYM_KEY.
    const plainNames = redisKeys(keyPrefix);
    await data.zadd(plainNames.byEmployee(TEAM, 'U1'), 1, 'ACC-2025-0001', 2, 'ACC-2025-0002');
    await data.set(
      plainNames.profile(TEAM, 'U1'),
      JSON.stringify({ v: 2, teamId: TEAM, userId: 'U1', noticeAcceptedAt: '2026-01-01T00:00:00.000Z' }),
    );
    const store = open(keyPrefix, [master]);

    // Its key is not in the key store yet: that means "migrate", never "purged".
    await expect(store.requests.get(TEAM, 'ACC-2025-0001')).rejects.toBeInstanceOf(MigrationNeededError);
    expect(await data.exists(keys.request(TEAM, 'ACC-2025-0001'))).toBe(1);

    const report = await migrateStoredData(store, data, keyPrefix);
    expect(report).toEqual({
      dataKeysMoved: 2,
      keysRenamed: 2,
      keyStoreNamesRemoved: 0,
      requestsRewritten: 2,
      conversationsRewritten: 0,
      unreadable: 0,
    });
    // The user id is in no key name any more, and what was filed under it is found all the same.
    expect((await data.keys(`${keyPrefix}:*`)).filter((name) => name.includes('U1'))).toEqual([]);
    expect((await store.requests.listByEmployee(TEAM, 'U1')).map((s) => s.id).sort()).toEqual([
      'ACC-2025-0001',
      'ACC-2025-0002',
    ]);
    expect((await store.profiles.get(TEAM, 'U1'))?.noticeAcceptedAt).toBe('2026-01-01T00:00:00.000Z');

    for (const id of ['ACC-2025-0001', 'ACC-2025-0002']) {
      expect(await data.exists(keys.legacyDataKey(requestKeyRef(TEAM, id)))).toBe(0);
      const raw = (await data.hget(keys.request(TEAM, id), 'data')) ?? '';
      expect(JSON.parse(raw).v).toBe(4);
      expect(raw).not.toMatch(/"reason"|"disclosure"|sessionStart|shifted_hours|old words/);
      const request = await store.requests.get(TEAM, id);
      expect(request?.sensitive.statementOfNeed).toBe(`old words ${id}`);
      expect(request?.disclosure.reason).toBe('functional');
    }
    // The rewrite is storage upkeep, not a change to the request: every field of the record is what
    // the old format held (only the version moved on, because formats 3 and 4 bind sealed values to it),
    // and nothing was added to the audit trail or the outbox.
    for (const id of ['ACC-2025-0001', 'ACC-2025-0002']) {
      const { sensitive: _sensitive, version, ...before } = makeRequest(TEAM, id, 'U1');
      const {
        sensitive,
        version: after,
        ...rewritten
      } = (await store.requests.get(TEAM, id)) ?? makeRequest(TEAM, '', '');
      expect(rewritten).toEqual(before);
      expect(sensitive).toEqual({ statementOfNeed: `old words ${id}` });
      expect(after).toBe(version + 1);
      expect(await store.audit.list(TEAM, id)).toEqual([]);
      expect(await store.outbox.pending(TEAM, id)).toEqual([]);
    }
    // A workspace whose requests predate the list of workspaces is on it now: the retention sweep covers it.
    expect(await store.requests.teams()).toEqual([TEAM]);
    // Run again: nothing left to do.
    expect(await migrateStoredData(store, data, keyPrefix)).toEqual({
      dataKeysMoved: 0,
      keysRenamed: 0,
      keyStoreNamesRemoved: 0,
      requestsRewritten: 0,
      conversationsRewritten: 0,
      unreadable: 0,
    });

    // An old-format record put back by hand (its sealed parts carry no version) is refused now.
    await data.hset(keys.request(TEAM, 'ACC-2025-0001'), 'data', oldOne);
    const fresh = open(keyPrefix, [master]);
    await expect(fresh.requests.get(TEAM, 'ACC-2025-0001')).rejects.toBeInstanceOf(CorruptRecordError);
  });
});

describe('cli migrate: key store names from before they were pseudonymised', () => {
  it('reseals each conversation under data keys named with the keyed hash, and leaves no user id in any name', async () => {
    const keyPrefix = uniquePrefix('keynames');
    const master = masterKey('k1');
    // As versions before PSEUDONYM_KEY named the conversation's data keys: with the plain user id.
    const before = open(keyPrefix, [master], 0, false);
    const first = makeConversation(TEAM, 'UOLDNAME1', { draftId: 'd-first' });
    await before.conversations.save(first);
    // A second draft replaces the first: the first one's key is shredded, its tombstone stays.
    const second = makeConversation(TEAM, 'UOLDNAME1', {
      draftId: 'd-second',
      sensitive: { privateNote: 'kept through the migration' },
    });
    await before.conversations.save(second);
    const namesWithUser = async (redis: Redis) =>
      (await redis.keys(`${keyPrefix}:*`)).filter((name) => name.includes('UOLDNAME1'));
    expect(await namesWithUser(keystore)).toHaveLength(3); // turns, draft-d-second, draft-d-first (tombstone)

    const store = open(keyPrefix, [master]);
    const report = await migrateStoredData(store, data, keyPrefix);
    expect(report).toMatchObject({ keysRenamed: 1, keyStoreNamesRemoved: 3, conversationsRewritten: 1 });
    expect(report.unreadable).toBe(0);

    expect(await namesWithUser(data)).toEqual([]);
    expect(await namesWithUser(keystore)).toEqual([]);
    const keyNames = await keystore.keys(`${keyPrefix}:*:dek:*`);
    expect(keyNames).toHaveLength(2); // the turns' and the current draft's, under the keyed hash
    expect(keyNames.every((name) => /\{T0KEYS:u-[A-Za-z0-9_-]{22}\}/.test(name))).toBe(true);
    const read = await store.conversations.get(TEAM, 'UOLDNAME1');
    expect(read?.draft?.sensitive.privateNote).toBe('kept through the migration');
    expect(read?.turns).toEqual(second.turns);

    // Run again: nothing left to rename.
    expect(await migrateStoredData(store, data, keyPrefix)).toMatchObject({
      keyStoreNamesRemoved: 0,
      conversationsRewritten: 0,
      unreadable: 0,
    });
  });
});

describe('cli rotate-keys and the key check values', () => {
  it('rewraps every data key under the newest master key, so the old one can be removed', async () => {
    const keyPrefix = uniquePrefix('rotate');
    const [k1, k2] = [masterKey('k1'), masterKey('k2')];
    const before = open(keyPrefix, [k1]);
    await before.vault.verifyMasterKeys();
    const ids = ['ACC-2026-0001', 'ACC-2026-0002', 'ACC-2026-0003'];
    for (const id of ids) await submitThrough(before, TEAM, id, 'U1', { sensitive: { privateNote: id } });

    const both = open(keyPrefix, [k2, k1]);
    await both.vault.verifyMasterKeys();
    expect(await rotateDataKeys(both.vault)).toEqual({
      newest: 'k2',
      before: { k1: 3 },
      rewrapped: 3,
      after: { k2: 3 },
    });
    expect((await rotateDataKeys(both.vault)).rewrapped).toBe(0);

    const onlyNew = open(keyPrefix, [k2]);
    for (const id of ids) expect((await onlyNew.requests.get(TEAM, id))?.sensitive.privateNote).toBe(id);
  });

  it('refuses to start with a key under an id that wrapped data with another key', async () => {
    const keyPrefix = uniquePrefix('kcv');
    const original = masterKey('k1');
    const first = open(keyPrefix, [original]);
    await first.vault.verifyMasterKeys();
    await submitThrough(first, TEAM, 'ACC-2026-0010', 'U1');
    const wrong = open(keyPrefix, [{ id: 'k1', key: randomBytes(32) }]);
    const error = await wrong.vault.verifyMasterKeys().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VaultError);
    expect((error as Error).message).toMatch(
      /the key under id "k1" is not the key stored data was wrapped with/,
    );
    await expect(open(keyPrefix, [original]).vault.verifyMasterKeys()).resolves.toBeUndefined();
  });
});

describe('a shred, as other processes and racing writes see it', () => {
  it('reaches another process at once: its cached key is dropped, not kept for the cache period', async () => {
    const keyPrefix = uniquePrefix('broadcast');
    const master = masterKey('k1');
    const a = open(keyPrefix, [master]);
    // B caches data keys for an hour: only the broadcast can make it forget in time.
    const b = open(keyPrefix, [master], 3_600_000);
    const request = await submitThrough(a, TEAM, 'ACC-2026-0020', 'U1', {
      sensitive: { privateNote: 'cached' },
    });
    const raw = (await data.hget(redisKeys(keyPrefix).request(TEAM, request.id), 'data')) ?? '';
    const { sealed } = JSON.parse(raw) as { sealed: string };
    const ref = requestKeyRef(TEAM, request.id);
    expect(await b.vault.open(ref, 'request@v1', sealed)).toContain('cached');
    let tell: (ref: KeyRef) => void = () => {};
    const told = new Promise<KeyRef>((resolve) => {
      tell = resolve;
    });
    // Resolves once B's subscription is in place, so the shred below cannot pass it by.
    await b.vault.keyStore.onShred((shredded) => tell(shredded));

    await decidePurge(a, TEAM, request.id);
    await a.requests.purge(TEAM, request.id);
    expect(await told).toEqual(ref);
    await expect(b.vault.open(ref, 'request@v1', sealed)).rejects.toBeInstanceOf(ShreddedError);
  });

  it('cannot be undone by a write racing with the purge: the tombstone refuses a fresh key', async () => {
    const keyPrefix = uniquePrefix('tombstone');
    const store = open(keyPrefix, [masterKey('k1')]);
    const created = await submitThrough(store, TEAM, 'ACC-2026-0030', 'U1');
    const request = created;
    await decidePurge(store, TEAM, request.id);
    await store.requests.purge(TEAM, request.id);
    // A transition decided from the record read just before the purge arrives after it.
    await expect(
      store.requests.commit({
        request: { ...created, status: 'acknowledged' },
        audit: { at: created.createdAt, actorRole: 'hr', actorId: 'U9', action: 'acknowledge' },
        effects: [],
      }),
    ).rejects.toBeInstanceOf(ShreddedError);
    const ref = requestKeyRef(TEAM, request.id);
    expect(await store.vault.keyStore.hasWrappedKeys([ref])).toEqual([false]);
    expect(await data.exists(redisKeys(keyPrefix).request(TEAM, request.id))).toBe(0);
  });
});

describe('key names', () => {
  it('name no Slack user id: a keyed hash stands for it, and lookups by person still work', async () => {
    const keyPrefix = uniquePrefix('names');
    const store = open(keyPrefix, [masterKey('k1')]);
    await submitThrough(store, TEAM, 'ACC-2026-0040', 'UALICE42');
    await store.conversations.save(makeConversation(TEAM, 'UALICE42'));
    await store.profiles.save({
      teamId: TEAM,
      userId: 'UALICE42',
      noticeAcceptedAt: '2026-01-01T00:00:00.000Z',
    });
    const names = await data.keys(`${keyPrefix}:*`);
    expect(names.some((name) => name.endsWith(':conv'))).toBe(true);
    expect(names.filter((name) => name.includes('UALICE42'))).toEqual([]);
    expect((await store.requests.listByEmployee(TEAM, 'UALICE42')).map((s) => s.id)).toEqual([
      'ACC-2026-0040',
    ]);
    expect((await store.conversations.get(TEAM, 'UALICE42'))?.userId).toBe('UALICE42');
    // Another key gives other names: without PSEUDONYM_KEY the names cannot be tried against user ids.
    const other = redisKeys(keyPrefix, keyedPseudonyms(randomBytes(32)));
    expect(names).not.toContain(other.conversation(TEAM, 'UALICE42'));
  });
});
