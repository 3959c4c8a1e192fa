import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { inject } from 'vitest';
import { type RunningApp, startHttpApp } from '../../src/app.js';
import { bullPrefix } from '../../src/jobs/bullmq-queue.js';
import { type Harness, startHarness } from './harness.js';
import { hrWorld } from './hr-world.js';

/**
 * The HR world on the shared test Redis with two app replicas (each with its own worker on the
 * same queue) reading one clock, so moving time on moves it for both; and a handle on the outbox
 * queue, for tests that look at or hurry a reminder's job. For "runs once with two processes".
 */
export interface TwoReplicas {
  readonly harness: Harness;
  readonly second: RunningApp;
  readonly queue: Queue;
  stop(): Promise<void>;
}

export async function startTwoReplicas(
  prefix: string,
  env: Readonly<Record<string, string>>,
): Promise<TwoReplicas> {
  const harness = await startHarness({
    env: { REDIS_URL: inject('redisUrl'), REDIS_KEY_PREFIX: prefix, ...env },
    emulator: { directory: hrWorld },
  });
  const second = await startHttpApp(harness.app.services.config, {
    port: 0,
    host: '127.0.0.1',
    now: harness.app.services.now,
  });
  const connection = new Redis(inject('redisUrl'), { maxRetriesPerRequest: null });
  const queue = new Queue('outbox', { connection, prefix: bullPrefix(prefix) });
  return {
    harness,
    second,
    queue,
    async stop() {
      await queue.close();
      connection.disconnect();
      await second.stop();
      await harness.stop();
    },
  };
}
