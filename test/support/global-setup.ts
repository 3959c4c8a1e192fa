import 'vitest';
import type { TestProject } from 'vitest/node';
import { hasRedisServer, type PrivateRedis, REDIS_MISSING, startPrivateRedis } from './redis-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
    /** A second private redis-server for the data keys (KEYSTORE_URL): never the data Redis. */
    keystoreUrl: string;
  }
}

let redis: PrivateRedis | undefined;
let keystore: PrivateRedis | undefined;

/** One private redis-server for the whole run; tests that kill Redis start their own. */
export async function setup(project: TestProject): Promise<void> {
  if (hasRedisServer()) {
    [redis, keystore] = await Promise.all([startPrivateRedis(), startPrivateRedis()]);
    project.provide('redisUrl', redis.url);
    project.provide('keystoreUrl', keystore.url);
    return;
  }
  const fallback = process.env.REDIS_URL;
  const keystoreFallback = process.env.KEYSTORE_URL;
  if (!fallback || !keystoreFallback) throw new Error(`${REDIS_MISSING} (and KEYSTORE_URL to a second one)`);
  project.provide('redisUrl', fallback);
  project.provide('keystoreUrl', keystoreFallback);
}

export async function teardown(): Promise<void> {
  await Promise.all([redis?.stop(), keystore?.stop()]);
}
