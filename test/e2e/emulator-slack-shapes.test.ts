import type { AddressInfo } from 'node:net';
import { type Directory, type Emulator, startEmulator } from '@accommodation-assistant/slack-emulator';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDirectory } from '../../src/cli/demo-workspace.js';

/**
 * What Slack really sends, beyond the simple cases: an org-wide install on Enterprise Grid
 * (`team: null`), the app's own posts echoed back with `bot_id`, message subtypes (file_share,
 * message_changed, thread replies), `timezone`, `is_cleared`, `response_urls`, and `missing_scope`
 * for a method whose scope the manifest lacks. Checked against a bare Bolt app that keeps what
 * it receives.
 */

const plain = (text: string) => ({ type: 'plain_text' as const, text });
const orgWide: Directory = {
  ...demoDirectory,
  enterprise: { id: 'E0DEMO', name: 'Demo Group' },
  orgWideInstall: true,
};
const manifest = {
  oauth_config: { scopes: { bot: ['commands', 'chat:write', 'im:write', 'im:history'] } },
  settings: { event_subscriptions: { bot_events: ['app_home_opened', 'message.im'] } },
};

type Received = Record<string, unknown>;
const received: Array<{ kind: string; body: Received }> = [];
let emulator: Emulator;
let app: App;

function last(kind: string): Received {
  const found = received.filter((entry) => entry.kind === kind).at(-1);
  if (!found) throw new Error(`The app received no ${kind}; it received ${received.map((r) => r.kind)}.`);
  return found.body;
}

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}

beforeAll(async () => {
  emulator = await startEmulator({ directory: orgWide, manifest, waitTimeoutMs: 3000 });
  const receiver = new HTTPReceiver({ signingSecret: emulator.signingSecret, endpoints: '/slack/events' });
  app = new App({
    token: emulator.botToken,
    receiver,
    logLevel: LogLevel.ERROR,
    // Kept off so the test can see the echo of the app's own post, which Bolt drops by default.
    ignoreSelf: false,
    clientOptions: { slackApiUrl: emulator.apiUrl },
  });
  app.command('/form', async ({ ack, body, client }) => {
    await ack();
    received.push({ kind: 'command', body: body as unknown as Received });
    await client.views.open({
      trigger_id: body.trigger_id,
      view: {
        type: 'modal',
        callback_id: 'shapes',
        notify_on_close: true,
        clear_on_close: true,
        title: plain('Shapes'),
        submit: plain('Send'),
        blocks: [
          {
            type: 'input',
            block_id: 'where',
            label: plain('Where should we answer?'),
            element: {
              type: 'conversations_select',
              action_id: 'value',
              response_url_enabled: true,
              default_to_current_conversation: true,
            },
          },
          {
            type: 'input',
            block_id: 'time',
            optional: true,
            label: plain('Session starts'),
            element: { type: 'timepicker', action_id: 'value' },
          },
        ],
      },
    });
  });
  app.command('/hello', async ({ ack, body, client }) => {
    await ack();
    await client.chat.postMessage({ channel: body.user_id, text: 'Hello from the app' });
  });
  app.view('shapes', async ({ ack, body }) => {
    await ack();
    received.push({ kind: 'view_submission', body: body as unknown as Received });
    const [target] = (body as unknown as { response_urls: Array<{ response_url: string }> }).response_urls;
    if (target) {
      await fetch(target.response_url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: 'Answered where you asked', response_type: 'in_channel' }),
      });
    }
  });
  app.view({ callback_id: 'shapes', type: 'view_closed' }, async ({ ack, body }) => {
    await ack();
    received.push({ kind: 'view_closed', body: body as unknown as Received });
  });
  app.event('message', async ({ event, body }) => {
    received.push({ kind: 'envelope', body: body as unknown as Received });
    received.push({ kind: 'message', body: event as unknown as Received });
  });
  const server = await receiver.start({ port: 0, host: '127.0.0.1' });
  emulator.connect(`http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`);
  await emulator.settle();
});

afterAll(async () => {
  await app?.stop();
  await emulator?.stop();
});

describe('an org-wide install on Enterprise Grid', () => {
  it('sends commands with the enterprise and is_enterprise_install', async () => {
    await emulator.as('employee').command('/form');
    expect(last('command')).toMatchObject({
      team_id: 'T0DEMO',
      enterprise_id: 'E0DEMO',
      enterprise_name: 'Demo Group',
      is_enterprise_install: 'true',
    });
  });

  it('sends team: null with the enterprise on a submission, and response_urls for a picked conversation', async () => {
    const employee = emulator.as('employee');
    await employee.fill({ 'Where should we answer?': 'CHR', 'Session starts': '17:30' });
    await employee.submit();
    const body = last('view_submission');
    expect(body).toMatchObject({
      team: null,
      enterprise: { id: 'E0DEMO', name: 'Demo Group' },
      is_enterprise_install: true,
      user: { id: 'UEMPLOYEE', team_id: 'T0DEMO' },
      view: { app_installed_team_id: 'E0DEMO' },
    });
    expect(body.response_urls).toEqual([
      expect.objectContaining({ block_id: 'where', action_id: 'value', channel_id: 'CHR' }),
    ]);
    const values = (body.view as { state: { values: Record<string, Record<string, Received>> } }).state
      .values;
    expect(values.time?.value).toEqual({
      type: 'timepicker',
      selected_time: '17:30',
      timezone: 'America/New_York',
    });
    await until(() => emulator.calls('response_url').length > 0);
    expect(emulator.as('hr').screen()).toContain('Answered where you asked');
  });

  it('says is_cleared when closing clears the whole stack', async () => {
    const employee = emulator.as('employee');
    await employee.command('/form');
    await employee.closeModal();
    await until(() => received.some((entry) => entry.kind === 'view_closed'));
    expect(last('view_closed')).toMatchObject({ type: 'view_closed', is_cleared: true, team: null });
  });

  it('sends events with the enterprise and an authorization for the organisation', async () => {
    const before = received.length;
    await emulator.as('employee').message('hello there');
    await until(() => received.length > before);
    const envelopes = emulator.interactions().filter((i) => i.kind === 'event:message');
    expect(envelopes.length).toBeGreaterThan(0);
    expect(last('message')).toMatchObject({ type: 'message', text: 'hello there', channel_type: 'im' });
    expect(last('message').client_msg_id).toEqual(expect.any(String));
    expect(last('envelope')).toMatchObject({
      team_id: 'T0DEMO',
      enterprise_id: 'E0DEMO',
      authorizations: [{ enterprise_id: 'E0DEMO', team_id: null, is_enterprise_install: true }],
    });
  });
});

describe('message events as Slack sends them', () => {
  it("echoes the app's own post in a DM back to it, with bot_id, when it subscribes to message.im", async () => {
    await emulator.as('manager').command('/hello');
    await until(() =>
      received.some((entry) => entry.kind === 'message' && entry.body.text === 'Hello from the app'),
    );
    const echo = received.find((entry) => entry.body.text === 'Hello from the app')?.body;
    expect(echo).toMatchObject({ type: 'message', user: 'U0BOT', bot_id: 'B0BOT', channel_type: 'im' });
    expect(echo?.subtype).toBeUndefined();
  });

  it('sends a shared file as a file_share message with its files', async () => {
    const before = received.length;
    await emulator
      .as('employee')
      .shareFile({ filename: 'note.txt', content: 'from my clinic', text: 'see this' });
    await until(() => received.length > before);
    expect(last('message')).toMatchObject({
      subtype: 'file_share',
      text: 'see this',
      files: [expect.objectContaining({ name: 'note.txt', size: 14 })],
    });
  });

  it('sends a reply in a thread with thread_ts, and an edit as message_changed', async () => {
    const employee = emulator.as('employee');
    await employee.message('first');
    const parent = String(last('message').ts);
    await employee.message('in the thread', { threadTs: parent });
    expect(last('message')).toMatchObject({ text: 'in the thread', thread_ts: parent });
    await employee.editMessage('first', 'first, edited');
    await until(() => last('message').subtype === 'message_changed');
    expect(last('message')).toMatchObject({
      subtype: 'message_changed',
      message: { text: 'first, edited', ts: parent },
      previous_message: { text: 'first' },
    });
  });
});

describe("the manifest's scopes", () => {
  it('refuses a method whose scope the manifest lacks with missing_scope, needed and provided', async () => {
    const client = new WebClient(emulator.botToken, {
      slackApiUrl: emulator.apiUrl,
      logLevel: LogLevel.ERROR,
    });
    const refused = await client.users
      .info({ user: 'UEMPLOYEE' })
      .catch((error: { data?: unknown }) => error.data);
    expect(refused).toMatchObject({
      ok: false,
      error: 'missing_scope',
      needed: 'users:read',
      provided: 'commands,chat:write,im:write,im:history',
    });
    await expect(client.chat.postMessage({ channel: 'UEMPLOYEE', text: 'allowed' })).resolves.toMatchObject({
      ok: true,
    });
  });

  it('echoes nothing and checks no scope without a manifest', async () => {
    const bare = await startEmulator({ directory: demoDirectory });
    try {
      const client = new WebClient(bare.botToken, { slackApiUrl: bare.apiUrl, logLevel: LogLevel.ERROR });
      await expect(client.users.info({ user: 'UEMPLOYEE' })).resolves.toMatchObject({ ok: true });
      expect(bare.subscribes('message.im')).toBe(true);
    } finally {
      await bare.stop();
    }
  });
});
