import { PassThrough } from 'node:stream';
import { type Emulator, startEmulator } from '@accommodation-assistant/slack-emulator';
import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildServices } from '../../../src/app.js';
import { demoEnvironment } from '../../../src/cli/demo-env.js';
import { demoDirectory } from '../../../src/cli/demo-workspace.js';
import { loadConfig } from '../../../src/config.js';
import { decide } from '../../../src/domain/lifecycle/decide.js';
import type { AccommodationRequest } from '../../../src/domain/request.js';
import { startOutboxWorker } from '../../../src/jobs/outbox.js';
import type { AppServices } from '../../../src/services.js';
import { runCommand } from '../../../src/workflows/run-command.js';
import { makeRequest, uniquePrefix } from '../store/fixtures.js';

/**
 * The outbox worker on BullMQ and real Redis, against the local Slack: each test is its own
 * installation (key prefix), with one or two "replicas" built from the same configuration.
 */

const TEAM = 'T0DEMO';
const HR_CHANNEL = 'CHR';

let emulator: Emulator;
const opened: AppServices[] = [];
const stops: (() => Promise<void>)[] = [];

let redisUrl: () => string = () => {
  throw new Error('outboxWorkerSuite sets the Redis URL');
};

interface Installation {
  readonly env: Record<string, string | undefined>;
  readonly config: ReturnType<typeof loadConfig>;
  readonly logs: string[];
  replica(): Promise<AppServices>;
}

function installation(env: Record<string, string> = {}): Installation {
  const logs: string[] = [];
  const environment = demoEnvironment(emulator, {
    REDIS_URL: redisUrl(),
    KEYSTORE_URL: inject('keystoreUrl'),
    REDIS_KEY_PREFIX: uniquePrefix('jobs'),
    WORKER_IN_APP: 'false',
    OUTBOX_RETRY_BASE_MS: '100',
    OUTBOX_MAX_ATTEMPTS: '4',
    OUTBOX_SWEEP_SECONDS: '3600',
    LOG_LEVEL: 'info',
    ...env,
  });
  const config = loadConfig(environment);
  return {
    env: environment,
    config,
    logs,
    replica: async () => {
      const logStream = new PassThrough();
      logStream.on('data', (chunk: Buffer) => logs.push(chunk.toString('utf8')));
      const services = await buildServices(config, { logStream });
      opened.push(services);
      return services;
    },
  };
}

async function work(services: AppServices): Promise<void> {
  stops.push(await startOutboxWorker(services));
}

let sequence = 100;
async function submit(services: AppServices): Promise<AccommodationRequest> {
  const reference = `ACC-2026-${String(++sequence).padStart(4, '0')}`;
  const {
    id: _id,
    teamId: _team,
    status: _s,
    version: _v,
    ...rest
  } = makeRequest(TEAM, reference, 'UEMPLOYEE');
  const outcome = await runCommand(
    services,
    TEAM,
    reference,
    {
      type: 'submit',
      payload: {
        reference,
        teamId: TEAM,
        schedule: rest.schedule,
        work: rest.work,
        accommodations: rest.accommodations,
        disclosure: rest.disclosure,
        sensitive: {},
      },
    },
    { role: 'employee', id: 'UEMPLOYEE' },
  );
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.request;
}

const cardsFor = (reference: string) =>
  emulator
    .calls('chat.postMessage')
    .filter(
      (c) => c.ok && c.args.channel === HR_CHANNEL && String(c.args.text).includes(`request ${reference}`),
    );

async function until(check: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > ms) throw new Error('waited too long');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A stored request whose only effect is HR's card, committed but not queued (as after a crash). */
async function storedCardOnly(services: AppServices): Promise<string> {
  const reference = `ACC-2026-${String(++sequence).padStart(4, '0')}`;
  const {
    id: _id,
    teamId: _team,
    status: _s,
    version: _v,
    ...rest
  } = makeRequest(TEAM, reference, 'UEMPLOYEE');
  const decision = decide(
    null,
    {
      type: 'submit',
      payload: {
        reference,
        teamId: TEAM,
        schedule: rest.schedule,
        work: rest.work,
        accommodations: rest.accommodations,
        disclosure: rest.disclosure,
        sensitive: {},
      },
    },
    { role: 'employee', id: 'UEMPLOYEE' },
    new Date(),
  );
  if (!decision.ok) throw new Error(decision.message);
  await services.store.requests.commit({
    ...decision,
    effects: decision.effects.filter((e) => e.kind === 'hr_card'),
  });
  return reference;
}

const pendingOf = (services: AppServices, reference: string) =>
  services.store.outbox.pending(TEAM, reference);

/** Registers the suite against the Redis at `url` (a single server or a cluster URL), read when each test starts. */
export function outboxWorkerSuite(name: string, url: () => string): void {
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

  describe(`the outbox worker (BullMQ, ${name}, the local Slack)`, () => {
    it('delivers one card once with two workers, whatever is queued twice', async () => {
      const site = installation();
      const [one, two] = [await site.replica(), await site.replica()];
      const request = await submit(one);
      const entries = await pendingOf(one, request.id);
      // The second replica queues the same entries again, as a replay or a sweep would.
      await two.effects.enqueue(entries.map((e) => ({ teamId: TEAM, entryId: e.id })));
      await Promise.all([work(one), work(two)]);
      await until(async () => (await pendingOf(one, request.id)).length === 0);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(cardsFor(request.id)).toHaveLength(1);
      const dms = emulator
        .calls('chat.postMessage')
        .filter((c) => c.ok && String(c.args.text).includes(`Your request ${request.id} is saved`));
      expect(dms).toHaveLength(1);
      for (const entry of entries)
        expect(await one.store.outbox.get(TEAM, entry.id)).toEqual({ state: 'done' });
    });

    it('finds effects stored but never queued (a crash between commit and enqueue) and delivers them', async () => {
      const site = installation();
      const services = await site.replica();
      const reference = 'ACC-2026-0900';
      const {
        id: _id,
        teamId: _team,
        status: _s,
        version: _v,
        ...rest
      } = makeRequest(TEAM, reference, 'UEMPLOYEE');
      const decision = decide(
        null,
        {
          type: 'submit',
          payload: {
            reference,
            teamId: TEAM,
            schedule: rest.schedule,
            work: rest.work,
            accommodations: rest.accommodations,
            disclosure: rest.disclosure,
            sensitive: {},
          },
        },
        { role: 'employee', id: 'UEMPLOYEE' },
        new Date(),
      );
      if (!decision.ok) throw new Error(decision.message);
      // Committed, and the process "dies" before queueing anything.
      await services.store.requests.commit(decision);
      expect(cardsFor(reference)).toEqual([]);

      await work(services);
      await until(() => cardsFor(reference).length === 1);
      await until(async () => (await pendingOf(services, reference)).length === 0);
      expect(cardsFor(reference)).toHaveLength(1);
    });

    it('posts HR’s card once when Slack took the post but its answer came too late (the retry finds the card)', async () => {
      const site = installation({ OUTBOX_RETRY_BASE_MS: '1500' });
      const services = await site.replica();
      const reference = await storedCardOnly(services);
      // A worker client that gives up on Slack after 200 ms, never retrying by itself: Slack posts
      // the card but answers after 500 ms, so the worker never learns where the card is.
      const client = new webApi.WebClient(site.config.slack.botToken, {
        ...(site.config.slack.apiUrl ? { slackApiUrl: site.config.slack.apiUrl } : {}),
        retryConfig: { retries: 0 },
        rejectRateLimitedCalls: true,
        timeout: 200,
      });
      emulator.faults.set('chat.postMessage', { kind: 'slow', ms: 500 }, { times: 1 });
      stops.push(await startOutboxWorker(services, { client }));
      await until(async () => (await pendingOf(services, reference)).length === 0);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(cardsFor(reference)).toHaveLength(1);
      const [post] = await services.store.outbox.posts(TEAM, reference);
      expect(post).toMatchObject({ kind: 'hr_card', channel: HR_CHANNEL });
      // The card says which request it is in its metadata, and nothing else.
      expect(cardsFor(reference)[0]?.args.metadata).toEqual({
        event_type: 'accommodation_hr_card',
        event_payload: { reference },
      });
    });

    it('does not take a message someone else wrote with the card’s metadata for HR’s card', async () => {
      const site = installation();
      const services = await site.replica();
      const reference = await storedCardOnly(services);
      const forged = emulator.workspace.addMessage({
        channel: HR_CHANNEL,
        text: `request ${reference}`,
        blocks: [],
        user: 'UHR',
        fromBot: false,
        metadata: { event_type: 'accommodation_hr_card', event_payload: { reference } },
      });
      await work(services);
      await until(async () => (await pendingOf(services, reference)).length === 0);
      expect(cardsFor(reference)).toHaveLength(1);
      const [post] = await services.store.outbox.posts(TEAM, reference);
      expect(post?.ts).not.toBe(forged.ts);
    });

    it('honours Slack’s Retry-After on 429: the next try waits as long as Slack said', async () => {
      const site = installation();
      const services = await site.replica();
      const reference = await storedCardOnly(services);
      emulator.faults.set('chat.postMessage', { kind: 'ratelimited', retryAfter: 2 }, { times: 1 });
      await work(services);
      await until(() => cardsFor(reference).length === 1);
      const calls = emulator.calls('chat.postMessage').filter((c) => c.args.channel === HR_CHANNEL);
      const limited = calls.findLast((c) => c.fault === 'ratelimited');
      if (!limited) throw new Error('the card was never rate limited');
      const card = cardsFor(reference)[0];
      // Without Retry-After the worker would try again after its 100 ms base delay.
      const waited = Date.parse(card?.at ?? '') - Date.parse(limited.at);
      expect(waited).toBeGreaterThanOrEqual(1900);
      expect(cardsFor(reference)).toHaveLength(1);
      expect(site.logs.join('')).toContain('slack_rate_limited');
    });

    it('gives up after the bound: a dead letter in the logs and HR’s channel, listed and retried by the command line', async () => {
      const site = installation();
      const services = await site.replica();
      const reference = await storedCardOnly(services);
      const [entry] = await pendingOf(services, reference);
      if (!entry) throw new Error('no outbox entry');
      // OUTBOX_MAX_ATTEMPTS is 4 here: four 500s, then the worker stops trying.
      emulator.faults.set('chat.postMessage', { kind: 'error', status: 500 }, { times: 4 });
      await work(services);
      await until(async () => (await services.store.outbox.deadLetters(100)).length === 1);
      const [letter] = await services.store.outbox.deadLetters(100);
      expect(letter).toMatchObject({ entry: { id: entry.id }, reason: 'slack_http_500', attempts: 4 });
      expect(cardsFor(reference)).toEqual([]);
      const deadLine = site.logs.find((line) => line.includes('dead letter'));
      expect(deadLine).toContain(entry.id);
      expect(deadLine).not.toMatch(/Monday|Tuesday|09:00|outpatient/);
      await until(() =>
        emulator
          .calls('chat.postMessage')
          .some(
            (c) =>
              c.ok &&
              c.args.channel === HR_CHANNEL &&
              String(c.args.text).includes(`outbox retry ${entry.id}`),
          ),
      );

      // The command line lists it and puts it back; the worker then delivers the card, once.
      const { run } = await import('../../../src/cli/outbox.js');
      const saved = { ...process.env };
      Object.assign(process.env, site.env);
      try {
        const out: string[] = [];
        const io = {
          stdin: process.stdin,
          stdout: { write: (text: string) => out.push(text) },
          stderr: { write: (text: string) => out.push(text) },
        } as unknown as Parameters<typeof run>[1];
        expect(await run(['list'], io)).toBe(0);
        expect(out.join('')).toContain(`${entry.id}\t${TEAM}\thr_card\tslack_http_500\t4 tries`);
        // The command took the master keys out of the environment, and can still run again.
        // (Asked by name, so a failure does not print a key.)
        expect('VAULT_MASTER_KEYS' in process.env).toBe(false);
        expect('PSEUDONYM_KEY' in process.env).toBe(false);
        expect(await run(['retry', entry.id], io)).toBe(0);
        expect(await run(['retry', entry.id], io)).toBe(1);
      } finally {
        process.env = saved;
      }
      await until(() => cardsFor(reference).length === 1);
      expect(await services.store.outbox.deadLetters(100)).toEqual([]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(cardsFor(reference)).toHaveLength(1);
    });
  });
}
