import { Redis } from 'ioredis';
import { afterAll, inject } from 'vitest';
import { createRedisStore } from '../../../src/store/redis-store.js';
import { storeContract } from './contract.js';
import { testVault } from './fixtures.js';
import { dumpRedis } from './redis-dump.js';

const url = inject('redisUrl');
const scanner = new Redis(url, { lazyConnect: true });
afterAll(async () => {
  await scanner.quit();
});

storeContract({
  name: 'redis',
  open: (options) =>
    createRedisStore({ ...options, url, keyStore: { url: inject('keystoreUrl') }, vault: testVault() }),
  idle: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  dump: (_store, keyPrefix) => dumpRedis(scanner, keyPrefix),
});
