import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { decide } from '../../../src/domain/lifecycle/decide.js';
import { looked } from '../../../src/domain/lifecycle/on-record.js';
import { createRedisStore } from '../../../src/store/redis-store.js';
import type { SealedStore } from '../../../src/store/sealed-store.js';
import { StoreUnavailableError } from '../../../src/store/types.js';
import { freePort, type PrivateRedis, startPrivateRedis } from '../../support/redis-server.js';
import {
  canaryFields,
  hrActor,
  makeConversation,
  submitThrough,
  testVault,
  uniquePrefix,
} from './fixtures.js';

const TEAM = 'T0OUTAGE';

/** Waits until the store answers again, without re-creating it: it must reconnect on its own. */
async function untilReachable(store: SealedStore): Promise<void> {
  for (;;) {
    try {
      await store.ping();
      return;
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
    }
  }
}

describe('redis store through a Redis crash', () => {
  let redis: PrivateRedis;
  const stores: SealedStore[] = [];
  const open = () => {
    const store = createRedisStore({
      url: redis.url,
      keyStore: { url: inject('keystoreUrl') },
      keyPrefix: uniquePrefix('outage'),
      vault: testVault(),
    });
    stores.push(store);
    return store;
  };

  beforeAll(async () => {
    redis = await startPrivateRedis();
  });
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await redis.stop();
  });

  it('keeps submitted requests across a crash and reconnects by itself', async () => {
    const store = open();
    const reference = await store.requests.nextReference(TEAM, 2026);
    const request = await submitThrough(store, TEAM, reference, 'U1', { sensitive: canaryFields('restart') });

    await redis.kill();
    await redis.restart();
    await untilReachable(store);

    expect(await store.requests.get(TEAM, reference)).toEqual(request);
    expect((await store.audit.list(TEAM, reference)).map((e) => e.action)).toEqual(['submit']);
    expect((await store.requests.listByStatus(TEAM, 'submitted')).items.map((s) => s.id)).toEqual([
      reference,
    ]);
    expect(await store.requests.nextReference(TEAM, 2026)).toBe('ACC-2026-0002');
  });

  it('fails with StoreUnavailableError while Redis is down, and nothing lands afterwards', async () => {
    const store = open();
    const kept = await submitThrough(store, TEAM, 'ACC-2026-0100', 'U2', {
      sensitive: { privateNote: 'before' },
    });
    // Decided before the outage, committed during it: an acknowledgement and HR opening the letter.
    const now = new Date(Date.UTC(2026, 2, 3));
    const acknowledged = decide(kept, { type: 'acknowledge', payload: {} }, hrActor, now);
    const look = looked(kept, hrActor, now, 'letter');
    if (!acknowledged.ok || !look.ok) throw new Error('HR may acknowledge and look');

    await redis.kill();
    const attempts = [
      store.ping(),
      store.requests.get(TEAM, kept.id),
      store.requests.commit(acknowledged),
      submitThrough(store, TEAM, 'ACC-2026-0101', 'U2'),
      store.conversations.save(makeConversation(TEAM, 'U2')),
      store.requests.record(look),
    ];
    // Each refusal is caught as it happens: waiting on them in turn left a later one unhandled.
    const errors = await Promise.all(attempts.map((attempt) => attempt.catch((e: unknown) => e)));
    for (const error of errors) {
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect((error as Error).message).not.toContain(String(redis.port));
    }

    await redis.restart();
    await untilReachable(store);
    const after = await store.requests.get(TEAM, kept.id);
    expect(after?.version).toBe(1);
    expect(after?.sensitive.privateNote).toBe('before');
    expect(await store.requests.get(TEAM, 'ACC-2026-0101')).toBeNull();
    expect((await store.requests.listByEmployee(TEAM, 'U2')).map((s) => s.id)).toEqual([kept.id]);
    expect(await store.conversations.get(TEAM, 'U2')).toBeNull();
    expect((await store.audit.list(TEAM, kept.id)).map((e) => e.action)).toEqual(['submit']);
  });

  it('never names the server or its password when it cannot connect', async () => {
    const port = await freePort();
    const store = createRedisStore({
      url: `redis://:hunter2-secret@127.0.0.1:${port}`,
      keyStore: { url: `redis://:hunter2-secret@127.0.0.1:${port}/1` },
      keyPrefix: uniquePrefix('nowhere'),
      vault: testVault(),
    });
    stores.push(store);
    const error = await store.requests.get(TEAM, 'ACC-2026-0001').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    const text = `${(error as Error).message}\n${(error as Error).stack}`;
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain(String(port));
  });
});
