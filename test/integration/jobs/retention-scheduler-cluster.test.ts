import { afterAll, beforeAll } from 'vitest';
import { type PrivateRedisCluster, startPrivateRedisCluster } from '../../support/redis-cluster.js';
import { retentionSuite } from './retention-suite.js';

/**
 * Retention's tests again with the data on a three-primary Redis Cluster: the job scheduler and the
 * one-at-a-time queue under BullMQ's hash tag, the purge's transition in the request's slot.
 */

let cluster: PrivateRedisCluster | undefined;
beforeAll(async () => {
  cluster = await startPrivateRedisCluster();
}, 60_000);
afterAll(async () => {
  await cluster?.stop();
});

retentionSuite('a three-primary Redis Cluster', () => {
  if (!cluster) throw new Error('the cluster did not start');
  return cluster.url;
});
