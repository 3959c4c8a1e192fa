import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildServices } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { type Harness, startHarness } from '../support/harness.js';
import { eventually } from '../support/hr-world.js';
import { stepFour, stepOne, stepThree, stepTwo } from '../support/intake-answers.js';
import { type PrivateRedis, startPrivateRedis } from '../support/redis-server.js';
import { TEAM } from '../support/scripts.js';

/**
 * "Saved" means what REDIS_DURABILITY says, on a real Redis: with `aof` a write counts once it is
 * in the AOF on disk (appendfsync always, or WAITAOF on Redis 7.2+), and a Redis that cannot
 * promise that stops the app at start; with `replicas` a write counts once a replica has it, and
 * when none answers in time the person is told "saved, but not yet safe", keeps what they typed,
 * and carries on by pressing again once the replica is back.
 */

function redisVersion(): string {
  const out = spawnSync('redis-server', ['--version'], { encoding: 'utf8' }).stdout ?? '';
  return /v=([0-9.]+)/.exec(out)?.[1] ?? '0.0.0';
}
const [major = 0, minor = 0] = redisVersion().split('.').map(Number);
const hasWaitAof = major > 7 || (major === 7 && minor >= 2);

async function servicesOn(redis: PrivateRedis, env: Record<string, string>) {
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-durability',
    SLACK_SIGNING_SECRET: 'durability-secret',
    VAULT_MASTER_KEYS: `durable${randomBytes(4).toString('hex')}:${randomBytes(32).toString('base64')}`,
    PSEUDONYM_KEY: randomBytes(32).toString('base64'),
    HR_USER_IDS: 'UHR',
    REDIS_URL: redis.url,
    KEYSTORE_URL: inject('keystoreUrl'),
    REDIS_KEY_PREFIX: `durable${process.pid}`,
    LOG_LEVEL: 'silent',
    ...env,
  });
  return buildServices(config);
}

describe('REDIS_DURABILITY=aof on a real Redis with the AOF', () => {
  it('takes the reply as proof when Redis fsyncs before replying (appendfsync always)', async () => {
    const redis = await startPrivateRedis({ appendfsync: 'always' });
    try {
      const services = await servicesOn(redis, { REDIS_DURABILITY: 'aof' });
      expect(await services.store.durability()).toEqual({ kind: 'reply' });
      await services.store.close();
    } finally {
      await redis.stop();
    }
  });

  it.runIf(!hasWaitAof)(
    'refuses to start on Redis before 7.2 with appendfsync everysec, naming the fix',
    async () => {
      const redis = await startPrivateRedis({ appendfsync: 'everysec' });
      try {
        await expect(servicesOn(redis, { REDIS_DURABILITY: 'aof' })).rejects.toThrow(
          /appendfsync everysec.*set appendonly yes and appendfsync always.*7\.2.*REDIS_DURABILITY=none/,
        );
        // Asked for nothing more than the reply, the same Redis is accepted.
        const services = await servicesOn(redis, { REDIS_DURABILITY: 'none' });
        expect(await services.store.durability()).toEqual({ kind: 'reply' });
        await services.store.close();
      } finally {
        await redis.stop();
      }
    },
  );

  it.runIf(hasWaitAof)(
    'waits for the fsync with WAITAOF on Redis 7.2+ with appendfsync everysec',
    async () => {
      const redis = await startPrivateRedis({ appendfsync: 'everysec' });
      try {
        const services = await servicesOn(redis, { REDIS_DURABILITY: 'aof' });
        expect((await services.store.durability()).kind).toBe('waitaof');
        await services.store.confirmWrites();
        await services.store.close();
      } finally {
        await redis.stop();
      }
    },
  );

  it('refuses to start on a Redis without the AOF', async () => {
    const redis = await startPrivateRedis({ appendonly: false });
    try {
      await expect(servicesOn(redis, { REDIS_DURABILITY: 'aof' })).rejects.toThrow(/appendonly no/);
    } finally {
      await redis.stop();
    }
  });
});

describe('REDIS_DURABILITY=replicas: a write counts once a replica has it', () => {
  let primary: PrivateRedis;
  let replica: PrivateRedis;
  let harness: Harness;

  async function replicaInSync(): Promise<void> {
    const probe = new Redis(primary.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await probe.connect();
    try {
      await eventually(async () => {
        const info = await probe.info('replication');
        return /connected_slaves:1/.test(info) && /state=online/.test(info);
      }, 'the replica to be in sync');
    } finally {
      probe.disconnect();
    }
  }

  beforeAll(async () => {
    primary = await startPrivateRedis();
    replica = await startPrivateRedis({ replicaOf: primary.port });
    await replicaInSync();
    harness = await startHarness({
      env: {
        REDIS_URL: primary.url,
        REDIS_KEY_PREFIX: `replicas${process.pid}`,
        REDIS_DURABILITY: 'replicas',
        REDIS_WAIT_REPLICAS: '1',
        REDIS_WAIT_TIMEOUT_MS: '300',
      },
    });
  }, 60_000);
  afterAll(async () => {
    await harness?.stop();
    await replica?.stop();
    await primary?.stop();
  });

  it('says a step was saved but not yet safe when no replica confirms it, keeps the form, and carries on', async () => {
    const { employee } = harness;
    await employee.command('/accommodation');
    await employee.click('I understand, continue');
    await employee.fill(stepOne);
    await employee.submit();
    await employee.expect('Step 2 of 5');

    await replica.kill();
    await employee.fill(stepTwo);
    await employee.submit();
    await employee.expect('Step 2 of 5');
    await employee.expect('I saved that, but couldn’t yet confirm it is stored safely');
    const typed = JSON.stringify(employee.topModal()?.values ?? {});
    for (const value of ['09:00', '17:30', 'friday']) expect(typed.toLowerCase()).toContain(value);

    await replica.restart();
    await replicaInSync();
    await employee.submit();
    await employee.expect('Step 3 of 5');
  });

  it('says a request was saved but not yet safe, and pressing again confirms it without sending twice', async () => {
    const { employee } = harness;
    await employee.fill(stepThree);
    await employee.submit();
    await employee.fill(stepFour);
    await employee.submit();
    await employee.expect('Step 5 of 5');

    await replica.kill();
    await employee.submit();
    await employee.expect('Your request is saved, but I couldn’t yet confirm it is stored safely');
    await employee.expect('Dear HR');

    await replica.restart();
    await replicaInSync();
    await employee.submit();
    expect(employee.topModal()).toBeUndefined();
    await employee.expect('Your request is saved, and HR will be told');
    const { store } = harness.app.services;
    const requests = await store.requests.listByEmployee(TEAM, employee.user.id);
    expect(requests).toHaveLength(1);
    const id = requests[0]?.id ?? '';
    await eventually(
      () =>
        harness
          .calls('chat.postMessage')
          .some((c) => c.ok && c.args.channel === 'CHR' && String(c.args.text).includes(id)),
      'the HR card',
    );
    await harness.emulator.settle();
    const cards = harness
      .calls('chat.postMessage')
      .filter(
        (c) => c.ok && c.args.channel === 'CHR' && !c.args.thread_ts && String(c.args.text).includes(id),
      );
    expect(cards).toHaveLength(1);
  });
});
