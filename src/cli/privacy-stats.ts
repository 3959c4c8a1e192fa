import { readHeldBackStats } from '../privacy/held-back-counter.js';
import { openRedis, type RedisClient } from '../store/redis-connection.js';
import type { CliIO } from './io.js';

export const STATS_USAGE = `Usage: npm run --silent cli -- privacy stats

Prints how many outbound Slack calls the privacy guard held back, as one JSON object:
  {"heldBack": {"total": 3, "byMethod": {"chat.postMessage": 2, "views.open": 1}}}
Reads REDIS_URL (and REDIS_KEY_PREFIX) from the environment: the app counts there. Without Redis the
app runs in memory and each held-back call is only in its log ("outbound Slack call held back",
with a running "heldBackCount"). Exit code 0, 1 if Redis cannot be read, 2 for wrong usage.
`;

/** `privacy stats`: the guard's held-back count, for an operator. */
export async function runStats(
  args: string[],
  io: CliIO,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  if (args.length > 0) {
    io.stderr.write(`privacy stats takes no options.\n\n${STATS_USAGE}`);
    return 2;
  }
  const url = env.REDIS_URL?.trim();
  if (!url) {
    io.stderr.write(
      'REDIS_URL is not set, so there is no saved count to read. Set it to the Redis the app uses ' +
        '(see .env.example); an app running in memory reports each held-back call in its log only.\n',
    );
    return 1;
  }
  let redis: RedisClient;
  try {
    redis = openRedis(url, {
      lazyConnect: true,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      retryStrategy: () => null,
    });
  } catch (error) {
    // The parser's messages say what is wrong with the form, never the URL itself.
    io.stderr.write(`REDIS_URL is not valid: ${(error as Error).message}.\n`);
    return 1;
  }
  try {
    await redis.connect();
    const heldBack = await readHeldBackStats(redis, env.REDIS_KEY_PREFIX?.trim() || undefined);
    io.stdout.write(`${JSON.stringify({ heldBack })}\n`);
    return 0;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.stderr.write(
      `Could not read the count from Redis${code ? ` (${code})` : ''}: check REDIS_URL and that Redis is running.\n`,
    );
    return 1;
  } finally {
    redis.disconnect();
  }
}
