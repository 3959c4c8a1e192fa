import { PassThrough } from 'node:stream';
import { type Emulator, startEmulator } from '@accommodation-assistant/slack-emulator';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildServices } from '../../../src/app.js';
import { demoEnvironment } from '../../../src/cli/demo-env.js';
import { demoDirectory } from '../../../src/cli/demo-workspace.js';
import { loadConfig } from '../../../src/config.js';
import { systemActor } from '../../../src/domain/roles.js';
import type { CommandType } from '../../../src/domain/statuses.js';
import { bullPrefix } from '../../../src/jobs/bullmq-queue.js';
import { startOutboxWorker } from '../../../src/jobs/outbox.js';
import { scheduleRetention } from '../../../src/jobs/retention.js';
import { ShreddedError } from '../../../src/privacy/vault.js';
import type { AppServices } from '../../../src/services.js';
import { keyedPseudonyms, redisKeys, requestKeyRef } from '../../../src/store/keys.js';
import { openRedis } from '../../../src/store/redis-connection.js';
import { createRedisStore } from '../../../src/store/redis-store.js';
import { lifecyclePolicy } from '../../../src/workflows/lifecycle-policy.js';
import { runCommand } from '../../../src/workflows/run-command.js';
import { payloads } from '../../unit/domain/lifecycle/fixtures.js';
import { makeConversation, makeRequest, uniquePrefix } from '../store/fixtures.js';

/**
 * Retention as the app runs it: a BullMQ job scheduler on real Redis, asked for by two replicas,
 * each with its own worker. Requests are sent, delivered to HR, withdrawn and closed, and the
 * replicas' shared clock is moved past RETENTION_DAYS; the scheduler then runs every second.
 */

let redisUrl: () => string = () => {
  throw new Error('retentionSuite sets the Redis URL');
};

const TEAM = 'T0DEMO';
/** A second workspace of the same installation (an org-wide install): not the bot token's. */
const OTHER_TEAM = 'T0OTHER';
const EMPLOYEE = { role: 'employee', id: 'UEMPLOYEE' } as const;
const HR = { role: 'hr', id: 'UHR' } as const;
const DAY_MS = 86_400_000;

let emulator: Emulator;
const opened: AppServices[] = [];
const stops: (() => Promise<void>)[] = [];

interface Logged {
  readonly replica: number;
  readonly msg: string;
  readonly purged?: number;
}

function installation(env: Record<string, string>) {
  const keyPrefix = uniquePrefix('retention');
  const config = loadConfig(
    demoEnvironment(emulator, {
      REDIS_URL: redisUrl(),
      KEYSTORE_URL: inject('keystoreUrl'),
      REDIS_KEY_PREFIX: keyPrefix,
      WORKER_IN_APP: 'false',
      OUTBOX_SWEEP_SECONDS: '3600',
      LOG_LEVEL: 'debug',
      ...env,
    }),
  );
  /** Every replica's log lines, in the order they were written. */
  const logs: Logged[] = [];
  let offsetMs = 0;
  const clock = {
    now: () => new Date(Date.now() + offsetMs),
    advanceDays: (days: number) => {
      offsetMs += days * DAY_MS;
    },
  };
  const replica = async (): Promise<AppServices> => {
    const index = opened.length;
    const logStream = new PassThrough();
    logStream.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        const { msg, purged } = JSON.parse(line) as { msg: string; purged?: number };
        logs.push({ replica: index, msg, ...(purged === undefined ? {} : { purged }) });
      }
    });
    const services = await buildServices(config, { logStream, now: clock.now });
    opened.push(services);
    return services;
  };
  return { config, keyPrefix, logs, clock, replica };
}

async function until(check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > ms) throw new Error('waited too long');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

let sequence = 0;
/** A request sent to HR (its card delivered) and withdrawn by the employee; HR's card stays. */
async function sentThenWithdrawn(services: AppServices, team = TEAM): Promise<string> {
  const reference = `ACC-2026-${String(++sequence).padStart(4, '0')}`;
  const { schedule, work, accommodations, disclosure } = makeRequest(team, reference, EMPLOYEE.id);
  const sent = await runCommand(
    services,
    team,
    reference,
    {
      type: 'submit',
      payload: { reference, teamId: team, schedule, work, accommodations, disclosure, sensitive: {} },
    },
    EMPLOYEE,
  );
  if (!sent.ok) throw new Error(sent.message);
  await until(async () => (await services.store.outbox.posts(team, reference)).length > 0);
  const withdrawn = await runCommand(services, team, reference, { type: 'withdraw', payload: {} }, EMPLOYEE);
  if (!withdrawn.ok) throw new Error(withdrawn.message);
  await until(async () => (await services.store.outbox.pending(team, reference)).length === 0);
  return reference;
}

/** A request sent to HR and taken by HR through `steps` (forms filled in as HR's surfaces send them). */
async function decidedByHr(services: AppServices, steps: readonly CommandType[]): Promise<string> {
  const reference = `ACC-2026-${String(++sequence).padStart(4, '0')}`;
  const { schedule, work, accommodations, disclosure } = makeRequest(TEAM, reference, EMPLOYEE.id);
  const sent = await runCommand(
    services,
    TEAM,
    reference,
    {
      type: 'submit',
      payload: { reference, teamId: TEAM, schedule, work, accommodations, disclosure, sensitive: {} },
    },
    EMPLOYEE,
  );
  if (!sent.ok) throw new Error(sent.message);
  for (const type of steps) {
    const done = await runCommand(services, TEAM, reference, { type, payload: payloads[type] }, HR);
    if (!done.ok) throw new Error(`${type}: ${done.message}`);
  }
  await until(async () => (await services.store.outbox.pending(TEAM, reference)).length === 0);
  return reference;
}

/** The grace period after a withdrawal ends and the request closes, as its reminder would close it. */
async function closedAfterGrace(services: AppServices, reference: string, now?: Date): Promise<void> {
  const closed = await runCommand(
    services,
    TEAM,
    reference,
    { type: 'close_after_grace', payload: {} },
    systemActor,
    now ? { now } : {},
  );
  if (!closed.ok) throw new Error(closed.message);
  await until(async () => (await services.store.outbox.pending(TEAM, reference)).length === 0);
}

/** The app's messages still in Slack that name the request: HR's card, the DMs (the purge deletes them). */
const postsAbout = (reference: string) =>
  emulator.workspace.allMessages().filter((m) => m.fromBot && JSON.stringify(m).includes(reference));

const runsFinished = (logs: readonly Logged[]) =>
  logs.filter((l) => l.msg === 'retention run finished').length;

/** Registers the suite against the data Redis at `url` (one server or a cluster URL), read when each test starts. */
export function retentionSuite(name: string, url: () => string): void {
  redisUrl = url;
  beforeAll(async () => {
    emulator = await startEmulator({ directory: demoDirectory });
  });
  afterAll(async () => {
    for (const stop of stops) await stop();
    for (const services of opened) {
      await services.effects.close();
      await services.store.close();
    }
    await emulator.stop();
  });

  describe(`retention (a BullMQ job scheduler, two replicas, ${name})`, () => {
    it('purges each request past retention once, with one tombstone, one run at a time', {
      timeout: 60_000,
    }, async () => {
      const site = installation({ RETENTION_DAYS: '30', RETENTION_SWEEP_SECONDS: '1' });
      const [one, two] = [await site.replica(), await site.replica()];
      stops.push(await startOutboxWorker(one), await startOutboxWorker(two));

      const due = [await sentThenWithdrawn(one), await sentThenWithdrawn(two), await sentThenWithdrawn(one)];
      const graceDays = lifecyclePolicy(site.config).closeGraceDays + 1;
      site.clock.advanceDays(graceDays);
      for (const reference of due) await closedAfterGrace(one, reference);
      // A second look at the same Redis, to read what is sealed at rest and try to open it later.
      const inspector = createRedisStore({
        url: redisUrl(),
        keyPrefix: site.keyPrefix,
        keyStore: { url: inject('keystoreUrl') },
        vault: { masterKeys: site.config.vaultMasterKeys, dataKeyCacheMs: 0 },
      });
      const sealedBefore = new Map<string, string>();
      for (const reference of due) {
        const raw = JSON.parse((await inspector.backend.getRequest(TEAM, reference)) ?? '{}') as {
          sealed?: string;
          version: number;
        };
        if (!raw.sealed) throw new Error('the request is not sealed at rest');
        sealedBefore.set(reference, `request@v${raw.version} ${raw.sealed}`);
      }

      site.clock.advanceDays(31);
      // Closed later than the others: not due for weeks yet.
      const kept = await sentThenWithdrawn(two);
      await closedAfterGrace(two, kept, new Date(site.clock.now().getTime() + graceDays * DAY_MS));

      // Each replica asks for the schedule at start, as `npm start` does.
      await Promise.all([scheduleRetention(one), scheduleRetention(two)]);

      await until(async () => {
        // Raw reads: between shredding the key and removing the record, a full read says "deleted".
        const left = await Promise.all(due.map((reference) => inspector.backend.getRequest(TEAM, reference)));
        return left.every((raw) => raw === null) && due.every((r) => postsAbout(r).length === 0);
      });
      // Let the schedule come round a few more times: nothing more may happen.
      const afterPurge = runsFinished(site.logs);
      await until(() => runsFinished(site.logs) >= afterPurge + 3);
      for (const stop of stops.splice(0)) await stop();

      for (const reference of due) {
        expect(postsAbout(reference), reference).toEqual([]);
        expect(await one.store.outbox.pending(TEAM, reference)).toEqual([]);
        // The audit trail is one tombstone, the purge as decide recorded it: purged once, by the system,
        // naming no one.
        expect(await one.store.audit.list(TEAM, reference)).toEqual([
          {
            at: expect.any(String),
            actorRole: 'system',
            actorId: 'system',
            action: 'purge',
            fromStatus: 'closed',
            toStatus: 'purged',
          },
        ]);
        // Nothing left in Redis opens what was sealed: the request's data key is shredded.
        await expect(
          inspector.vault.open(
            requestKeyRef(TEAM, reference),
            ...((sealedBefore.get(reference) ?? ' ').split(' ') as [string, string]),
          ),
        ).rejects.toBeInstanceOf(ShreddedError);
      }
      // No message of the app's was deleted twice (the purge deletes what it posted about a request).
      const deleted = emulator.calls('chat.delete').filter((c) => c.ok);
      expect(new Set(deleted.map((c) => `${c.args.channel} ${c.args.ts}`)).size).toBe(deleted.length);
      expect((await one.store.requests.get(TEAM, kept))?.status).toBe('closed');
      expect(postsAbout(kept).length).toBeGreaterThan(0);
      const purgedCounts = site.logs.filter((l) => l.msg === 'purged requests past retention');
      expect(purgedCounts.reduce((sum, l) => sum + (l.purged ?? 0), 0)).toBe(due.length);

      // One run at a time across both replicas: every start is followed by its finish before the next.
      const runs = site.logs.filter(
        (l) => l.msg === 'retention run started' || l.msg === 'retention run finished',
      );
      expect(runs.map((line) => line.msg)).toEqual(
        runs.map((_, i) => (i % 2 === 0 ? 'retention run started' : 'retention run finished')),
      );
      // Every run was one of the scheduler's jobs (not a timer in each replica), and there is one schedule.
      const connection = openRedis(redisUrl(), { maxRetriesPerRequest: null });
      const maintenance = new Queue('maintenance', { connection, prefix: bullPrefix(site.keyPrefix) });
      try {
        expect(await maintenance.getJobSchedulersCount()).toBe(1);
        expect(await maintenance.getCompletedCount()).toBe(runsFinished(site.logs));
      } finally {
        await maintenance.close();
        connection.disconnect();
        await inspector.close();
      }
    });

    it('finishes a purge that was decided but never carried out (the process stopped in between)', async () => {
      const site = installation({ RETENTION_DAYS: '30', RETENTION_SWEEP_SECONDS: '1' });
      const services = await site.replica();
      stops.push(await startOutboxWorker(services));
      const reference = await sentThenWithdrawn(services);
      const graceDays = lifecyclePolicy(site.config).closeGraceDays + 1;
      site.clock.advanceDays(graceDays);
      await closedAfterGrace(services, reference);
      site.clock.advanceDays(31);
      // The purge is decided and committed, and then nothing: no shredding, no removal.
      const decided = await runCommand(
        services,
        TEAM,
        reference,
        { type: 'purge', payload: {} },
        systemActor,
        {
          policy: { ...lifecyclePolicy(site.config), retentionDays: 30 },
        },
      );
      if (!decided.ok) throw new Error(decided.message);
      const inspector = createRedisStore({
        url: redisUrl(),
        keyPrefix: site.keyPrefix,
        keyStore: { url: inject('keystoreUrl') },
        vault: { masterKeys: site.config.vaultMasterKeys, dataKeyCacheMs: 0 },
      });
      try {
        const raw = JSON.parse((await inspector.backend.getRequest(TEAM, reference)) ?? '{}') as {
          sealed?: string;
          version: number;
        };
        if (!raw.sealed) throw new Error('the request is not sealed at rest');

        await scheduleRetention(services);
        await until(async () => (await inspector.backend.getRequest(TEAM, reference)) === null);
        await until(async () => (await services.store.audit.list(TEAM, reference)).length > 0);
        expect(await services.store.audit.list(TEAM, reference)).toEqual([
          {
            at: expect.any(String),
            actorRole: 'system',
            actorId: 'system',
            action: 'purge',
            fromStatus: 'closed',
            toStatus: 'purged',
          },
        ]);
        await expect(
          inspector.vault.open(requestKeyRef(TEAM, reference), `request@v${raw.version}`, raw.sealed),
        ).rejects.toBeInstanceOf(ShreddedError);
        expect((await services.store.requests.listByStatus(TEAM, 'purged')).items).toEqual([]);
      } finally {
        await inspector.close();
      }
    });

    it('closes every finished request after CLOSE_GRACE_DAYS through decide, in every workspace with requests, then purges it', {
      timeout: 60_000,
    }, async () => {
      const site = installation({
        CLOSE_GRACE_DAYS: '5',
        RETENTION_DAYS: '30',
        RETENTION_SWEEP_SECONDS: '1',
      });
      const services = await site.replica();
      stops.push(await startOutboxWorker(services));
      // A request in the bot token's workspace, and one in another workspace of the same install.
      const here = await sentThenWithdrawn(services);
      const there = await sentThenWithdrawn(services, OTHER_TEAM);
      // Denied, and approved then ended, by HR: the other two ways a request finishes.
      const denied = await decidedByHr(services, ['acknowledge', 'deny']);
      const ended = await decidedByHr(services, ['acknowledge', 'approve', 'end']);
      site.clock.advanceDays(3);
      const recent = await sentThenWithdrawn(services);
      // A schedule left by an earlier version, for the bot token's workspace only, is replaced.
      const connection = openRedis(redisUrl(), { maxRetriesPerRequest: null });
      const maintenance = new Queue('maintenance', { connection, prefix: bullPrefix(site.keyPrefix) });
      try {
        await maintenance.upsertJobScheduler(
          `retention.${TEAM}`,
          { every: 3_600_000 },
          { name: 'retention', data: { teamId: TEAM } },
        );
        // The grace period of the first two is over (5 days); the third finished 3 days later.
        site.clock.advanceDays(3);
        // Their reminders to close are BullMQ jobs days away on the wall clock: the sweep closes them.
        await scheduleRetention(services);
        expect(await maintenance.getJobSchedulersCount()).toBe(1);
      } finally {
        await maintenance.close();
        connection.disconnect();
      }
      const statusOf = async (team: string, reference: string) =>
        (await services.store.requests.get(team, reference))?.status;
      const finished = [
        [TEAM, here, 'withdrawn'],
        [OTHER_TEAM, there, 'withdrawn'],
        [TEAM, denied, 'denied'],
        [TEAM, ended, 'ended'],
      ] as const;
      await until(async () => {
        const statuses = await Promise.all(finished.map(([team, reference]) => statusOf(team, reference)));
        return statuses.every((status) => status === 'closed');
      });
      for (const [team, reference, from] of finished) {
        const trail = await services.store.audit.list(team, reference);
        expect(trail.at(-1)).toMatchObject({
          actorRole: 'system',
          action: 'close_after_grace',
          fromStatus: from,
          toStatus: 'closed',
        });
      }
      const afterClosing = runsFinished(site.logs);
      await until(() => runsFinished(site.logs) >= afterClosing + 2);
      expect(await statusOf(TEAM, recent)).toBe('withdrawn');

      // Retention ends for the two closed ones: both workspaces' requests are purged, and the third
      // closes when its own grace period ends.
      site.clock.advanceDays(31);
      await until(async () => {
        const left = await Promise.all([
          services.store.requests.get(TEAM, here),
          services.store.requests.get(OTHER_TEAM, there),
        ]);
        return left.every((request) => request === null) && (await statusOf(TEAM, recent)) === 'closed';
      });
      expect(await services.store.audit.list(OTHER_TEAM, there)).toEqual([
        expect.objectContaining({ actorRole: 'system', action: 'purge', toStatus: 'purged' }),
      ]);
    });

    it('lets a draft expire after DRAFT_IDLE_DAYS without use, its data keys with it', async () => {
      const site = installation({ DRAFT_IDLE_DAYS: '3' });
      const services = await site.replica();
      const conversation = makeConversation(TEAM, 'UIDLE');
      await services.store.conversations.save(conversation);
      const secret = site.config.pseudonymKey;
      if (!secret) throw new Error('the installation has a pseudonym key');
      const keys = redisKeys(site.keyPrefix, keyedPseudonyms(secret));
      const redis = openRedis(redisUrl());
      const keystore = new Redis(inject('keystoreUrl'));
      try {
        const conversationTtl = await redis.pttl(keys.conversation(TEAM, 'UIDLE'));
        expect(conversationTtl).toBeGreaterThan(3 * DAY_MS - 60_000);
        expect(conversationTtl).toBeLessThanOrEqual(3 * DAY_MS);
        // The draft's own data key lapses with it (a little later), so nothing sealed outlives it.
        const dataKeys = await keystore.keys(`${site.keyPrefix}:*:dek:*`);
        expect(dataKeys.length).toBeGreaterThan(0);
        for (const key of dataKeys) {
          const ttl = await keystore.pttl(key);
          expect(ttl).toBeGreaterThan(3 * DAY_MS - 60_000);
          expect(ttl).toBeLessThan(4 * DAY_MS);
        }
      } finally {
        redis.disconnect();
        keystore.disconnect();
      }
    });
  });
}
