import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runStats } from '../../src/cli/privacy-stats.js';
import { createLogger } from '../../src/logger.js';
import { createGuardedFetch } from '../../src/privacy/guard.js';
import { redisHeldBackCounter } from '../../src/privacy/held-back-counter.js';
import { type PrivateRedis, startPrivateRedis } from '../support/redis-server.js';

let redis: PrivateRedis;
beforeAll(async () => {
  redis = await startPrivateRedis();
});
afterAll(async () => {
  await redis?.stop();
});

async function stats(env: NodeJS.ProcessEnv) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk));
  stderr.on('data', (chunk: Buffer) => err.push(chunk));
  const code = await runStats([], { stdin: new PassThrough(), stdout, stderr }, env);
  return { code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() };
}

it('counts each held-back call in Redis, and privacy stats reads the count back', async () => {
  const counter = redisHeldBackCounter(redis.url, 'aa');
  const guarded = createGuardedFetch({
    logger: createLogger({ level: 'silent', scrub: (text) => text, stream: new PassThrough() }),
    baseFetch: async () => new Response('{"ok":true}'),
    counter,
  });
  const post = (method: string, text: string) =>
    guarded(`http://127.0.0.1:1/api/${method}`, {
      method: 'POST',
      body: new URLSearchParams({ channel: 'C1', text }).toString(),
    });
  await post('chat.postMessage', 'her sertraline dose changed');
  await post('chat.postMessage', 'can we move standup?');
  await post('chat.update', 'back from rehab on monday');

  const result = await stats({ REDIS_URL: redis.url, REDIS_KEY_PREFIX: 'aa' });
  expect(result.code).toBe(0);
  expect(JSON.parse(result.stdout)).toEqual({
    heldBack: { total: 2, byMethod: { 'chat.postMessage': 1, 'chat.update': 1 } },
  });
});

it('says what to do when there is no Redis to read', async () => {
  const result = await stats({});
  expect(result.code).toBe(1);
  expect(result.stderr).toContain('REDIS_URL is not set');
});
