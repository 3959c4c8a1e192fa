import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openRedis, primariesOf, type RedisClient } from '../../../src/store/redis-connection.js';
import { createRedisStore } from '../../../src/store/redis-store.js';
import { type PrivateRedisCluster, startPrivateRedisCluster } from '../../support/redis-cluster.js';
import { storeContract } from './contract.js';
import { submitThrough, testVault, uniquePrefix } from './fixtures.js';
import { dumpRedis } from './redis-dump.js';

/**
 * The one store contract again, on a three-primary Redis Cluster: every script and transaction must
 * keep to one hash slot, or Redis answers CROSSSLOT and the contract fails here. One cluster for
 * the whole file.
 */

let cluster: PrivateRedisCluster;
let scanner: RedisClient;

beforeAll(async () => {
  cluster = await startPrivateRedisCluster();
  scanner = openRedis(cluster.url);
}, 60_000);
afterAll(async () => {
  scanner?.disconnect();
  await cluster?.stop();
});

storeContract({
  name: 'redis cluster',
  open: (options) =>
    createRedisStore({
      ...options,
      url: cluster.url,
      keyStore: { url: inject('keystoreUrl') },
      vault: testVault(),
    }),
  idle: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  dump: (_store, keyPrefix) => dumpRedis(scanner, keyPrefix),
});

describe('store on a cluster', () => {
  it('spreads requests over more than one primary, so the contract above crossed nodes', async () => {
    const keyPrefix = uniquePrefix('spread');
    const store = createRedisStore({
      url: cluster.url,
      keyStore: { url: inject('keystoreUrl') },
      keyPrefix,
      vault: testVault(),
    });
    try {
      for (let i = 1; i <= 12; i++) {
        await submitThrough(store, 'T0SPREAD', `ACC-2026-${String(i).padStart(4, '0')}`, `U${i}`);
      }
      const holding = await Promise.all(
        primariesOf(scanner).map(async (node) => (await node.keys(`${keyPrefix}:*:req`)).length),
      );
      expect(holding.filter((count) => count > 0).length).toBeGreaterThan(1);
      expect(holding.reduce((a, b) => a + b, 0)).toBe(12);
    } finally {
      await store.close();
    }
  });
});
