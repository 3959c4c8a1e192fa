import { deliver, type Emulator, startEmulator } from '@accommodation-assistant/slack-emulator';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoEnvironment } from '../../src/cli/demo-env.js';
import { loadConfig } from '../../src/config.js';
import { createStore, type SealedStore } from '../../src/store/index.js';
import { type AppProcess, startAppProcess } from '../support/app-process.js';
import { appManifest } from '../support/harness.js';
import { hrWorld } from '../support/hr-world.js';
import { stepFour, stepOne, stepThree, stepTwo } from '../support/intake-answers.js';
import { TEAM } from '../support/scripts.js';

/**
 * The app in processes of its own, on one Redis, as in production:
 * - killed with SIGKILL after every step of the journey (Send to HR included, with its effects
 *   perhaps still in the outbox) and started again: no half-written request, the journey carries
 *   on where it was, and the outbox delivers what was left, once;
 * - two processes handed the same delivery at the same moment (Slack's retry racing the
 *   original, a double click reaching two replicas): one effect each.
 * Every wait is bounded and generous: nothing here is timed.
 */

const HR_CHANNEL = 'CHR';
const WAIT_MS = 60_000;
/** The outbox lease a killed process held (60 s), and room to spare. */
const LEASE_WAIT_MS = 180_000;

async function until(done: () => boolean | Promise<boolean>, what: string, limit = WAIT_MS): Promise<void> {
  const deadline = Date.now() + limit;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`Still waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function world(prefix: string) {
  let emulator: Emulator;
  let env: Record<string, string | undefined>;
  let store: SealedStore;
  const apps: AppProcess[] = [];
  return {
    get emulator() {
      return emulator;
    },
    get store() {
      return store;
    },
    get env() {
      return env;
    },
    apps,
    async start(): Promise<void> {
      emulator = await startEmulator({ directory: hrWorld, manifest: appManifest(), waitTimeoutMs: WAIT_MS });
      // Computed once: every process started later gets the same vault key and pseudonym key.
      env = demoEnvironment(emulator, {
        REDIS_URL: inject('redisUrl'),
        KEYSTORE_URL: inject('keystoreUrl'),
        REDIS_KEY_PREFIX: `${prefix}${process.pid}`,
        OUTBOX_SWEEP_SECONDS: '1',
        OUTBOX_RETRY_BASE_MS: '200',
        LOG_LEVEL: 'silent',
      });
      const config = loadConfig(env);
      store = createStore({
        kind: 'redis',
        url: config.redisUrl ?? '',
        keyStoreUrl: config.keyStoreUrl ?? '',
        pseudonymKey: config.pseudonymKey ?? Buffer.alloc(0),
        keyPrefix: config.redisKeyPrefix,
        vault: { masterKeys: config.vaultMasterKeys },
      });
    },
    /** A new app process; the emulator sends Slack's deliveries to it from now on. */
    async launch(): Promise<AppProcess> {
      const app = await startAppProcess(env);
      apps.push(app);
      emulator.connect(app.url);
      return app;
    },
    async stop(): Promise<void> {
      await Promise.all(apps.map((app) => app.stop()));
      await store?.close();
      await emulator?.stop();
    },
  };
}

const cardsOf = (emulator: Emulator, id: string) =>
  emulator
    .calls('chat.postMessage')
    .filter(
      (c) => c.ok && c.args.channel === HR_CHANNEL && !c.args.thread_ts && String(c.args.text).includes(id),
    );

describe('the app process killed between any two steps', () => {
  const w = world('appkill');
  let app: AppProcess;

  beforeAll(async () => {
    await w.start();
    app = await w.launch();
  }, 120_000);
  afterAll(() => w.stop());

  /** SIGKILL, then a new process on the same Redis; checks nothing is half-written meanwhile. */
  async function crashAndRestart(): Promise<void> {
    await app.kill();
    for (const summary of await w.store.requests.listByEmployee(TEAM, 'UEMPLOYEE')) {
      const request = await w.store.requests.get(TEAM, summary.id);
      // A request is there whole (its record readable, its audit entry with it) or not at all.
      expect(request?.id).toBe(summary.id);
      expect((await w.store.audit.list(TEAM, summary.id)).length).toBeGreaterThan(0);
    }
    app = await w.launch();
  }

  it('carries on where it was after every crash, and sends the request and its card once', async () => {
    const employee = w.emulator.as('employee');
    await employee.command('/accommodation');
    await employee.expect('Your privacy, in plain words');
    await crashAndRestart();
    await employee.click('I understand, continue');
    await employee.expect('Step 1 of 5');
    await crashAndRestart();
    await employee.fill(stepOne);
    await employee.submit();
    await employee.expect('Step 2 of 5');
    await crashAndRestart();
    await employee.fill(stepTwo);
    await employee.submit();
    await employee.expect('Step 3 of 5');
    await crashAndRestart();
    // The form the crashed process opened is still Slack's: it is sent to the new process.
    await employee.fill(stepThree);
    await employee.submit();
    await employee.expect('Step 4 of 5');
    await crashAndRestart();
    await employee.fill(stepFour);
    await employee.submit();
    await employee.expect('Step 5 of 5');
    await crashAndRestart();

    await employee.submit();
    const [summary] = await w.store.requests.listByEmployee(TEAM, employee.user.id);
    const id = summary?.id ?? '';
    expect(id).not.toBe('');
    await crashAndRestart();

    // Whatever the killed process left in the outbox, the new one delivers: once.
    await until(
      async () => (await w.store.outbox.pending(TEAM, id)).length === 0,
      'the outbox to empty',
      LEASE_WAIT_MS,
    );
    await employee.expect('Your request is saved, and HR will be told');
    await w.emulator.settle();
    expect(cardsOf(w.emulator, id)).toHaveLength(1);
    expect(await w.store.requests.listByEmployee(TEAM, employee.user.id)).toHaveLength(1);
    const audit = await w.store.audit.list(TEAM, id);
    expect(audit.filter((entry) => entry.action === 'submit')).toHaveLength(1);
  }, 300_000);
});

describe('two app processes on one Redis handed the same delivery at once', () => {
  const w = world('twoproc');
  let first: AppProcess;
  let second: AppProcess;
  /** While set, what the emulator sends to the first process goes to the second too. */
  let twin = false;
  const twinAnswers: number[] = [];

  beforeAll(async () => {
    await w.start();
    second = await w.launch();
    first = await w.launch();
    // The same signed bytes at the same moment to the second process, as Slack's retry racing
    // the original (or a double click landing on two replicas).
    const sendForm = w.emulator.sendForm.bind(w.emulator);
    Object.assign(w.emulator, {
      sendForm: (body: string, options?: Parameters<typeof sendForm>[1]) => {
        const timestamp = options?.timestamp ?? Math.floor(Date.now() / 1000);
        if (!twin) return sendForm(body, { ...options, timestamp });
        void deliver({
          url: second.url,
          signingSecret: w.emulator.signingSecret,
          body,
          contentType: 'application/x-www-form-urlencoded',
          nowMs: Date.now(),
          options: { timestamp, retry: { num: 1, reason: 'http_timeout' } },
        }).then((answer) => twinAnswers.push(answer.status));
        return sendForm(body, { ...options, timestamp });
      },
    });
  }, 120_000);
  afterAll(() => w.stop());

  it('sends one request with one card, and HR’s acknowledgement is recorded once', async () => {
    expect(first.url).not.toBe(second.url);
    const employee = w.emulator.as('employee');
    await employee.command('/accommodation');
    await employee.click('I understand, continue');
    await employee.fill(stepOne);
    await employee.submit();
    await employee.expect('Step 2 of 5');
    await employee.fill(stepTwo);
    await employee.submit();
    await employee.expect('Step 3 of 5');
    await employee.fill(stepThree);
    await employee.submit();
    await employee.expect('Step 4 of 5');
    await employee.fill(stepFour);
    await employee.submit();
    await employee.expect('Step 5 of 5');
    twin = true;
    await employee.submit();
    twin = false;
    await employee.expect('Your request is saved, and HR will be told');

    const requests = await w.store.requests.listByEmployee(TEAM, employee.user.id);
    expect(requests).toHaveLength(1);
    const id = requests[0]?.id ?? '';
    await until(() => cardsOf(w.emulator, id).length >= 1, 'the card');

    const hr = w.emulator.as('hr');
    twin = true;
    await hr.click('Acknowledge');
    twin = false;
    await until(
      async () => (await w.store.requests.get(TEAM, id))?.status === 'acknowledged',
      'the acknowledgement',
    );
    await until(async () => (await w.store.outbox.pending(TEAM, id)).length === 0, 'the outbox to empty');
    await w.emulator.settle();

    expect(cardsOf(w.emulator, id)).toHaveLength(1);
    const audit = await w.store.audit.list(TEAM, id);
    expect(audit.filter((entry) => entry.action === 'submit')).toHaveLength(1);
    expect(audit.filter((entry) => entry.action === 'acknowledge')).toHaveLength(1);
    const told = w.emulator
      .calls('chat.postMessage')
      .filter((c) => c.ok && JSON.stringify(c.args).includes('Your request is saved, and HR will be told'));
    expect(told).toHaveLength(1);
    // Both processes answered both deliveries: the one that came second did nothing.
    await until(() => twinAnswers.length === 2, 'the second process to answer');
    expect(twinAnswers).toEqual([200, 200]);
  }, 300_000);
});
