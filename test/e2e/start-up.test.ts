import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Emulator, startEmulator } from '@accommodation-assistant/slack-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDirectory } from '../../src/cli/demo-workspace.js';

/**
 * `npm start` as a newcomer meets it: the real entry in a child process, from a folder holding only
 * their `.env`. Whatever is wrong, it stops within 15 seconds, non-zero, with one plain sentence.
 */

const entry = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
const LIMIT_MS = 15_000;

interface Outcome {
  readonly code: number | null;
  readonly stderr: string;
  readonly stdout: string;
  readonly elapsedMs: number;
}

/** Runs `npm start`'s entry with `dotenv` as the folder's .env and nothing else in the environment. */
function start(dotenv: string): Promise<Outcome> {
  const cwd = mkdtempSync(join(tmpdir(), 'aa-start-'));
  writeFileSync(join(cwd, '.env'), dotenv);
  const began = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), entry], {
      cwd,
      env: { PATH: process.env.PATH },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    const killer = setTimeout(() => child.kill('SIGKILL'), LIMIT_MS + 5_000);
    child.on('close', (code) => {
      clearTimeout(killer);
      resolve({ code, stderr, stdout, elapsedMs: Date.now() - began });
    });
  });
}

/** `.env.example` with the lines given replaced, as a person who filled in some of it would have. */
function filledIn(values: Record<string, string>): string {
  return example
    .split('\n')
    .map((line) => {
      const name = /^([A-Z_]+)=/.exec(line)?.[1];
      return name && name in values ? `${name}=${values[name]}` : line;
    })
    .join('\n');
}

const good = {
  SLACK_SIGNING_SECRET: randomBytes(16).toString('hex'),
  VAULT_MASTER_KEYS: `k1:${randomBytes(32).toString('base64')}`,
  PSEUDONYM_KEY: randomBytes(32).toString('base64'),
  HR_USER_IDS: 'U0HR1',
  COMPANY_NAME: 'Northwind Traders',
};

function expectOnePlainLine(outcome: Outcome, says: string | RegExp): void {
  expect(outcome.code, outcome.stderr).not.toBe(0);
  expect(outcome.code).not.toBeNull();
  expect(outcome.elapsedMs).toBeLessThan(LIMIT_MS);
  const lines = outcome.stderr.trim().split('\n');
  expect(lines, outcome.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^Accommodation Assistant can’t start: /);
  expect(lines[0]).toMatch(says);
  expect(outcome.stderr).not.toMatch(/\n\s+at |Error:|fetch failed/);
  expect(outcome.stdout).toBe('');
}

describe('npm start refuses what can’t work, in one plain line', { timeout: 30_000 }, () => {
  let emulator: Emulator;
  let silent: Server;
  let silentPort = 0;
  const held: Socket[] = [];
  let closedPort = 0;

  beforeAll(async () => {
    emulator = await startEmulator({ directory: demoDirectory });
    // Accepts connections and never answers: Slack behind a black-holing proxy.
    silent = createServer((socket) => held.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    silentPort = (silent.address() as { port: number }).port;
    // A port that was free a moment ago and now has no one listening: connection refused.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    closedPort = (probe.address() as { port: number }).port;
    await new Promise((resolve) => probe.close(resolve));
  });

  afterAll(async () => {
    for (const socket of held) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
    await emulator.stop();
  });

  it('with .env.example copied unchanged, names the placeholder token first', async () => {
    const outcome = await start(example);
    expect(outcome.code).toBe(1);
    expect(outcome.elapsedMs).toBeLessThan(LIMIT_MS);
    expect(outcome.stderr).toContain('SLACK_BOT_TOKEN is still the example value from .env.example');
    expect(outcome.stderr).toContain('COMPANY_NAME is still the example value');
    expect(outcome.stderr).not.toContain('xoxb-your-bot-token');
    expect(outcome.stderr).not.toMatch(/\n\s+at /);
  });

  it('with everything filled in but the placeholder token', async () => {
    const outcome = await start(filledIn(good));
    expectOnePlainLine(
      outcome,
      /SLACK_BOT_TOKEN is still the example value from \.env\.example: copy the Bot User OAuth Token/,
    );
  });

  it('with a token Slack rejects (checked with auth.test)', async () => {
    const outcome = await start(
      filledIn({ ...good, SLACK_BOT_TOKEN: 'xoxb-1111-2222-notthetoken', SLACK_API_URL: emulator.apiUrl }),
    );
    expectOnePlainLine(
      outcome,
      /Slack refused SLACK_BOT_TOKEN \(invalid_auth\): check that it is the Bot User OAuth Token/,
    );
    expect(outcome.stderr).not.toContain('notthetoken');
    expect(emulator.calls('auth.test').map((call) => call.ok)).toContain(false);
  });

  it('with Slack unreachable (connection refused)', async () => {
    const outcome = await start(
      filledIn({
        ...good,
        SLACK_BOT_TOKEN: 'xoxb-1111-2222-abcdef',
        SLACK_API_URL: `http://127.0.0.1:${closedPort}/api/`,
      }),
    );
    expectOnePlainLine(
      outcome,
      /could not reach Slack .* \(connection refused, ECONNREFUSED\): check this machine's network/,
    );
  });

  it('with Slack not answering at all (no network past a proxy)', async () => {
    const outcome = await start(
      filledIn({
        ...good,
        SLACK_BOT_TOKEN: 'xoxb-1111-2222-abcdef',
        SLACK_API_URL: `http://127.0.0.1:${silentPort}/api/`,
      }),
    );
    expectOnePlainLine(outcome, /could not reach Slack .* \(no answer within 5 s\)/);
  });

  it('with a vault key anyone could guess', async () => {
    const outcome = await start(
      filledIn({
        ...good,
        SLACK_BOT_TOKEN: 'xoxb-1111-2222-abcdef',
        VAULT_MASTER_KEYS: `k1:${'A'.repeat(43)}=`,
      }),
    );
    expectOnePlainLine(
      outcome,
      /VAULT_MASTER_KEYS is not safe: key "k1" is all zero bytes; generate one with: openssl rand -base64 32/,
    );
  });
});
