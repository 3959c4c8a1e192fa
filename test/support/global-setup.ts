import 'vitest';
import type { TestProject } from 'vitest/node';
import { hasRedisServer, type PrivateRedis, REDIS_MISSING, startPrivateRedis } from './redis-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
  }
}

let redis: PrivateRedis | undefined;

/** One private redis-server for the whole run; tests that kill Redis start their own. */
export async function setup(project: TestProject): Promise<void> {
  if (hasRedisServer()) {
    redis = await startPrivateRedis();
    project.provide('redisUrl', redis.url);
    return;
  }
  const fallback = process.env.REDIS_URL;
  if (!fallback) throw new Error(REDIS_MISSING);
  project.provide('redisUrl', fallback);
}

export async function teardown(): Promise<void> {
  await redis?.stop();
}
