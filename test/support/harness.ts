import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import {
  type Actor,
  type CallBeforeAck,
  type Emulator,
  type EmulatorOptions,
  type Interaction,
  type RecordedCall,
  startEmulator,
} from '@accommodation-assistant/slack-emulator';
import { inject } from 'vitest';
import { type RunningApp, startHttpApp } from '../../src/app.js';
import { demoEnvironment } from '../../src/cli/demo-env.js';
import { demoDirectory } from '../../src/cli/demo-workspace.js';
import { loadConfig } from '../../src/config.js';

/**
 * One end-to-end world per test file: the local Slack and the real app on its HTTP receiver, wired
 * to each other over loopback. Tests act through the people (`employee`, `hr`, ...) and read what
 * the app did from the emulator's recorded calls and the rendered screens.
 */
export interface Harness {
  readonly emulator: Emulator;
  readonly app: RunningApp;
  readonly employee: Actor;
  readonly hr: Actor;
  readonly eap: Actor;
  readonly manager: Actor;
  /** Anyone in the workspace, by handle or user id. */
  as(who: string): Actor;
  /** Web API calls the app made, in order; optionally one method only. */
  calls(method?: string): RecordedCall[];
  /** Web API calls that reached Slack while an interaction awaited its ack (Slack wants none). */
  callsBeforeAck(): CallBeforeAck[];
  /** Interactions the app did not acknowledge within Slack's 3 seconds, or answered with an error. */
  unacknowledged(): Interaction[];
  /**
   * Moves the app's clock forward (Slack's is untouched), as days passing would: due dates fall
   * due, and what the app offers changes with them.
   */
  advanceAppClock(ms: number): void;
  /** Every log line the app wrote so far (JSON lines), for canary scans. */
  logs(): string;
  /**
   * Stops the app and starts a new one with the same configuration (same Redis, same vault key),
   * as a deploy or a crash would: whatever survives must have been in the store.
   */
  restartApp(): Promise<void>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  /** Extra or overriding environment for the app, e.g. `{ REDIS_URL: inject('redisUrl') }`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Emulator options; the workspace is the demo's unless a test brings its own. */
  readonly emulator?: Partial<EmulatorOptions>;
  /**
   * Only for a test that provokes a Web API call before an ack on purpose. Otherwise every test
   * fails on stop if a handler called Slack before its own interaction was acknowledged.
   */
  readonly allowCallsBeforeAck?: boolean;
}

/** The app's manifest, as Slack would hold it: its scopes and the events it subscribes to. */
export function appManifest(file = 'manifest.json'): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const emulator = await startEmulator({
    directory: demoDirectory,
    manifest: appManifest(),
    ...options.emulator,
  });
  // The app runs in this process: each Web API call is traced to the interaction whose handler made
  // it, so the outbox worker's background deliveries are never taken for a handler's early call.
  emulator.traceCallers();
  const logLines: string[] = [];
  const logStream = new PassThrough();
  logStream.on('data', (chunk: Buffer) => logLines.push(chunk.toString('utf8')));
  let app: RunningApp;
  let appClockOffsetMs = 0;
  const now = () => new Date(Date.now() + appClockOffsetMs);
  const seen = emulator.calls().length;
  // Computed once: the vault key it makes must survive a restart of the app.
  // A test that brings a data Redis gets the run's key store beside it (the app refuses one without).
  const keystore =
    options.env?.REDIS_URL && !options.env.KEYSTORE_URL ? { KEYSTORE_URL: inject('keystoreUrl') } : {};
  const config = loadConfig(demoEnvironment(emulator, { LOG_LEVEL: 'info', ...keystore, ...options.env }));
  try {
    app = await startHttpApp(config, { port: 0, host: '127.0.0.1', logStream, now });
  } catch (error) {
    await emulator.stop();
    throw error;
  }
  emulator.connect(app.url);
  // Bolt verifies its token (auth.test) as it starts; let that finish so tests see only their own calls.
  await emulator.waitForCall('auth.test', { after: seen });
  await emulator.settle();
  return {
    emulator,
    get app() {
      return app;
    },
    employee: emulator.as('employee'),
    hr: emulator.as('hr'),
    eap: emulator.as('eap'),
    manager: emulator.as('manager'),
    as: (who) => emulator.as(who),
    calls: (method) => emulator.calls(method),
    callsBeforeAck: () => emulator.callsBeforeAck(),
    unacknowledged: () => emulator.unacknowledged(),
    advanceAppClock: (ms) => {
      appClockOffsetMs += ms;
    },
    logs: () => logLines.join(''),
    restartApp: async () => {
      await app.stop();
      const before = emulator.calls().length;
      app = await startHttpApp(config, { port: 0, host: '127.0.0.1', logStream, now });
      emulator.connect(app.url);
      await emulator.waitForCall('auth.test', { after: before });
      await emulator.settle();
    },
    stop: async () => {
      await app.stop();
      await emulator.stop();
      // Ack first, in every interaction of every end-to-end test: Slack gives three seconds, and a
      // Web API call before the ack spends them.
      const early = emulator.callsBeforeAck();
      if (!options.allowCallsBeforeAck && early.length > 0) {
        const named = early.map(({ call, interaction }) => `${call.method} during ${interaction.kind}`);
        throw new Error(`The app called Slack before acknowledging: ${[...new Set(named)].join('; ')}.`);
      }
      // The check is only as good as the tracing: a form opened with a trigger is always a handler's
      // doing, so one that came untraced means the check above could not see.
      const untraced = emulator
        .calls()
        .filter((call) => 'trigger_id' in call.args && call.causedBy === undefined);
      if (untraced.length > 0) {
        throw new Error(
          `Could not tell which interaction made ${untraced.map((call) => call.method).join(', ')}: the ack-first check is blind.`,
        );
      }
    },
  };
}
