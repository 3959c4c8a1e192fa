import { primariesOf, type RedisClient } from '../../../src/store/redis-connection.js';

/**
 * Every key under the prefix and every value in it, whatever its type, as `key value` lines. On a
 * cluster each primary is scanned for its own keys; values are read through the cluster client.
 */
export async function dumpRedis(redis: RedisClient, keyPrefix: string): Promise<string[]> {
  const keys: string[] = [];
  for (const node of primariesOf(redis)) {
    let cursor = '0';
    do {
      const [next, found] = await node.scan(cursor, 'MATCH', `${keyPrefix}:*`, 'COUNT', 500);
      cursor = next;
      keys.push(...found);
    } while (cursor !== '0');
  }
  const lines: string[] = [];
  for (const key of keys) {
    const type = await redis.type(key);
    const values: string[] = [];
    if (type === 'string') values.push((await redis.get(key)) ?? '');
    else if (type === 'hash') values.push(...Object.entries(await redis.hgetall(key)).flat());
    else if (type === 'zset') values.push(...(await redis.zrangebyscore(key, '-inf', '+inf', 'WITHSCORES')));
    else if (type === 'set') values.push(...(await redis.smembers(key)));
    else if (type === 'list') values.push(...(await redis.lrange(key, 0, -1)));
    else if (type === 'stream') {
      for (const [id, fields] of await redis.xrange(key, '-', '+')) values.push(id, ...fields);
    } else values.push(`(unscanned type ${type})`);
    lines.push(...values.map((value) => `${key} ${value}`), key);
  }
  return lines;
}
