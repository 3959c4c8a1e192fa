import { openRedis, type RedisClient } from '../store/redis-connection.js';
import type { HeldBackCounter } from './guard.js';

/**
 * Where the guard's held-back calls are counted, so an operator sees them with
 * `npm run --silent cli -- privacy stats`: one Redis hash per key prefix, one field per Slack method
 * and a total. Nothing about the content is kept, only how many and through which method.
 */

const TOTAL = 'total';

export function heldBackKey(keyPrefix: string | undefined): string {
  return `${keyPrefix ? `${keyPrefix}:` : ''}privacy:held-back`;
}

export interface HeldBackStats {
  total: number;
  byMethod: Record<string, number>;
}

/**
 * A counter in Redis. Each count opens its own short connection and closes it: a held-back call is
 * rare, so the app keeps no second connection open for it and has nothing to close at shutdown. If
 * Redis is away the count is lost, and the log line the guard writes for the call still says it.
 */
export function redisHeldBackCounter(url: string, keyPrefix: string | undefined): HeldBackCounter {
  const key = heldBackKey(keyPrefix);
  return {
    async add(method) {
      const redis = openRedis(url, {
        lazyConnect: true,
        maxRetriesPerRequest: 1,
        connectTimeout: 2000,
        retryStrategy: () => null,
      });
      try {
        await redis.connect();
        await redis.multi().hincrby(key, TOTAL, 1).hincrby(key, method, 1).exec();
      } finally {
        redis.disconnect();
      }
    },
  };
}

/** For the in-process demo: counts live as long as the process (the log lines say them too). */
export function memoryHeldBackCounter(): HeldBackCounter & { stats(): HeldBackStats } {
  const byMethod: Record<string, number> = {};
  let total = 0;
  return {
    async add(method) {
      total++;
      byMethod[method] = (byMethod[method] ?? 0) + 1;
    },
    stats: () => ({ total, byMethod: { ...byMethod } }),
  };
}

export async function readHeldBackStats(
  redis: RedisClient,
  keyPrefix: string | undefined,
): Promise<HeldBackStats> {
  const fields = await redis.hgetall(heldBackKey(keyPrefix));
  const byMethod: Record<string, number> = {};
  for (const [field, value] of Object.entries(fields)) if (field !== TOTAL) byMethod[field] = Number(value);
  return { total: Number(fields[TOTAL] ?? 0), byMethod };
}
