import { readFileSync, writeFileSync } from 'node:fs';
import { PassThrough, type Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import {
  type Emulator,
  parseScript,
  runScript,
  ScriptError,
  type Step,
  StepError,
  startEmulator,
} from '@accommodation-assistant/slack-emulator';
import type { RunningApp } from '../app.js';
import { ConfigError } from '../config.js';
import { demoEnvironment } from './demo-env.js';
import { demoDirectory } from './demo-workspace.js';
import type { CliIO } from './io.js';

/**
 * `npm run demo`: the real app against a local Slack with four demo people, no workspace and no
 * environment needed. Interactive by default; `--script FILE` runs JSON steps with no keyboard.
 */

const HELP = `Usage: npm run demo -- [--script FILE [--record OUT.jsonl]] [--log FILE]

Runs Accommodation Assistant against a local Slack with four people:
employee (Sam Rivera), hr (Alex Morgan), eap (Jordan Lee) and manager (Casey Kim).

  (no options)        act as any of them from the keyboard and switch between them
  --script FILE       run the steps in FILE (JSON) and print what each person sees
  --record OUT.jsonl  with --script: write every Web API call the app made, one JSON per line,
                      each with the step that caused it and who acted, what the app answered
                      to each submission, and the content of every file it uploaded
  --log FILE          write the app's log lines to FILE (otherwise they are not shown)

Uses Redis when REDIS_URL is set, with the data keys in KEYSTORE_URL (otherwise keeps everything
in memory), and the OpenAI API when
OPENAI_API_KEY or OPENAI_BASE_URL is set (otherwise drafts offline).
`;

const WELCOME = `Accommodation Assistant, running against a local Slack.
Everything stays on this computer. Press Ctrl+C to leave.`;

/** The environment the person running the demo may choose; everything else is the demo's own. */
const PASSED_THROUGH = [
  'REDIS_URL',
  'KEYSTORE_URL',
  'OPENAI_API_KEY',
  'OPENAI_BASE_URL',
  'OPENAI_MODEL',
  'DEFAULT_JURISDICTION',
];

interface DemoWorld {
  readonly emulator: Emulator;
  readonly app: RunningApp;
  stop(): Promise<void>;
}

async function startWorld(logTo: Writable): Promise<DemoWorld> {
  // Loaded here so a bad script or --help answers at once, without building the whole app.
  const [{ startHttpApp }, { loadConfig }] = await Promise.all([import('../app.js'), import('../config.js')]);
  const emulator = await startEmulator({ directory: demoDirectory });
  const chosen = Object.fromEntries(PASSED_THROUGH.map((name) => [name, process.env[name]]));
  try {
    const config = loadConfig(demoEnvironment(emulator, { LOG_LEVEL: 'info', ...chosen }));
    const app = await startHttpApp(config, { port: 0, host: '127.0.0.1', logStream: logTo });
    emulator.connect(app.url);
    await emulator.settle();
    return {
      emulator,
      app,
      stop: async () => {
        await app.stop();
        await emulator.stop();
      },
    };
  } catch (error) {
    await emulator.stop();
    throw error;
  }
}

export async function run(args: string[], io: CliIO): Promise<number> {
  let options: { script?: string; record?: string; log?: string; help?: boolean };
  try {
    options = parseArgs({
      args,
      options: {
        script: { type: 'string' },
        record: { type: 'string' },
        log: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values;
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (options.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (options.record && !options.script) {
    io.stderr.write('--record works with --script: it records the calls a scripted run makes.\n');
    return 2;
  }

  const logTo = new PassThrough();
  const logLines: string[] = [];
  logTo.on('data', (chunk: Buffer) => {
    if (options.log) logLines.push(chunk.toString('utf8'));
  });
  const flushLog = () => {
    if (options.log) writeFileSync(options.log, logLines.join(''));
  };

  let steps: Step[] | undefined;
  if (options.script) {
    const loaded = loadScript(options.script);
    if (typeof loaded === 'string') {
      io.stderr.write(loaded);
      return 2;
    }
    steps = loaded;
  }

  let world: DemoWorld;
  try {
    world = await startWorld(logTo);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr.write(`The demo could not configure the app.\n${error.message}\n`);
      return 1;
    }
    throw error;
  }

  try {
    if (options.script && steps) return await scripted(world, options.script, steps, options.record, io);
    const { interactive } = await import('@accommodation-assistant/slack-emulator/interactive');
    return await interactive(world.emulator, {
      stdin: io.stdin,
      stdout: io.stdout,
      welcome: `${WELCOME}\n`,
      commands: ['/accommodation'],
    });
  } finally {
    await world.stop();
    flushLog();
  }
}

/** The script's steps, or the message that says what is wrong with it. */
function loadScript(file: string): Step[] | string {
  try {
    const text = readFileSync(file, 'utf8');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new ScriptError([`${file} is not valid JSON: ${(error as Error).message}`]);
    }
    return parseScript(
      json,
      demoDirectory.users.map((user) => user.handle),
    );
  } catch (error) {
    if (error instanceof ScriptError) return `${error.message}\n`;
    return `Could not read the script ${file}: ${(error as Error).message}\n`;
  }
}

async function scripted(
  world: DemoWorld,
  file: string,
  steps: readonly Step[],
  record: string | undefined,
  io: CliIO,
): Promise<number> {
  const { emulator } = world;
  io.stdout.write(`Running ${steps.length} steps from ${file} against the app at ${world.app.url}\n`);
  let code = 0;
  try {
    await runScript(emulator, steps, (text) => io.stdout.write(text));
    io.stdout.write(`\nAll ${steps.length} steps done.\n`);
  } catch (error) {
    if (!(error instanceof StepError)) throw error;
    io.stderr.write(`\n${error.message}\n`);
    code = 1;
  }
  if (record) {
    const lines = emulator.auditRecord().map((entry) => JSON.stringify(entry));
    writeFileSync(record, lines.length ? `${lines.join('\n')}\n` : '');
    io.stdout.write(`Wrote ${lines.length} Web API calls to ${record}\n`);
  }
  return code;
}
