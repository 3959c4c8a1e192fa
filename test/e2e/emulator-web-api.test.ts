import { createClock, type Emulator, startEmulator } from '@accommodation-assistant/slack-emulator';
import type { View } from '@slack/types';
import { type Logger, LogLevel, WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDirectory } from '../../src/cli/demo-workspace.js';

/**
 * The emulator's Web API over HTTP, called with the same client the app uses: what it refuses,
 * and the shapes of its refusals, are Slack's.
 */

const clock = createClock();
let emulator: Emulator;
let client: WebClient;

const plain = (text: string) => ({ type: 'plain_text' as const, text });
/** Deliberately loose: some tests send what Slack must refuse. */
const modal = (blocks: unknown[], title = 'Privacy'): View =>
  ({ type: 'modal', title: plain(title), blocks }) as View;

/** The client logs each refusal; these tests provoke them on purpose. */
const quiet: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {},
};

/** The client throws on `ok: false`; tests want the body Slack would have sent. */
async function refusal(call: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await call;
  } catch (error) {
    return (error as { data: Record<string, unknown> }).data;
  }
  throw new Error('the call was accepted');
}

beforeAll(async () => {
  emulator = await startEmulator({ directory: demoDirectory, clock });
  client = new WebClient(emulator.botToken, {
    slackApiUrl: emulator.apiUrl,
    retryConfig: { retries: 0 },
    logger: quiet,
  });
});

afterAll(async () => {
  await emulator?.stop();
});

describe('the Web API refuses what Slack refuses', () => {
  it('refuses a 151-character header with invalid_blocks, errors and [ERROR] messages', async () => {
    const body = await refusal(
      client.chat.postMessage({
        channel: 'UEMPLOYEE',
        text: 'hello',
        blocks: [{ type: 'header', text: plain('h'.repeat(151)) }],
      }),
    );
    expect(body).toMatchObject({
      ok: false,
      error: 'invalid_blocks',
      errors: ['must be less than 151 characters [json-pointer:/blocks/0/text/text]'],
      response_metadata: {
        messages: ['[ERROR] must be less than 151 characters [json-pointer:/blocks/0/text/text]'],
      },
    });
    expect(emulator.as('employee').screen()).not.toContain('hhhh');
    expect(emulator.calls('chat.postMessage').at(-1)).toMatchObject({ ok: false, error: 'invalid_blocks' });
  });

  it('refuses a 101-block modal and leaves no modal open', async () => {
    const trigger = emulator.workspace.mintTrigger('UEMPLOYEE');
    const blocks = Array.from({ length: 101 }, (_, i) => ({ type: 'section', text: plain(`line ${i}`) }));
    const body = await refusal(client.views.open({ trigger_id: trigger, view: modal(blocks) }));
    expect(body).toMatchObject({
      ok: false,
      error: 'invalid_arguments',
      errors: ['no more than 100 items allowed [json-pointer:/view/blocks]'],
      response_metadata: { messages: ['[ERROR] no more than 100 items allowed [json-pointer:/view/blocks]'] },
    });
    expect(emulator.workspace.topModal('UEMPLOYEE')).toBeUndefined();
  });

  it('refuses a message with neither text nor blocks, and one to an unknown channel', async () => {
    expect(await refusal(client.chat.postMessage({ channel: 'UEMPLOYEE', text: '' }))).toMatchObject({
      error: 'no_text',
    });
    expect(await refusal(client.chat.postMessage({ channel: 'CNOWHERE', text: 'hi' }))).toMatchObject({
      error: 'channel_not_found',
    });
  });

  it('takes a trigger_id once, and only within three seconds', async () => {
    const first = emulator.workspace.mintTrigger('UEMPLOYEE');
    await client.views.open({ trigger_id: first, view: modal([{ type: 'divider' }]) });
    expect(
      await refusal(client.views.open({ trigger_id: first, view: modal([{ type: 'divider' }]) })),
    ).toMatchObject({
      error: 'exchanged_trigger_id',
    });
    const late = emulator.workspace.mintTrigger('UEMPLOYEE');
    clock.advance(3001);
    expect(
      await refusal(client.views.open({ trigger_id: late, view: modal([{ type: 'divider' }]) })),
    ).toMatchObject({
      error: 'expired_trigger_id',
    });
    expect(
      await refusal(client.views.open({ trigger_id: 'made.up', view: modal([{ type: 'divider' }]) })),
    ).toMatchObject({
      error: 'invalid_trigger_id',
    });
  });

  it('refuses views.update with a stale hash, or for a view that is not open', async () => {
    const opened = await client.views.open({
      trigger_id: emulator.workspace.mintTrigger('UHR'),
      view: modal([{ type: 'divider' }], 'Step 1'),
    });
    const id = opened.view?.id ?? '';
    const hash = opened.view?.hash ?? '';
    const updated = await client.views.update({
      view_id: id,
      hash,
      view: modal([{ type: 'divider' }], 'Step 2'),
    });
    expect(updated.view?.hash).not.toBe(hash);
    expect(emulator.as('hr').screen()).toContain('Modal: Step 2');
    expect(
      await refusal(client.views.update({ view_id: id, hash, view: modal([], 'Step 3') })),
    ).toMatchObject({
      error: 'hash_conflict',
    });
    expect(await refusal(client.views.update({ view_id: 'VNOPE', view: modal([], 'Step 3') }))).toMatchObject(
      {
        error: 'not_found',
      },
    );
  });

  it('pushes at most three modals deep', async () => {
    for (const title of ['Two', 'Three']) {
      await client.views.push({ trigger_id: emulator.workspace.mintTrigger('UHR'), view: modal([], title) });
    }
    expect(
      await refusal(
        client.views.push({ trigger_id: emulator.workspace.mintTrigger('UHR'), view: modal([], 'Four') }),
      ),
    ).toMatchObject({ error: 'push_limit_reached' });
  });

  it('answers unknown methods with unknown_method and a wrong token with invalid_auth', async () => {
    expect(await refusal(client.apiCall('reactions.add', { name: 'tada' }))).toMatchObject({
      error: 'unknown_method',
    });
    const stranger = new WebClient('xoxb-not-ours', {
      slackApiUrl: emulator.apiUrl,
      retryConfig: { retries: 0 },
    });
    expect(await refusal(stranger.auth.test())).toMatchObject({ error: 'invalid_auth' });
  });
});

describe('the Web API knows the demo workspace', () => {
  it('gives people with time zones and profiles', async () => {
    const { user } = await client.users.info({ user: 'UEMPLOYEE' });
    expect(user).toMatchObject({
      id: 'UEMPLOYEE',
      real_name: 'Sam Rivera',
      tz: 'America/New_York',
      tz_label: 'Eastern Standard Time',
      tz_offset: -18000,
      profile: { real_name: 'Sam Rivera' },
    });
    expect(await refusal(client.users.info({ user: 'employee' }))).toMatchObject({ error: 'user_not_found' });
  });

  it('lists user group members and opens DMs', async () => {
    expect((await client.usergroups.users.list({ usergroup: 'SHR' })).users).toEqual(['UHR']);
    expect((await client.usergroups.users.list({ usergroup: 'SEAP' })).users).toEqual(['UEAP']);
    expect((await client.conversations.open({ users: 'UMANAGER' })).channel?.id).toBe('DMANAGER');
  });

  it('posts, updates and deletes messages, and shows ephemerals to one person only', async () => {
    const posted = await client.chat.postMessage({
      channel: 'DMANAGER',
      text: 'Approved schedule: *Mon* 3pm',
    });
    await client.chat.update({
      channel: 'DMANAGER',
      ts: posted.ts ?? '',
      text: 'Approved schedule: Tue 3pm',
    });
    const manager = emulator.as('manager');
    expect(manager.screen()).toContain('Approved schedule: Tue 3pm');
    expect(manager.screen()).toContain('(edited)');
    await client.chat.postEphemeral({ channel: 'CHR', user: 'UHR', text: 'Only for HR' });
    emulator.workspace.clearModals('UHR');
    const hr = emulator.as('hr');
    hr.openMessages();
    expect(hr.screen()).toContain('#hr-accommodations');
    expect(hr.screen()).toContain('Accommodation Assistant (only visible to you):\n  Only for HR');
    expect(
      await refusal(client.chat.postEphemeral({ channel: 'CHR', user: 'UEAP', text: 'no' })),
    ).toMatchObject({
      error: 'user_not_in_channel',
    });
    await client.chat.delete({ channel: 'DMANAGER', ts: posted.ts ?? '' });
    expect(manager.screen()).not.toContain('Approved schedule');
  });

  it('records every call in order with parsed arguments and no token', () => {
    const calls = emulator.calls();
    expect(calls.map((call) => call.seq)).toEqual(calls.map((_, i) => i + 1));
    const header = calls.find((call) => call.method === 'chat.postMessage');
    expect(header?.args.blocks).toEqual([{ type: 'header', text: plain('h'.repeat(151)) }]);
    expect(calls.every((call) => !('token' in call.args))).toBe(true);
  });
});
