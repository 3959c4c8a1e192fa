import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createRedisStore } from '../../../src/store/redis-store.js';
import { type PrivateRedisSentinel, startPrivateRedisSentinel } from '../../support/redis-sentinel.js';
import { storeContract } from './contract.js';
import { submitThrough, testVault, uniquePrefix } from './fixtures.js';
import { dumpRedis } from './redis-dump.js';

/**
 * The store contract through Sentinel: the app is given only the sentinel's address and the
 * master's name (`redis+sentinel://…/mymaster`) and finds the primary by asking. One primary and
 * one sentinel for the whole file.
 */

let sentinel: PrivateRedisSentinel;
let scanner: Redis;

beforeAll(async () => {
  sentinel = await startPrivateRedisSentinel();
  // Straight to the primary, to see where the data really went.
  scanner = new Redis(sentinel.primary.url);
}, 60_000);
afterAll(async () => {
  scanner?.disconnect();
  await sentinel?.stop();
});

storeContract({
  name: 'redis via sentinel',
  open: (options) =>
    createRedisStore({
      ...options,
      url: sentinel.url,
      keyStore: { url: inject('keystoreUrl') },
      vault: testVault(),
    }),
  idle: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  dump: (_store, keyPrefix) => dumpRedis(scanner, keyPrefix),
});

describe('store through Sentinel', () => {
  it('writes to the primary the sentinel names', async () => {
    const keyPrefix = uniquePrefix('sentinel');
    const store = createRedisStore({
      url: sentinel.url,
      keyPrefix,
      keyStore: { url: inject('keystoreUrl') },
      vault: testVault(),
    });
    try {
      await submitThrough(store, 'T0SENTINEL', 'ACC-2026-0001', 'U1');
      expect(await scanner.keys(`${keyPrefix}:*:req`)).toHaveLength(1);
    } finally {
      await store.close();
    }
  });
});
