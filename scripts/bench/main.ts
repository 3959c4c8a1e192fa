import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { type Directory, type EmulatedUser, startEmulator } from '@accommodation-assistant/slack-emulator';
import { demoEnvironment } from '../../src/cli/demo-env.js';
import { demoDirectory } from '../../src/cli/demo-workspace.js';
import { interactionKey, type Plan } from './bare-bolt.js';
import { startChild, stopChild } from './children.js';
import { measureLetterRender } from './letter-render.js';
import type { LoadJob, LoadResult } from './load-generator.js';
import { type RecordedInteraction, recordJourney, recordQuestion, startRecorder } from './record.js';
import { commandCalls, startBenchRedis } from './redis.js';
import { runScaleOut } from './scale-out.js';
import { measureSlowWork } from './slow-work.js';
import { percentile, round, table } from './stats.js';

/**
 * `npm run bench`: the app against a bare Bolt 5 app making the same Web API calls, side by side
 * in one run on loopback, driven by one signed-request load generator in its own process. See the
 * README's "Performance" section for what each figure means and the targets.
 */

interface Preset {
  readonly name: string;
  /** Requests per interaction at each concurrency. */
  readonly requests: Record<number, number>;
  /** People who open Home and save a step, for the memory figure. */
  readonly people: number;
  readonly renders: number;
  /** The scale-out run: people who send at once, HR's looks at each request, Home openings. */
  readonly scaleOut: { readonly senders: number; readonly looks: number; readonly homeOpens: number };
  /** Questions to the assistant with a fast model, then as many with a slow one. */
  readonly slowWork: { readonly questions: number; readonly concurrency: number; readonly slowMs: number };
}

const presets: Record<string, Preset> = {
  full: {
    name: 'full',
    requests: { 1: 150, 16: 960, 64: 1920 },
    people: 10_000,
    renders: 5000,
    scaleOut: { senders: 24, looks: 4, homeOpens: 2000 },
    slowWork: { questions: 400, concurrency: 16, slowMs: 2000 },
  },
  ci: {
    name: 'ci',
    requests: { 1: 10, 16: 48, 64: 128 },
    people: 200,
    renders: 300,
    scaleOut: { senders: 4, looks: 3, homeOpens: 100 },
    slowWork: { questions: 60, concurrency: 8, slowMs: 1500 },
  },
};

const { values: cli } = parseArgs({
  args: process.argv.slice(2),
  options: { preset: { type: 'string' } },
  strict: true,
});
const preset = presets[cli.preset ?? process.env.BENCH_PRESET ?? 'full'];
if (!preset) throw new Error(`Unknown preset: use one of ${Object.keys(presets).join(', ')}.`);
const concurrencies = [1, 16, 64];

const labels: Record<string, string> = {
  home: 'open Home (app_home_opened)',
  command: '/accommodation',
  step: 'save an intake step',
  send: 'Send to HR',
  hr: "HR's View request",
  eap: 'EAP Home',
};

/** Which interactions are sent as many people, and which as the one person of the recording. */
const asManyPeople = new Set(['home', 'command', 'eap', 'question']);

// ---- the run ---------------------------------------------------------------------------------

const log = (line = '') => process.stdout.write(`${line}\n`);
const started = Date.now();
const [load1Before] = loadavg();
log(`Accommodation Assistant benchmark, preset ${preset.name}`);
log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, load average ${round(load1Before ?? 0)}`,
);

const synthetic: EmulatedUser[] = Array.from({ length: preset.people }, (_, i) => ({
  id: `UBENCH${String(i).padStart(6, '0')}`,
  role: 'an employee',
  handle: `bench${i}`,
  name: `bench${i}`,
  realName: `Bench Person ${i}`,
  title: 'Engineer',
  tz: 'America/New_York',
  tzLabel: 'Eastern Standard Time',
  tzOffset: -18_000,
  email: `bench${i}@example.com`,
}));
const directory: Directory = { ...demoDirectory, users: [...demoDirectory.users, ...synthetic] };

// Slack's trigger_ids live 3 seconds; the emulator's clock runs a hundred times slower so that a
// trigger minted for a request still waiting in the generator's queue is still good when it lands.
const t0 = Date.now();
const slowClock = { now: () => t0 + Math.floor((Date.now() - t0) / 100) };

const dataRedis = await startBenchRedis();
const keyRedis = await startBenchRedis();
const emulator = await startEmulator({
  directory,
  clock: slowClock,
  manifest: (await import('../../manifest.json', { with: { type: 'json' } })).default as never,
  quietMs: 150,
});
const env = demoEnvironment(emulator, {
  REDIS_URL: dataRedis.url,
  KEYSTORE_URL: keyRedis.url,
  // The bench's Redis fsyncs its AOF once a second (Redis 7.0 has no WAITAOF): the figures are the
  // app's, not the disk's, so writes are not held to the default REDIS_DURABILITY=aof here.
  REDIS_DURABILITY: 'none',
  LOG_LEVEL: 'warn',
});
const appChild = startChild('./app-process.ts', { ...process.env, ...env }, ['--expose-gc']);
const appUrl = (await appChild.ask<{ url: string }>({}, 'ready')).url;
const bareChild = startChild('./bare-bolt.ts', { ...process.env, ...env });
const bareUrl = (await bareChild.ask<{ url: string }>({}, 'ready')).url;
const generator = startChild('./load-generator.ts', { ...process.env });

const recorder = await startRecorder(() => appUrl);
emulator.connect(recorder.url);
await emulator.waitForCall('auth.test');
await emulator.settle();

log('recording one journey through the app…');
const recorded = await recordJourney(emulator, recorder);
const question = await recordQuestion(emulator, recorder);
emulator.connect(appUrl);

/** The recorded body with the person and the trigger_id left to fill. */
function templateOf(interaction: RecordedInteraction): string {
  let body = interaction.request.body;
  const trigger = /trigger_id(?:%22%3A%22|=|":")([0-9A-Za-z.]+)/.exec(body)?.[1];
  if (trigger) body = body.replaceAll(trigger, '{{TRIGGER}}');
  // Each event is a new one: the app rightly drops an event_id it has already handled.
  body = body.replace(/"event_id":"Ev[0-9A-Z]+"/, '"event_id":"{{EVENT}}"');
  if (asManyPeople.has(interaction.label) && interaction.label !== 'eap') {
    body = body.replaceAll('UEMPLOYEE', 'U{{ID}}').replaceAll('DEMPLOYEE', 'D{{ID}}');
  }
  return body;
}

// ---- bytes per stored request, as the journey left it (submitted, viewed once by HR) ---------
// Measured before the load: replaying HR's View request thousands of times on one request would
// grow its audit trail far beyond any real request's.
const perRequest = new Map<string, { total: number; audit: number }>();
let cursor = '0';
do {
  const [next, keys] = await dataRedis.client.scan(cursor, 'MATCH', '*ACC-*', 'COUNT', 1000);
  cursor = next;
  for (const key of keys) {
    const reference = /ACC-\d{4}-\d+/.exec(key)?.[0];
    if (!reference) continue;
    const bytes = Number(await dataRedis.client.memory('USAGE', key, 'SAMPLES', 0)) || 0;
    const entry = perRequest.get(reference) ?? { total: 0, audit: 0 };
    entry.total += bytes;
    if (key.endsWith(':audit')) entry.audit += bytes;
    perRequest.set(reference, entry);
  }
} while (cursor !== '0');
const stored = [...perRequest.values()];
const bytesPerRequest = stored.length
  ? stored.reduce((sum, e) => sum + e.total, 0) / stored.length
  : Number.NaN;
const auditPerRequest = stored.length
  ? stored.reduce((sum, e) => sum + e.audit, 0) / stored.length
  : Number.NaN;
log('');
log(
  `Redis bytes per stored request (MEMORY USAGE of its keys, ${stored.length} requests): ${round(bytesPerRequest, 0)} B, of which audit ${round(auditPerRequest, 0)} B`,
);

const eapId = emulator.as('eap').user.id;
const employeeId = emulator.as('employee').user.id;
const plans: Record<string, Plan> = {};
for (const interaction of recorded) {
  const body =
    interaction.request.contentType === 'application/json'
      ? (JSON.parse(interaction.request.body) as Record<string, unknown>)
      : (() => {
          const form = new URLSearchParams(interaction.request.body);
          const payload = form.get('payload');
          return payload ? (JSON.parse(payload) as Record<string, unknown>) : Object.fromEntries(form);
        })();
  const answer = interaction.request.answer.trim();
  plans[interactionKey(body, eapId)] = {
    ...(answer.startsWith('{') ? { ack: JSON.parse(answer) } : {}),
    calls: interaction.calls
      // File uploads go to a one-time URL; the baseline cannot replay them and makes the rest.
      .filter((call) => !call.method.startsWith('files.') && call.method !== 'auth.test')
      .map((call) => ({ method: call.method, args: call.args as Record<string, unknown> })),
  };
}
await bareChild.ask(
  { type: 'plans', plans, recordedUser: employeeId.replace(/^U/, ''), eapUser: eapId },
  'plans',
);
for (const interaction of recorded) {
  log(
    `  ${labels[interaction.label]}: ${interaction.calls.map((c) => c.method).join(', ') || 'no Web API call'}`,
  );
}

let personCursor = 0;
function fillsFor(label: string, n: number, recordedUser: string): Array<{ id: string; trigger: string }> {
  return Array.from({ length: n }, () => {
    const person =
      asManyPeople.has(label) && label !== 'eap' ? synthetic[personCursor++ % synthetic.length] : undefined;
    const id = person ? person.id.replace(/^U/, '') : recordedUser.replace(/^U/, '');
    const userId = person ? person.id : recordedUser;
    return { id, trigger: emulator.workspace.mintTrigger(userId) };
  });
}

function userOfLabel(label: string): string {
  if (label === 'hr') return emulator.as('hr').user.id;
  if (label === 'eap') return eapId;
  return employeeId;
}

interface Measured extends LoadResult {
  /** Web API calls the emulator received during the run and until things went quiet after it. */
  readonly webApiCalls: number;
}

async function drive(
  url: string,
  interaction: RecordedInteraction,
  n: number,
  concurrency: number,
): Promise<Measured> {
  const job: LoadJob = {
    type: 'run',
    url,
    signingSecret: emulator.signingSecret,
    template: templateOf(interaction),
    contentType: interaction.request.contentType,
    fills: fillsFor(interaction.label, n, userOfLabel(interaction.label)),
    concurrency,
  };
  const result = await generator.ask<LoadResult>(job, 'result');
  // Let the work each side does after its acks (Web API calls, outbox deliveries) finish before
  // the next measurement, and drop what the emulator recorded so its memory stays flat.
  await emulator.settle();
  const webApiCalls = emulator.workspace.calls.length;
  // "I can't reach my storage" reaches people in a message or a view, after the ack.
  const storageAnswers = emulator.workspace.calls.filter((call) =>
    JSON.stringify(call.args).includes('reach my storage'),
  ).length;
  emulator.workspace.calls.length = 0;
  emulator.workspace.callsBeforeAck.length = 0;
  return { ...result, webApiCalls, storageErrors: result.storageErrors + storageAnswers };
}

/**
 * Both sides in turn, in three rounds (bare, app, bare, app, …): on a machine shared with other
 * work, a busy moment then falls on both rather than on one.
 */
async function compare(interaction: RecordedInteraction, n: number, concurrency: number) {
  const rounds = n >= 3 * concurrency ? 3 : 1;
  const parts: { app: Measured[]; bare: Measured[] } = { app: [], bare: [] };
  let appCommands = 0;
  for (let round = 0; round < rounds; round += 1) {
    const size = Math.floor(n / rounds) + (round < n % rounds ? 1 : 0);
    parts.bare.push(await drive(bareUrl, interaction, size, concurrency));
    const before = await redisCommands();
    const app = await drive(appUrl, interaction, size, concurrency);
    appCommands += (await redisCommands()) - before - idlePerMs * app.durationMs;
    parts.app.push(app);
  }
  return { app: merge(parts.app), bare: merge(parts.bare), appCommands };
}

function merge(parts: Measured[]): Measured {
  return {
    type: 'result',
    latencies: parts.flatMap((p) => p.latencies),
    durationMs: parts.reduce((sum, p) => sum + p.durationMs, 0),
    failed: parts.reduce((sum, p) => sum + p.failed, 0),
    timedOut: parts.reduce((sum, p) => sum + p.timedOut, 0),
    storageErrors: parts.reduce((sum, p) => sum + p.storageErrors, 0),
    webApiCalls: parts.reduce((sum, p) => sum + p.webApiCalls, 0),
  };
}

async function redisCommands(): Promise<number> {
  return (await commandCalls(dataRedis.client)) + (await commandCalls(keyRedis.client));
}

interface Row {
  label: string;
  concurrency: number;
  app: Measured;
  bare: Measured;
}
const rows: Row[] = [];
const commandsPerInteraction: Record<string, number> = {};

// Redis commands while nothing happens (the outbox worker's and queue's own polling), per ms.
const idleFrom = await redisCommands();
await new Promise((resolve) => setTimeout(resolve, 2000));
const idlePerMs = ((await redisCommands()) - idleFrom) / 2000;

// ---- memory: people open Home and save a step, on the app as it started --------------------
interface Memory {
  rss: number;
  heapUsed: number;
  peakRss: number;
  errorLines: number;
  errorMessages: Record<string, number>;
}
const mb = (bytes: number) => bytes / 1024 / 1024;
const home = recorded.find((r) => r.label === 'home');
const step = recorded.find((r) => r.label === 'step');
const memBefore = await appChild.ask<Memory>({ type: 'memory' }, 'memory');
if (home) await drive(appUrl, home, preset.people, 16);
if (step) await drive(appUrl, step, preset.people, 16);
const memAfter = await appChild.ask<Memory>({ type: 'memory' }, 'memory');
const rssGrowthMb = mb(memAfter.rss - memBefore.rss);
log('');
log(
  `app RSS: ${round(mb(memBefore.rss), 1)} MB before and ${round(mb(memAfter.rss), 1)} MB after ${preset.people} people open Home and save a step (growth ${round(rssGrowthMb, 1)} MB, after a full GC each time); live heap ${round(mb(memBefore.heapUsed), 1)} MB before, ${round(mb(memAfter.heapUsed), 1)} MB after`,
);

log('');
log(
  `load: ${concurrencies.map((c) => `${preset.requests[c]} requests at concurrency ${c}`).join(', ')}; each side in turn`,
);
for (const interaction of recorded) {
  for (const concurrency of concurrencies) {
    const n = preset.requests[concurrency] ?? 0;
    const { app, bare, appCommands } = await compare(interaction, n, concurrency);
    if (concurrency === 1) commandsPerInteraction[interaction.label] = Math.max(0, appCommands / n);
    rows.push({ label: interaction.label, concurrency, app, bare });
    log(
      `  ${labels[interaction.label]} at ${concurrency}: app ${round((app.latencies.length / app.durationMs) * 1000, 0)}/s, bare ${round((bare.latencies.length / bare.durationMs) * 1000, 0)}/s`,
    );
  }
}

const rps = (r: LoadResult) => (r.latencies.length / r.durationMs) * 1000;
/** Ack times, a request Slack gave up on counted as the 3 s it waited. */
const acks = (r: LoadResult) => [...r.latencies, ...Array.from({ length: r.timedOut }, () => 3000)];
log('');
log(
  table(
    [
      'interaction',
      'conc',
      'app req/s',
      'bare req/s',
      'ratio',
      'app p50',
      'app p99',
      'bare p50',
      'bare p99',
      'p99 ratio',
      'app failed',
      'storage errors',
    ],
    rows.map(({ label, concurrency, app, bare }) => [
      labels[label] ?? label,
      concurrency,
      round(rps(app), 0),
      round(rps(bare), 0),
      round(rps(app) / rps(bare)),
      round(percentile(acks(app), 50), 1),
      round(percentile(acks(app), 99), 1),
      round(percentile(acks(bare), 50), 1),
      round(percentile(acks(bare), 99), 1),
      round(percentile(acks(app), 99) / percentile(acks(bare), 99)),
      app.failed,
      app.storageErrors,
      round(app.webApiCalls / (app.latencies.length + app.failed), 1),
      round(bare.webApiCalls / (bare.latencies.length + bare.failed), 1),
    ]),
  ),
);
log(
  '(ack times in ms, a request not answered within Slack\'s 3 s counted as 3000; "failed": not 200 or not in time)',
);

log('');
log(
  'Redis commands per interaction (INFO commandstats, data and key Redis, concurrency 1, idle polling subtracted):',
);
for (const [label, value] of Object.entries(commandsPerInteraction))
  log(`  ${labels[label]}: ${round(value, 1)}`);

// ---- letters ---------------------------------------------------------------------------------
const render = await measureLetterRender(preset.renders);
log(
  `letter render (txt, ${render.n} renders): p50 ${round(render.p50, 3)} ms, p99 ${round(render.p99, 3)} ms`,
);

const memEnd = await appChild.ask<Memory>({ type: 'memory' }, 'memory');
log(
  `app RSS at the end: ${round(mb(memEnd.rss), 1)} MB; highest under load ${round(mb(memEnd.peakRss), 1)} MB; app error log lines ${memEnd.errorLines}`,
);
if (memEnd.errorLines > 0) log(`app error log lines by message: ${JSON.stringify(memEnd.errorMessages)}`);

// ---- the summary -----------------------------------------------------------------------------
const at64 = rows.filter((row) => row.concurrency === 64);
const summary = {
  throughputRatio: round(Math.min(...at64.map((r) => rps(r.app) / rps(r.bare))), 3),
  p99AckRatio: round(
    Math.max(...at64.map((r) => percentile(acks(r.app), 99) / percentile(acks(r.bare), 99))),
    3,
  ),
  redisRoundTripsPerInteraction: round(Math.max(...Object.values(commandsPerInteraction)), 1),
  redisBytesPerRequest: round(bytesPerRequest, 0),
  renderP99Ms: round(render.p99, 3),
  rssGrowthMb: round(rssGrowthMb, 1),
};
// ---- slow work and the ack: questions to the assistant, model fast then slow ----------------
const slowWork = await measureSlowWork({
  template: templateOf(question),
  env,
  signingSecret: emulator.signingSecret,
  generator,
  people: synthetic.slice(0, preset.slowWork.questions).map((p) => p.id.replace(/^U/, '')),
  slowMs: preset.slowWork.slowMs,
  concurrency: preset.slowWork.concurrency,
});
log('');
log(
  `slow work: ${preset.slowWork.questions / 2} questions to the assistant at concurrency ${preset.slowWork.concurrency} with the model answering at once, then as many with it taking ${preset.slowWork.slowMs} ms: ack p50 ${round(slowWork.fast.p50, 1)} → ${round(slowWork.slow.p50, 1)} ms, p99 ${round(slowWork.fast.p99, 1)} → ${round(slowWork.slow.p99, 1)} ms (ratio ${round(slowWork.p99Ratio)}); not acked in time ${slowWork.fast.failed} and ${slowWork.slow.failed}; the model was asked ${slowWork.modelRequests.fast} and ${slowWork.modelRequests.slow} times`,
);

await recorder.close();
await Promise.all([stopChild(appChild), stopChild(bareChild)]);
await emulator.stop();
await Promise.all([dataRedis.stop(), keyRedis.stop()]);

// ---- scale-out: two replicas and a worker on one Redis, checked afterwards -------------------
log('');
const scale = home
  ? await runScaleOut({
      ...preset.scaleOut,
      homeTemplate: templateOf(home),
      generator,
      clock: slowClock,
      log,
    })
  : undefined;
generator.proc.send({ type: 'exit' });

const [load1After] = loadavg();
log('');
log(`took ${round((Date.now() - started) / 1000, 0)} s; load average now ${round(load1After ?? 0)}`);
if (scale) log(`scale-out: ${JSON.stringify(scale)}`);
log(JSON.stringify(summary));
process.exit(0);
