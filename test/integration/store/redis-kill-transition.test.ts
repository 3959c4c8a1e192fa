import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AccommodationRequest } from '../../../src/domain/request.js';
import type { StoreBackend } from '../../../src/store/backend.js';
import { createRedisStore } from '../../../src/store/redis-store.js';
import { SealedStore } from '../../../src/store/sealed-store.js';
import { StoreUnavailableError } from '../../../src/store/types.js';
import { type PrivateRedis, startPrivateRedis } from '../../support/redis-server.js';
import { transition } from './contract.js';
import { makeRequest, testVault, uniquePrefix } from './fixtures.js';

const TEAM = 'T0KILL';

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

/** Every version of the record has its audit entry and its outbox entry; nothing else is there. */
async function expectWhole(store: SealedStore, id: string): Promise<number> {
  const record = await store.requests.get(TEAM, id);
  const audit = await store.audit.list(TEAM, id);
  const pending = (await store.outbox.pending(TEAM, id)).map((e) => e.id);
  const version = record?.version ?? 0;
  expect(audit).toHaveLength(version);
  expect(pending).toEqual(Array.from({ length: version }, (_, i) => `${id}:${i + 1}:0`));
  if (record) expect(audit.at(-1)?.toStatus).toBe(record.status);
  return version;
}

const statuses = ['acknowledged', 'documentation_requested'] as const;
const step = (current: AccommodationRequest, n: number) =>
  transition(
    {
      ...current,
      status: statuses[n % 2] ?? 'acknowledged',
      updatedAt: new Date(Date.UTC(2026, 2, 3, 0, n)).toISOString(),
    },
    'acknowledge',
    [{ kind: 'hr_thread', requestId: current.id, event: `step-${n}` }],
    current.status,
  );

describe('a transition through a Redis kill (SIGKILL)', () => {
  let redis: PrivateRedis;
  const stores: SealedStore[] = [];
  const open = () => {
    const store = createRedisStore({
      url: redis.url,
      keyStore: { url: inject('keystoreUrl') },
      keyPrefix: uniquePrefix('kill'),
      vault: testVault(),
      connectWaitMs: 200,
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

  it('killed right after the compare-and-set: the new status comes back with its audit entry and effect', async () => {
    const store = open();
    const id = 'ACC-2026-0201';
    const { request } = await store.requests.commit(
      transition({ ...makeRequest(TEAM, id, 'U1'), version: 0 }, 'submit', [
        { kind: 'hr_card', requestId: id },
      ]),
    );
    // Redis dies the moment the script has run, before the store does anything else.
    const killAfter = new Proxy(store.backend, {
      get(target, property) {
        const value = Reflect.get(target, property);
        if (typeof value !== 'function') return value;
        if (property !== 'commitTransition') return value.bind(target);
        return async (...args: unknown[]) => {
          const outcome = await value.apply(target, args);
          await redis.kill();
          return outcome;
        };
      },
    }) as StoreBackend;
    const dying = new SealedStore(killAfter, store.vault);
    await expect(dying.requests.commit(step(request, 1))).rejects.toBeInstanceOf(StoreUnavailableError);

    await redis.restart();
    await untilReachable(store);
    expect((await store.requests.get(TEAM, id))?.status).toBe('documentation_requested');
    expect(await expectWhole(store, id)).toBe(2);
    expect(
      (await store.requests.listByStatus(TEAM, 'documentation_requested')).items.map((s) => s.id),
    ).toEqual([id]);
  });

  it('killed at random moments under steady transitions: never a status without its audit entry and effect', async () => {
    const store = open();
    const ids = Array.from({ length: 6 }, (_, i) => `ACC-2026-03${String(i).padStart(2, '0')}`);
    for (const id of ids)
      await store.requests.commit(
        transition({ ...makeRequest(TEAM, id, 'U1'), version: 0 }, 'submit', [
          { kind: 'hr_card', requestId: id },
        ]),
      );
    let stop = false;
    let written = 0;
    let failed = 0;
    const writer = async (id: string) => {
      for (let n = 1; !stop; n++) {
        try {
          const current = await store.requests.get(TEAM, id);
          if (!current) throw new Error('lost a request');
          await store.requests.commit(step(current, n));
          written++;
        } catch (error) {
          if (!(error instanceof StoreUnavailableError)) throw error;
          failed++;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }
    };
    const writers = ids.map(writer);
    const kills = 8;
    for (let k = 0; k < kills; k++) {
      await new Promise((resolve) => setTimeout(resolve, 40 + Math.random() * 120));
      await redis.kill();
      await new Promise((resolve) => setTimeout(resolve, 30));
      await redis.restart();
      await untilReachable(store);
    }
    stop = true;
    await Promise.all(writers);
    let versions = 0;
    for (const id of ids) versions += await expectWhole(store, id);
    // The run did write through the kills, and some writes were cut off by them.
    expect(written).toBeGreaterThan(20);
    expect(failed).toBeGreaterThan(0);
    expect(versions).toBeGreaterThanOrEqual(written);
  }, 60_000);
});
