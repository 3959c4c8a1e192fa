import { afterAll, beforeAll } from 'vitest';
import { type PrivateRedisCluster, startPrivateRedisCluster } from '../../support/redis-cluster.js';
import { outboxWorkerSuite } from './outbox-worker-suite.js';

/**
 * The outbox worker's tests again on a three-primary Redis Cluster: BullMQ's keys under their hash
 * tag, the store's scripts each in one slot, the dead-letter command line through a cluster URL.
 */

let cluster: PrivateRedisCluster | undefined;
beforeAll(async () => {
  cluster = await startPrivateRedisCluster();
}, 60_000);
afterAll(async () => {
  await cluster?.stop();
});

outboxWorkerSuite('a three-primary Redis Cluster', () => {
  if (!cluster) throw new Error('the cluster did not start');
  return cluster.url;
});
