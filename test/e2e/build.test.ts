import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Emulator, startEmulator } from '@accommodation-assistant/slack-emulator';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoEnvironment } from '../../src/cli/demo-env.js';
import { demoDirectory } from '../../src/cli/demo-workspace.js';

/**
 * What `npm run build && npm start` gives a deployment: the compiled JavaScript in dist/, run by
 * plain `node` (no TypeScript loader), from any working folder. It serves Slack with the letters'
 * templates and prompts found beside the package, stops cleanly on a signal, and refuses a bad
 * environment with a plain sentence.
 */

const root = fileURLToPath(new URL('../../', import.meta.url));
const compiledEntry = join(root, 'dist', 'main.js');

function run(command: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env: process.env });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.on('close', (code) => resolve({ code, output }));
  });
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

interface Started {
  readonly child: ChildProcessWithoutNullStreams;
  output(): string;
  exited: Promise<number | null>;
}

/** `node dist/main.js` from an empty folder, with only the environment given (no .env). */
function startCompiled(env: Record<string, string | undefined>): Started {
  const cwd = mkdtempSync(join(tmpdir(), 'aa-dist-'));
  const child = spawn(process.execPath, [compiledEntry], { cwd, env: { PATH: process.env.PATH, ...env } });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return { child, output: () => output, exited };
}

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

describe('the compiled app', { timeout: 240_000 }, () => {
  let emulator: Emulator;

  beforeAll(async () => {
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const built = await run(process.execPath, [tsc, '-p', 'tsconfig.build.json']);
    expect(built.code, built.output).toBe(0);
    emulator = await startEmulator({ directory: demoDirectory });
  }, 240_000);

  afterAll(async () => {
    await emulator?.stop();
  });

  it('npm run build writes dist/main.js, with no TypeScript left to load', () => {
    expect(existsSync(compiledEntry)).toBe(true);
    expect(existsSync(join(root, 'dist', 'main.ts'))).toBe(false);
  });

  it('starts with plain node, answers Slack with its templates, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const app = startCompiled(
      demoEnvironment(emulator, {
        REDIS_URL: inject('redisUrl'),
        KEYSTORE_URL: inject('keystoreUrl'),
        REDIS_KEY_PREFIX: `dist${process.pid}`,
        PORT: String(port),
        LOG_LEVEL: 'info',
      }),
    );
    try {
      const running = await until(() => app.output().includes('Accommodation Assistant is running'), 60_000);
      expect(running, app.output()).toBe(true);
      emulator.connect(`http://127.0.0.1:${port}/slack/events`);
      const employee = emulator.as('employee');
      await employee.command('/accommodation');
      await employee.expect('Your privacy, in plain words');
      await employee.click('I understand, continue');
      await employee.expect('Step 1 of 5');
    } finally {
      app.child.kill('SIGTERM');
    }
    expect(await app.exited).toBe(0);
    expect(app.output()).not.toMatch(/\n\s+at /);
  });

  it('exits non-zero with a plain sentence when the environment is incomplete', async () => {
    const app = startCompiled({ SLACK_SIGNING_SECRET: 'abc' });
    expect(await app.exited).toBe(1);
    expect(app.output()).toMatch(/Accommodation Assistant can’t start/);
    expect(app.output()).not.toMatch(/\n\s+at /);
  });
});
