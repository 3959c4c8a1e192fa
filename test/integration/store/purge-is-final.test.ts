import { copyFileSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseWrapped } from '../../../src/privacy/vault-format.js';
import { requestKeyRef } from '../../../src/store/keys.js';
import { RedisKeyStore } from '../../../src/store/redis-key-store.js';
import { createRedisStore } from '../../../src/store/redis-store.js';
import type { SealedStore } from '../../../src/store/sealed-store.js';
import { type PrivateRedis, startPrivateRedis } from '../../support/redis-server.js';
import { decidePurge, submitThrough, testVault, uniquePrefix } from './fixtures.js';

const TEAM = 'T0PURGE';

/** Every file under a directory (the AOF parts in appendonlydir/, dump.rdb), read as bytes. */
function filesUnder(dir: string): { path: string; bytes: Buffer }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return [{ path, bytes: readFileSync(path) }];
  });
}

function filesHolding(dir: string, needle: string): string[] {
  return filesUnder(dir)
    .filter((file) => file.bytes.includes(Buffer.from(needle, 'latin1')))
    .map((file) => file.path.slice(dir.length + 1));
}

/**
 * Redis 7 deletes the AOF parts a rewrite replaced in a background thread, just after it reports
 * the rewrite done: wait (bounded) until only the parts its manifest names are left.
 */
async function historyRemoved(dir: string): Promise<void> {
  const aofDir = join(dir, 'appendonlydir');
  for (let i = 0; i < 200; i++) {
    const manifest = readdirSync(aofDir).find((name) => name.endsWith('.manifest'));
    const named = manifest ? readFileSync(join(aofDir, manifest), 'utf8') : '';
    const stray = readdirSync(aofDir).filter((name) => name !== manifest && !named.includes(name));
    if (stray.length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('old AOF parts were not deleted after the rewrite');
}

/** Takes a snapshot now and waits for it (BGSAVE forks at once and writes in the child). */
async function snapshot(redis: Redis): Promise<void> {
  const busy = async () =>
    /(rdb_bgsave_in_progress|aof_rewrite_in_progress|aof_rewrite_scheduled):1/.test(
      await redis.info('persistence'),
    );
  // A replica rewrites its AOF after its first sync: a snapshot has to wait for that child.
  for (let i = 0; i < 400 && (await busy()); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  await redis.bgsave();
  for (let i = 0; i < 400 && (await busy()); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  expect(await redis.info('persistence')).toContain('rdb_last_bgsave_status:ok');
}

/** The parts of a wrapped key that identify it in any file: its data key id and its ciphertext. */
function needlesOf(wrapped: string | null): string[] {
  const parts = wrapped ? parseWrapped(wrapped) : null;
  if (!wrapped || !parts) throw new Error('the request has no wrapped key in the key store');
  return [wrapped, parts.body.toString('base64url')];
}

describe('a purge is final: the data key lives apart from the data and leaves every key-store file', () => {
  let data: PrivateRedis;
  let keys: PrivateRedis;
  let replica: PrivateRedis;
  let store: SealedStore;
  let keyStore: RedisKeyStore;
  const clients: Redis[] = [];

  beforeAll(async () => {
    // The key store as production runs it: AOF on, snapshots on, and a replica with its own files.
    // Uncompressed snapshots, so a key in dump.rdb is found by a plain byte search.
    keys = await startPrivateRedis({ save: '3600 1', rdbcompression: false });
    replica = await startPrivateRedis({ save: '3600 1', rdbcompression: false, replicaOf: keys.port });
    data = await startPrivateRedis({ save: '3600 1', rdbcompression: false });
    const keyPrefix = uniquePrefix('final');
    keyStore = new RedisKeyStore({ url: keys.url, keyPrefix, compactAfterMs: 3_600_000 });
    store = createRedisStore({ url: data.url, keyStore, keyPrefix, vault: testVault() });
  });

  afterAll(async () => {
    await store?.close();
    for (const client of clients) client.disconnect();
    await Promise.all([data?.stop(), replica?.stop(), keys?.stop()]);
  });

  const client = (url: string) => {
    const redis = new Redis(url);
    clients.push(redis);
    return redis;
  };

  it('after a purge and the rewrite, no AOF or snapshot of the key store or its replica holds the key', async () => {
    const purged = await submitThrough(store, TEAM, 'ACC-2026-0001', 'U1', {
      sensitive: { privateNote: 'purge me' },
    });
    const kept = await submitThrough(store, TEAM, 'ACC-2026-0002', 'U2');
    const purgedNeedles = needlesOf(await keyStore.getWrappedKey(requestKeyRef(TEAM, purged.id)));
    const keptNeedles = needlesOf(await keyStore.getWrappedKey(requestKeyRef(TEAM, kept.id)));

    // Before the purge the key is on disk everywhere the key store keeps data: the search works.
    const primary = client(keys.url);
    expect(await primary.wait(1, 5000)).toBe(1);
    await snapshot(primary);
    await snapshot(client(replica.url));
    for (const dir of [keys.dir, replica.dir]) {
      expect(filesHolding(dir, purgedNeedles[1] ?? '')).toEqual(
        expect.arrayContaining(['dump.rdb', expect.stringMatching(/^appendonlydir\//)]),
      );
    }
    // The data Redis never held a data key, not even before the purge.
    await snapshot(client(data.url));
    for (const needle of [...purgedNeedles, ...keptNeedles])
      expect(filesHolding(data.dir, needle)).toEqual([]);

    await decidePurge(store, TEAM, purged.id);
    await store.requests.purge(TEAM, purged.id);
    const report = await keyStore.compact();
    expect(report.rewritten).toEqual([
      `127.0.0.1:${keys.port} aof`,
      `127.0.0.1:${keys.port} rdb`,
      `127.0.0.1:${replica.port} aof`,
      `127.0.0.1:${replica.port} rdb`,
    ]);
    await historyRemoved(keys.dir);
    await historyRemoved(replica.dir);

    for (const dir of [keys.dir, replica.dir]) {
      for (const needle of purgedNeedles) expect(filesHolding(dir, needle), dir).toEqual([]);
      // The kept request's key is still there: the files were read, not emptied.
      expect(filesHolding(dir, keptNeedles[1] ?? '').length).toBeGreaterThan(0);
    }
    expect(await store.requests.get(TEAM, kept.id)).toMatchObject({ id: kept.id });
  });

  it('a purge that was not rewritten yet is rewritten when the key store is next opened', async () => {
    const keyPrefix = uniquePrefix('due');
    const first = new RedisKeyStore({ url: keys.url, keyPrefix, compactAfterMs: 3_600_000 });
    const ref = requestKeyRef(TEAM, 'ACC-2026-0009');
    await first.createWrappedKey(ref, 'aaw1.k.d.iv.body');
    await first.deleteWrappedKey(ref, { final: true });
    await first.close();
    const primary = client(keys.url);
    expect(await primary.exists(`${keyPrefix}:keystore:rewrite-due`)).toBe(1);
    const rewrites = async () => Number(/aof_rewrites:(\d+)/.exec(await primary.info('persistence'))?.[1]);
    const before = await rewrites();
    // The process that shredded stopped before its rewrite ran; the next one to open the store runs it.
    const next = new RedisKeyStore({ url: keys.url, keyPrefix, compactAfterMs: 10 });
    for (let i = 0; i < 400 && (await primary.exists(`${keyPrefix}:keystore:rewrite-due`)) === 1; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await next.close();
    expect(await primary.exists(`${keyPrefix}:keystore:rewrite-due`)).toBe(0);
    expect(await rewrites()).toBeGreaterThan(before);
  });
});

describe('a backup of the data Redis taken before a purge', () => {
  let data: PrivateRedis;
  let backupDir: string;
  const stores: SealedStore[] = [];
  let probe: Redis;

  beforeAll(async () => {
    // Snapshots only, so what is loaded at start-up is exactly the restored dump.rdb.
    data = await startPrivateRedis({ appendonly: false });
    backupDir = mkdtempSync(join(tmpdir(), 'aa-backup-'));
    probe = new Redis(data.url, { lazyConnect: true, retryStrategy: () => 100 });
    probe.on('error', () => {});
  });

  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()));
    probe?.disconnect();
    await data?.stop();
  });

  it('brings the purged request back as ciphertext only: it cannot be read, and is removed where it turns up', async () => {
    const keyPrefix = uniquePrefix('restore');
    const vault = testVault();
    const make = () => {
      const store = createRedisStore({
        url: data.url,
        keyStore: { url: inject('keystoreUrl') },
        keyPrefix,
        vault,
      });
      stores.push(store);
      return store;
    };
    const store = make();
    const purged = await submitThrough(store, TEAM, 'ACC-2026-0101', 'U1', {
      sensitive: { statementOfNeed: 'restored?' },
    });
    const kept = await submitThrough(store, TEAM, 'ACC-2026-0102', 'U2', { minute: 5 });
    await snapshot(probe);
    const backup = join(backupDir, 'dump.rdb');
    copyFileSync(join(data.dir, 'dump.rdb'), backup);

    await decidePurge(store, TEAM, purged.id);
    await store.requests.purge(TEAM, purged.id);
    expect(await store.requests.get(TEAM, purged.id)).toBeNull();

    const recordKey = `${keyPrefix}:{${TEAM}:${purged.id}}:req`;
    const restore = async () => {
      await data.kill();
      copyFileSync(backup, join(data.dir, 'dump.rdb'));
      await data.restart();
      // The backup did bring the record back, sealed fields and all.
      expect(await probe.hget(recordKey, 'data')).toContain('"sealed"');
    };

    // Restored, then read by id (a link in an old message, a button): not found, and removed.
    await restore();
    const afterRestore = make();
    expect(await afterRestore.requests.get(TEAM, purged.id)).toBeNull();
    expect(await probe.exists(recordKey)).toBe(0);
    expect(await afterRestore.requests.get(TEAM, kept.id)).toMatchObject({ id: kept.id });

    // Restored again, then listed (HR's queue, the retention sweep, the employee's list): never shown.
    await restore();
    const listing = make();
    const queue = await listing.requests.listByStatus(TEAM, 'submitted');
    expect(queue.items.map((item) => item.id)).toEqual([kept.id]);
    expect(await probe.exists(recordKey)).toBe(0);
    expect(await probe.zscore(`${keyPrefix}:{${TEAM}}:by-status:submitted`, purged.id)).toBeNull();
    await restore();
    expect((await make().requests.listByEmployee(TEAM, 'U1')).map((s) => s.id)).toEqual([]);
    expect(await probe.exists(recordKey)).toBe(0);
  });
});
