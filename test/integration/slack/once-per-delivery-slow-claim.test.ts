import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import type { AnyMiddlewareArgs } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createLogger } from '../../../src/logger.js';
import { oncePerDeliveryMiddleware } from '../../../src/slack/middleware/once-per-delivery.js';
import { createStore, type SealedStore, type Store } from '../../../src/store/index.js';

/**
 * An app replica whose event loop is backed up (two cores, heavy load) gets its claim's answer
 * from Redis late. The delivery must still be done once: the benchmark's scale-out run saw a Home
 * published twice for one event when both replicas stopped waiting for their claims and went on.
 */

let store: SealedStore;

beforeAll(() => {
  store = createStore({
    kind: 'redis',
    url: inject('redisUrl'),
    keyStoreUrl: inject('keystoreUrl'),
    pseudonymKey: randomBytes(32),
    keyPrefix: `slowclaim${process.pid}`,
    vault: { masterKeys: [{ id: 'k1', key: randomBytes(32) }] },
  });
});

afterAll(async () => {
  await store?.close();
});

/** The same store, its claims answered `ms` late, as a busy replica would see them. */
function late(ms: number): Store {
  const busy: Store = Object.create(store);
  busy.claimOnce = async (...args) => {
    const answer = await store.claimOnce(...args);
    await new Promise((resolve) => setTimeout(resolve, ms));
    return answer;
  };
  return busy;
}

const silent = createLogger({
  level: 'silent',
  stream: new Writable({ write: (_c, _e, cb) => cb() }),
  scrub: (t) => t,
});

function delivery(eventId: string) {
  let ran = 0;
  let acked = 0;
  const args = {
    body: {
      type: 'event_callback',
      event_id: eventId,
      team_id: 'TSLOW',
      event: { type: 'app_home_opened', user: 'U1' },
    },
    context: {},
    next: async () => {
      ran += 1;
    },
    ack: async () => {
      acked += 1;
    },
  } as unknown as AnyMiddlewareArgs;
  return { args, ran: () => ran, acked: () => acked };
}

describe('one delivery to two replicas whose claims come back late', () => {
  it('is done by exactly one of them, and the other acknowledges it empty', async () => {
    const id = `Ev${randomBytes(6).toString('hex').toUpperCase()}`;
    const first = delivery(id);
    const retry = delivery(id);
    const replicaA = oncePerDeliveryMiddleware(late(800), silent);
    const replicaB = oncePerDeliveryMiddleware(late(800), silent);
    await Promise.all([replicaA(first.args as never), replicaB(retry.args as never)]);
    expect(first.ran() + retry.ran()).toBe(1);
    expect(first.acked() + retry.acked()).toBe(1);
  });
});
