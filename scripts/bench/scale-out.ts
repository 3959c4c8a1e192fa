import {
  type Actor,
  type Directory,
  type EmulatedUser,
  type Emulator,
  startEmulator,
} from '@accommodation-assistant/slack-emulator';
import { demoEnvironment } from '../../src/cli/demo-env.js';
import { demoDirectory } from '../../src/cli/demo-workspace.js';
import { loadConfig } from '../../src/config.js';
import { createStore } from '../../src/store/index.js';
import { startBalancer } from './balancer.js';
import { type Child, startChild, stopChild } from './children.js';
import type { LoadJob, LoadResult } from './load-generator.js';
import { answerStepsTwoToFour, step1 } from './record.js';
import { startBenchRedis } from './redis.js';

/**
 * The scale-out run: two app replicas (WORKER_IN_APP=false) and one outbox worker, each its own
 * process, on one private Redis (and one key store), behind a round-robin balancer that also sends
 * every event again to the other replica with Slack's retry headers. While the load generator
 * opens Home for many people through the balancer, people send their requests at the same moment
 * and HR opens each request several times at once. Afterwards it counts, from Redis and from what
 * reached Slack: requests lost or doubled, HR cards posted other than once, looks acknowledged
 * but missing from a request's trail (a lost update), and Home views published other than once
 * per event.
 */

export interface ScaleOutOptions {
  /** People who go through the intake and send their request at once. */
  readonly senders: number;
  /** Times HR opens each request, all at once, half on each replica. */
  readonly looks: number;
  /** Home openings sent by the load generator during the run. */
  readonly homeOpens: number;
  /** The recorded Home event, `U{{ID}}` for the person and `{{EVENT}}` for its id. */
  readonly homeTemplate: string;
  readonly generator: Child;
  readonly clock: { now(): number };
  readonly log: (line?: string) => void;
}

export interface ScaleOutResult {
  /** Error lines the two replicas logged in the run (a read that timed out, a Slack call that failed). */
  readonly errorLines: number;
  /** People whose intake reached its summary (the others missed Slack's 3 s on some step). */
  readonly drafted: number;
  readonly sent: number;
  /** Told it was sent, and no request stored. */
  readonly lost: number;
  /** Not told (no acknowledgement in time), yet stored: the person sees it on Home. */
  readonly sentUntold: number;
  readonly doubled: number;
  readonly cardsNotOnce: number;
  readonly looksAcked: number;
  readonly looksMissing: number;
  readonly homeEventsAcked: number;
  /** Home events the replicas did not acknowledge in time (Slack would send them again). */
  readonly homeNotAnswered: number;
  /** People whose Home was published more than once for their one event. */
  readonly homeDoubled: number;
  /** People whose Home was never published. */
  readonly homeMissing: number;
  readonly retriesSent: number;
}

function person(prefix: string, i: number): EmulatedUser {
  return {
    id: `U${prefix}${String(i).padStart(5, '0')}`,
    role: 'an employee',
    handle: `${prefix.toLowerCase()}${i}`,
    name: `${prefix.toLowerCase()}${i}`,
    realName: `Scale Person ${prefix}${i}`,
    title: 'Engineer',
    tz: 'America/New_York',
    tzLabel: 'Eastern Standard Time',
    tzOffset: -18_000,
    email: `${prefix.toLowerCase()}${i}@example.com`,
  };
}

/** The intake up to its summary ("Step 5 of 5"), one step at a time. */
async function draftUpToSummary(employee: Actor): Promise<void> {
  await employee.command('/accommodation');
  await employee.expect('Your privacy, in plain words');
  await employee.click('I understand, continue');
  await employee.expect('Step 1 of 5');
  await employee.fill(step1);
  await employee.submit();
  await answerStepsTwoToFour(employee);
  await employee.expect('Step 5 of 5');
}

export async function runScaleOut(options: ScaleOutOptions): Promise<ScaleOutResult> {
  const { log } = options;
  const senders = Array.from({ length: options.senders }, (_, i) => person('SEND', i));
  const homePeople = Array.from({ length: options.homeOpens }, (_, i) => person('HOME', i));
  const directory: Directory = {
    ...demoDirectory,
    users: [...demoDirectory.users, ...senders, ...homePeople],
  };

  const dataRedis = await startBenchRedis();
  const keyRedis = await startBenchRedis();
  const emulator: Emulator = await startEmulator({
    directory,
    clock: options.clock,
    manifest: (await import('../../manifest.json', { with: { type: 'json' } })).default as never,
    quietMs: 150,
  });
  const env = demoEnvironment(emulator, {
    REDIS_URL: dataRedis.url,
    KEYSTORE_URL: keyRedis.url,
    // As in main.ts: the bench's Redis fsyncs once a second, and the figures are the app's.
    REDIS_DURABILITY: 'none',
    WORKER_IN_APP: 'false',
    LOG_LEVEL: 'warn',
  });
  const childEnv = { ...process.env, ...env };
  const replicas = [startChild('./app-process.ts', childEnv), startChild('./app-process.ts', childEnv)];
  const worker = startChild('./worker-process.ts', childEnv);
  const urls = await Promise.all(replicas.map((r) => r.ask<{ url: string }>({}, 'ready')));
  await worker.ask({}, 'ready');
  const balancer = await startBalancer([urls[0]?.url ?? '', urls[1]?.url ?? ''], false);
  emulator.connect(balancer.url);
  await emulator.waitForCall('auth.test');
  await emulator.settle();

  const config = loadConfig(childEnv, { requireRedis: true });
  const store = createStore({
    kind: 'redis',
    url: dataRedis.url,
    keyStoreUrl: keyRedis.url,
    pseudonymKey: config.pseudonymKey ?? Buffer.alloc(0),
    keyPrefix: config.redisKeyPrefix,
    vault: { masterKeys: config.vaultMasterKeys },
  });
  const team = directory.team.id;

  try {
    log(`scale-out: ${senders.length} people fill in the intake, one after another, through two replicas…`);
    // On a machine busier than its cores a step can miss Slack's 3 s; that person is left out.
    const drafted: EmulatedUser[] = [];
    for (const user of senders) {
      try {
        await draftUpToSummary(emulator.as(user.id));
        drafted.push(user);
      } catch {
        // Counted below as not drafted.
      }
    }

    // Under load: Home for many people (each event also retried on the other replica), while
    // everyone sends at once.
    const retrying = await startBalancer([urls[0]?.url ?? '', urls[1]?.url ?? ''], true);
    const job: LoadJob = {
      type: 'run',
      url: retrying.url,
      signingSecret: emulator.signingSecret,
      template: options.homeTemplate,
      contentType: 'application/json',
      fills: homePeople.map((p) => ({ id: p.id.replace(/^U/, ''), trigger: '' })),
      concurrency: 16,
    };
    const callsBefore = emulator.calls().length;
    log(
      `scale-out: ${drafted.length} send at once while ${homePeople.length} open Home (each event sent twice)…`,
    );
    const load = options.generator.ask<LoadResult>(job, 'result');
    // A send not acknowledged in Slack's 3 s shows the person "trouble connecting": not told.
    const toldSent = await Promise.all(
      drafted.map((user) =>
        emulator
          .as(user.id)
          .submit()
          .then((answer) => answer.status === 200)
          .catch(() => false),
      ),
    );
    const told = toldSent.filter(Boolean).length;

    // HR opens every request `looks` times at once, on both replicas (the balancer alternates).
    const hr = emulator.as('hr');
    const deadline = Date.now() + 60_000;
    while (hr.buttons('View request').length < drafted.length && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const cards = hr.buttons('View request');
    const referenceOf = (value: unknown) => /ACC-\d{4}-\d+/.exec(JSON.stringify(value))?.[0] ?? '';
    const viewed = async (reference: string) =>
      (await store.audit.list(team, reference)).filter((e) => e.action === 'viewed' && !e.subjectId).length;
    const viewedBefore = new Map<string, number>();
    for (const card of cards)
      viewedBefore.set(referenceOf(card.element), await viewed(referenceOf(card.element)));
    const lookAnswers = await Promise.all(
      cards.flatMap((card) =>
        Array.from({ length: options.looks }, async () => ({
          reference: referenceOf(card.element),
          acked: await hr
            .click(card)
            .then((answer) => answer.status === 200)
            .catch(() => false),
        })),
      ),
    );
    const homeLoad = await load;
    await retrying.close();

    // Let the worker deliver what is left, then count.
    // Quiet means no Web API call for 3 s: on a busy machine a replica's pauses run long.
    const quietUntil = Date.now() + 120_000;
    let previous = -1;
    while (Date.now() < quietUntil && emulator.calls().length !== previous) {
      previous = emulator.calls().length;
      await new Promise((resolve) => setTimeout(resolve, 3000));
    }
    const calls = emulator.calls().slice(callsBefore);

    let lost = 0;
    let doubled = 0;
    let cardsNotOnce = 0;
    const hrChannel = env.HR_CHANNEL_ID;
    let sentUntold = 0;
    for (const [index, user] of drafted.entries()) {
      const requests = await store.requests.listByEmployee(team, user.id);
      if (requests.length === 0 && toldSent[index]) lost += 1;
      if (requests.length > 0 && !toldSent[index]) sentUntold += 1;
      if (requests.length > 1) doubled += requests.length - 1;
      for (const request of requests) {
        const posted = calls.filter(
          (call) =>
            call.method === 'chat.postMessage' &&
            call.args.channel === hrChannel &&
            JSON.stringify(call.args).includes(request.id),
        ).length;
        if (posted !== 1) cardsNotOnce += 1;
      }
    }

    let looksAcked = 0;
    let looksMissing = 0;
    for (const reference of new Set(lookAnswers.map((l) => l.reference))) {
      const acked = lookAnswers.filter((l) => l.reference === reference && l.acked).length;
      looksAcked += acked;
      const recorded = (await viewed(reference)) - (viewedBefore.get(reference) ?? 0);
      looksMissing += Math.max(0, acked - recorded);
    }

    const homeIds = new Set(homePeople.map((p) => p.id));
    const publishes = new Map<string, number>();
    for (const call of calls) {
      if (call.method !== 'views.publish') continue;
      const user = String(call.args.user_id);
      if (homeIds.has(user)) publishes.set(user, (publishes.get(user) ?? 0) + 1);
    }
    // Each person opened Home once: one view each, though the event reached both replicas.
    const homeDoubled = homePeople.filter((p) => (publishes.get(p.id) ?? 0) > 1).length;
    const homeMissing = homePeople.filter((p) => (publishes.get(p.id) ?? 0) === 0).length;

    const replicaLogs = await Promise.all(
      replicas.map((r) =>
        r.ask<{ errorLines: number; errorMessages: Record<string, number> }>({ type: 'memory' }, 'memory'),
      ),
    );
    const errorLines = replicaLogs.reduce((sum, m) => sum + m.errorLines, 0);
    const byMessage: Record<string, number> = {};
    for (const logged of replicaLogs)
      for (const [msg, n] of Object.entries(logged.errorMessages)) byMessage[msg] = (byMessage[msg] ?? 0) + n;
    const result: ScaleOutResult = {
      errorLines,
      drafted: drafted.length,
      sent: told,
      sentUntold,
      lost,
      doubled,
      cardsNotOnce,
      looksAcked,
      looksMissing,
      homeEventsAcked: homeLoad.latencies.length,
      homeNotAnswered: homeLoad.failed,
      homeDoubled,
      homeMissing,
      retriesSent: retrying.counts.retried,
    };
    log(
      `scale-out: ${told} of ${drafted.length} told their request was sent (${sentUntold} more sent without being told in time); lost ${lost}, doubled ${doubled}, HR cards not posted exactly once ${cardsNotOnce}`,
    );
    log(
      `scale-out: HR opened requests ${looksAcked} times (acknowledged); missing from the trail ${looksMissing}; Home: ${homeLoad.latencies.length} events acknowledged, ${retrying.counts.retried} sent again to the other replica, not acknowledged in time ${result.homeNotAnswered}; Home published twice for one event ${homeDoubled}, never ${homeMissing}`,
    );
    if (errorLines > 0) log(`scale-out: the replicas' error log lines: ${JSON.stringify(byMessage)}`);
    return result;
  } finally {
    await balancer.close();
    await Promise.all([...replicas, worker].map(stopChild));
    await store.close();
    await emulator.stop();
    await Promise.all([dataRedis.stop(), keyRedis.stop()]);
  }
}
