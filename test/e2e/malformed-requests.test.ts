import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { deliver, type Emulator, startEmulator } from '@accommodation-assistant/slack-emulator';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoDirectory } from '../../src/cli/demo-workspace.js';

/**
 * Forged but correctly signed requests against the app run as production runs it: `npm start`'s
 * entry in its own process, HTTP mode, real Redis, the emulator as Slack. Nothing a request carries
 * may stop the process or leave Slack waiting: malformed bodies get 400 and one log line, requests
 * nothing handles get an empty 200 at once, and nothing is done for either.
 */

const entry = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
let emulator: Emulator;
let app: ChildProcess;
let url = '';
let stdout = '';
let stderr = '';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

type Body = { form: string } | { json: string };
const form = (payload: unknown) => ({ form: `payload=${encodeURIComponent(JSON.stringify(payload))}` });

async function send(body: Body): Promise<{ status: number; ms: number }> {
  const began = Date.now();
  const delivery = await deliver({
    url,
    signingSecret: emulator.signingSecret,
    body: 'form' in body ? body.form : body.json,
    contentType: 'form' in body ? 'application/x-www-form-urlencoded' : 'application/json',
    nowMs: Date.now(),
  });
  return { status: delivery.status, ms: Date.now() - began };
}

const user = { id: 'U0EMP', team_id: 'T0DEMO' };
const team = { id: 'T0DEMO', domain: 'demo' };
const view = (callback_id: string, state: unknown = { values: {} }) => ({
  id: 'V0FORGED',
  type: 'modal',
  callback_id,
  hash: '1.abc',
  private_metadata: '',
  state,
});

beforeAll(async () => {
  emulator = await startEmulator({ directory: demoDirectory });
  const port = await freePort();
  url = `http://127.0.0.1:${port}/slack/events`;
  app = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), entry], {
    cwd: mkdtempSync(`${tmpdir()}/aa-forged-`),
    env: {
      PATH: process.env.PATH,
      SLACK_BOT_TOKEN: emulator.botToken,
      SLACK_SIGNING_SECRET: emulator.signingSecret,
      SLACK_API_URL: emulator.apiUrl,
      PORT: String(port),
      REDIS_URL: inject('redisUrl'),
      KEYSTORE_URL: inject('keystoreUrl'),
      PSEUDONYM_KEY: randomBytes(32).toString('base64'),
      REDIS_KEY_PREFIX: `forged${randomBytes(4).toString('hex')}`,
      VAULT_MASTER_KEYS: `k1:${randomBytes(32).toString('base64')}`,
      HR_USER_IDS: 'U0HR',
      COMPANY_NAME: 'Northwind Traders',
    },
  });
  app.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  app.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const deadline = Date.now() + 20_000;
  while (!stdout.includes('Accommodation Assistant is running')) {
    if (app.exitCode !== null || Date.now() > deadline) throw new Error(`the app did not start: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}, 30_000);

afterAll(async () => {
  app?.kill('SIGTERM');
  await emulator?.stop();
});

const malformed: [string, Body][] = [
  ['payload=null', { form: 'payload=null' }],
  ['payload=[]', { form: 'payload=%5B%5D' }],
  ['payload that is not JSON', { form: 'payload=%7Bnot-json' }],
  ['an empty form', { form: '' }],
  ['payload with no type', form({ user, actions: [] })],
  [
    'block_actions without user',
    form({ type: 'block_actions', team, actions: [{ action_id: 'x', type: 'button' }] }),
  ],
  ['block_actions with actions: {}', form({ type: 'block_actions', team, user, actions: {} })],
  [
    'block_actions with state: null',
    form({
      type: 'block_actions',
      team,
      user,
      state: null,
      actions: [{ action_id: 'start_intake', type: 'button' }],
    }),
  ],
  ['view_submission without view', form({ type: 'view_submission', team, user })],
  [
    'view_submission with state: null',
    form({ type: 'view_submission', team, user, view: view('intake_step', null) }),
  ],
  ['view_closed without view', form({ type: 'view_closed', team, user })],
  [
    'shortcut without trigger_id',
    form({ type: 'shortcut', team, user, callback_id: 'start_accommodation_request' }),
  ],
  ['a slash command without a user', { form: 'command=%2Faccommodation&team_id=T0DEMO&text=' }],
  ['an event body of null', { json: 'null' }],
  ['an event body of []', { json: '[]' }],
  [
    'an event_callback without its event',
    { json: JSON.stringify({ type: 'event_callback', team_id: 'T0DEMO' }) },
  ],
];

const unhandled: [string, Body][] = [
  [
    'an unknown action id',
    form({
      type: 'block_actions',
      team,
      user,
      trigger_id: '1.2',
      actions: [{ action_id: 'no_such_action', type: 'button', value: 'x' }],
    }),
  ],
  ['an unknown view callback id', form({ type: 'view_submission', team, user, view: view('no_such_view') })],
  ['an unknown view closed', form({ type: 'view_closed', team, user, view: view('no_such_view') })],
  [
    'an unknown global shortcut',
    form({ type: 'shortcut', team, user, callback_id: 'no_such_shortcut', trigger_id: '1.2' }),
  ],
  [
    'an unknown message shortcut',
    form({
      type: 'message_action',
      team,
      user,
      callback_id: 'no_such_shortcut',
      trigger_id: '1.2',
      channel: { id: 'D0EMP' },
      message: { ts: '1.0' },
    }),
  ],
  ['an unknown slash command', { form: 'command=%2Fnope&user_id=U0EMP&team_id=T0DEMO&trigger_id=1.2&text=' }],
  ['an interactive payload of a type nothing handles', form({ type: 'workflow_step_edit', team, user })],
  [
    'an unknown event',
    {
      json: JSON.stringify({
        type: 'event_callback',
        team_id: 'T0DEMO',
        event_id: 'Ev1',
        event: { type: 'reaction_added', user: 'U0EMP' },
      }),
    },
  ],
];

describe('a correctly signed but malformed request', () => {
  it.each(malformed)('%s: 400 at once, one log line, the process lives on', async (_name, body) => {
    const before = emulator.calls().length;
    const linesBefore = stdout.split('refused a malformed Slack request').length;
    const { status, ms } = await send(body);
    expect(status).toBe(400);
    expect(ms).toBeLessThan(1_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stdout.split('refused a malformed Slack request').length).toBe(linesBefore + 1);
    expect(emulator.calls().length).toBe(before);
    expect(app.exitCode).toBeNull();
  });
});

describe('a well-formed request nothing handles', () => {
  it.each(unhandled)('%s: an empty 200 at once, nothing done', async (_name, body) => {
    const before = emulator.calls().length;
    const { status, ms } = await send(body);
    expect(status).toBe(200);
    expect(ms).toBeLessThan(1_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Looking the person up (users.info, for the cache) is not doing anything; writing is.
    const writes = emulator
      .calls()
      .slice(before)
      // Lookups are not doing anything: users.info and users.profile.get read who the person is.
      .filter((call) => !/\.(info|list|test)$|^users\.profile\.get$/.test(call.method));
    expect(writes).toEqual([]);
    expect(app.exitCode).toBeNull();
  });
});

it('after all of that the app still answers Slack, and never said a word about content', async () => {
  const { status } = await send({ form: 'ssl_check=1&token=x' });
  expect(status).toBe(200);
  expect(app.exitCode).toBeNull();
  expect(stderr).toBe('');
  expect(stdout).not.toContain('no_such_action');
});
