import type { AddressInfo } from 'node:net';
import { ActorError, type Emulator, startEmulator } from '@accommodation-assistant/slack-emulator';
import { App, HTTPReceiver, LogLevel, webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDirectory } from '../../src/cli/demo-workspace.js';

/**
 * The emulator against a bare Bolt app that records what it receives: proves the payloads carry
 * what Slack sends (state values by element type, containers, response_url, retries) and that the
 * emulator applies the app's answers as Slack does.
 */

const plain = (text: string) => ({ type: 'plain_text' as const, text });
const option = (text: string, value: string) => ({ text: plain(text), value });

function formView(extra: { title?: string } = {}) {
  return {
    type: 'modal' as const,
    callback_id: 'form',
    notify_on_close: true,
    private_metadata: 'draft-1',
    title: plain(extra.title ?? 'Your schedule'),
    submit: plain('Next'),
    close: plain('Cancel'),
    blocks: [
      {
        type: 'input',
        block_id: 'name',
        label: plain('What should we call it?'),
        element: { type: 'plain_text_input', action_id: 'value', max_length: 20 },
      },
      {
        type: 'input',
        block_id: 'mode',
        label: plain('How do you attend?'),
        element: {
          type: 'static_select',
          action_id: 'value',
          options: [option('In person', 'in_person'), option('Virtual', 'virtual')],
        },
      },
      {
        type: 'input',
        block_id: 'days',
        label: plain('Which days?'),
        element: {
          type: 'checkboxes',
          action_id: 'value',
          options: [option('Monday', 'mon'), option('Tuesday', 'tue'), option('Wednesday', 'wed')],
        },
      },
      {
        type: 'input',
        block_id: 'tools',
        optional: true,
        label: plain('Anything else?'),
        element: {
          type: 'multi_static_select',
          action_id: 'value',
          options: [option('Calendar blocks', 'calendar'), option('Remote days', 'remote')],
        },
      },
      {
        type: 'input',
        block_id: 'share',
        label: plain('Tell your manager?'),
        element: {
          type: 'radio_buttons',
          action_id: 'value',
          initial_option: option('No', 'no'),
          options: [option('Yes', 'yes'), option('No', 'no')],
        },
      },
      {
        type: 'input',
        block_id: 'start',
        label: plain('Start date'),
        element: { type: 'datepicker', action_id: 'value' },
      },
      {
        type: 'input',
        block_id: 'time',
        label: plain('Session starts'),
        element: { type: 'timepicker', action_id: 'value' },
      },
      {
        type: 'input',
        block_id: 'weeks',
        label: plain('Number of weeks'),
        element: { type: 'number_input', action_id: 'value', is_decimal_allowed: false, initial_value: '10' },
      },
      {
        type: 'input',
        block_id: 'contact',
        optional: true,
        label: plain('Who in HR?'),
        element: { type: 'users_select', action_id: 'value' },
      },
    ],
  };
}

const received: Array<{ kind: string; body: Record<string, unknown>; retryNum?: number }> = [];
let emulator: Emulator;
let app: App;

beforeAll(async () => {
  emulator = await startEmulator({ directory: demoDirectory, waitTimeoutMs: 3000 });
  const receiver = new HTTPReceiver({
    signingSecret: emulator.signingSecret,
    endpoints: '/slack/events',
    unhandledRequestTimeoutMillis: 500,
  });
  app = new App({
    token: emulator.botToken,
    receiver,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: emulator.apiUrl },
  });

  app.command('/form', async ({ ack, body, client }) => {
    await ack();
    received.push({ kind: 'command', body: body as unknown as Record<string, unknown> });
    await client.views.open({ trigger_id: body.trigger_id, view: formView() });
  });
  app.command('/export', async ({ ack, body, client }) => {
    await ack('Getting your file ready.');
    await client.files.uploadV2({
      channel_id: body.channel_id,
      filename: 'my-data.csv',
      title: 'Your data',
      content: 'status,start\nsubmitted,2026-03-02\n',
      initial_comment: 'Here is everything we keep about you.',
    });
  });
  app.command('/card', async ({ ack, body, client }) => {
    await ack();
    await client.chat.postMessage({
      channel: body.user_id,
      text: 'A request card',
      blocks: [
        {
          type: 'section',
          block_id: 'card',
          text: { type: 'mrkdwn', text: '*Request ACC-1* for <@UEMPLOYEE>' },
        },
        {
          type: 'actions',
          block_id: 'card_actions',
          elements: [
            { type: 'button', action_id: 'ack_request', text: plain('Acknowledge'), value: 'ACC-1' },
          ],
        },
      ],
    });
  });
  app.action('ack_request', async ({ ack, body, respond }) => {
    await ack();
    received.push({ kind: 'block_actions', body: body as unknown as Record<string, unknown> });
    await respond({ replace_original: true, text: 'Acknowledged by HR.' });
  });
  app.shortcut('start_request', async ({ ack, shortcut, client }) => {
    await ack();
    received.push({ kind: 'shortcut', body: shortcut as unknown as Record<string, unknown> });
    await client.views.open({
      trigger_id: shortcut.trigger_id,
      view: formView({ title: 'From a shortcut' }),
    });
  });
  app.view('form', async ({ ack, body }) => {
    received.push({ kind: 'view_submission', body: body as unknown as Record<string, unknown> });
    const values = body.view.state.values;
    const name = values.name?.value?.value;
    if (values.start?.value?.selected_date && values.start.value.selected_date < '2020-01-01') {
      await ack({ response_action: 'errors', errors: { start: 'Pick a start date from today on.' } });
    } else if (name === 'push') {
      await ack({
        response_action: 'push',
        view: {
          type: 'modal',
          title: plain('One more thing'),
          blocks: [{ type: 'section', text: plain('Pushed') }],
        },
      });
    } else if (name === 'update') {
      await ack({
        response_action: 'update',
        view: {
          type: 'modal',
          title: plain('Review'),
          blocks: [{ type: 'section', text: plain('All set?') }],
        },
      });
    } else if (name === 'clear') {
      await ack({ response_action: 'clear' });
    } else if (name === 'too long') {
      await ack({
        response_action: 'update',
        view: { type: 'modal', title: plain('t'.repeat(25)), blocks: [] },
      });
    } else {
      await ack();
    }
  });
  app.view({ callback_id: 'form', type: 'view_closed' }, async ({ ack, body }) => {
    await ack();
    received.push({ kind: 'view_closed', body: body as unknown as Record<string, unknown> });
  });
  app.event('app_home_opened', async ({ event, client, context }) => {
    received.push({
      kind: 'app_home_opened',
      body: event as unknown as Record<string, unknown>,
      retryNum: context.retryNum,
    });
    await client.views.publish({
      user_id: event.user,
      view: {
        type: 'home',
        blocks: [
          { type: 'header', text: plain('Welcome home') },
          {
            type: 'actions',
            elements: [{ type: 'button', action_id: 'home_start', text: plain('Start a request') }],
          },
        ],
      },
    });
  });
  app.message(async ({ message, say }) => {
    if (message.subtype === undefined && 'text' in message) {
      received.push({ kind: 'message', body: message as unknown as Record<string, unknown> });
      await say(`You said: ${message.text}`);
    }
  });

  const server = await receiver.start({ port: 0, host: '127.0.0.1' });
  emulator.connect(`http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`);
  await emulator.settle();
});

afterAll(async () => {
  await app?.stop();
  await emulator?.stop();
});

function last(kind: string) {
  const found = received.filter((r) => r.kind === kind).at(-1);
  if (!found) throw new Error(`the app received no ${kind}`);
  return found.body;
}

describe('payloads the app receives', () => {
  it('sends a slash command with a trigger_id, the DM channel and a response_url', async () => {
    await emulator.as('employee').command('/form', 'new');
    const command = last('command');
    expect(command).toMatchObject({
      command: '/form',
      text: 'new',
      user_id: 'UEMPLOYEE',
      channel_id: 'DEMPLOYEE',
      team_id: 'T0DEMO',
    });
    expect(String(command.trigger_id)).not.toBe('');
    expect(String(command.response_url)).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/respond\//);
    expect(emulator.as('employee').screen()).toContain('Modal: Your schedule');
  });

  it('builds view.state.values for each element type exactly as Slack does', async () => {
    const employee = emulator.as('employee');
    await employee.fill({
      'What should we call it?': 'Spring',
      'How do you attend?': 'Virtual',
      'Which days?': ['Monday', 'Wednesday'],
      'Anything else?': ['Remote days'],
      'Tell your manager?': 'Yes',
      'Start date': '2026-03-02',
      'Session starts': '09:30',
      'Who in HR?': 'hr',
    });
    await employee.submit();
    const submission = last('view_submission') as {
      view: { state: { values: unknown }; private_metadata: string };
    };
    expect(submission.view.private_metadata).toBe('draft-1');
    expect(submission.view.state.values).toEqual({
      name: { value: { type: 'plain_text_input', value: 'Spring' } },
      mode: { value: { type: 'static_select', selected_option: option('Virtual', 'virtual') } },
      days: {
        value: {
          type: 'checkboxes',
          selected_options: [option('Monday', 'mon'), option('Wednesday', 'wed')],
        },
      },
      tools: { value: { type: 'multi_static_select', selected_options: [option('Remote days', 'remote')] } },
      share: { value: { type: 'radio_buttons', selected_option: option('Yes', 'yes') } },
      start: { value: { type: 'datepicker', selected_date: '2026-03-02' } },
      time: { value: { type: 'timepicker', selected_time: '09:30', timezone: 'America/New_York' } },
      weeks: { value: { type: 'number_input', value: '10' } },
      contact: { value: { type: 'users_select', selected_user: 'UHR' } },
    });
    expect(employee.screen()).not.toContain('Modal:');
  });

  it('shows response_action errors under the input and keeps what was typed', async () => {
    const employee = emulator.as('employee');
    await employee.command('/form');
    await employee.fill({
      'What should we call it?': 'Old',
      'How do you attend?': 'In person',
      'Which days?': 'Tuesday',
      'Start date': '2019-05-01',
      'Session starts': '17:00',
    });
    await employee.submit();
    await employee.expect('! Pick a start date from today on.');
    await employee.expect('value: Old');
    expect(employee.screen()).toContain('Modal: Your schedule');
  });

  it('refuses to submit, as Slack does, while a required input is empty', async () => {
    const employee = emulator.as('employee');
    await employee.fill({ 'What should we call it?': '' });
    const before = received.length;
    await expect(employee.submit()).rejects.toThrow(/requires "What should we call it\?"/);
    expect(received.length).toBe(before);
    expect(employee.screen()).toContain('! Please complete this required field.');
  });

  it('explains a fill that cannot be done: unknown label, unknown option, bad date, too long', async () => {
    const employee = emulator.as('employee');
    await expect(employee.fill({ 'Favourite colour': 'blue' })).rejects.toThrow(
      /no input has that label. Inputs: "What should we call it\?"/,
    );
    await expect(employee.fill({ 'How do you attend?': 'By boat' })).rejects.toThrow(
      /"By boat" is not one of the options \("In person", "Virtual"\)/,
    );
    await expect(employee.fill({ 'Start date': '02/03/2026' })).rejects.toThrow(/YYYY-MM-DD/);
    await expect(employee.fill({ 'What should we call it?': 'x'.repeat(21) })).rejects.toBeInstanceOf(
      ActorError,
    );
  });

  it('applies response_action update, push and clear to the modal stack', async () => {
    const employee = emulator.as('employee');
    await employee.fill({ 'What should we call it?': 'push', 'Start date': '2026-03-02' });
    await employee.submit();
    expect(employee.screen()).toContain('Modal: One more thing (2 deep)');
    await employee.closeModal();
    expect(employee.screen()).toContain('Modal: Your schedule');
    await employee.fill({ 'What should we call it?': 'update' });
    await employee.submit();
    await employee.expect('Modal: Review');
    await employee.expect('All set?');
    await employee.closeModal();
    await employee.command('/form');
    await employee.fill({
      'What should we call it?': 'clear',
      'How do you attend?': 'Virtual',
      'Which days?': ['Monday'],
      'Start date': '2026-03-02',
      'Session starts': '08:00',
    });
    await employee.submit();
    expect(employee.screen()).not.toContain('Modal:');
  });

  it('refuses an invalid view in response_action update with Slack checks', async () => {
    const employee = emulator.as('employee');
    await employee.command('/form');
    await employee.fill({
      'What should we call it?': 'too long',
      'How do you attend?': 'Virtual',
      'Which days?': ['Monday'],
      'Start date': '2026-03-02',
      'Session starts': '08:00',
    });
    await expect(employee.submit()).rejects.toThrow(
      /must be less than 25 characters \[json-pointer:\/view\/title\/text\]/,
    );
  });

  it('tells the app when a modal with notify_on_close is closed', async () => {
    const employee = emulator.as('employee');
    await employee.closeModal();
    expect(last('view_closed')).toMatchObject({
      type: 'view_closed',
      is_cleared: false,
      view: { callback_id: 'form' },
    });
  });

  it('sends a global shortcut with a trigger_id the app can open a modal with', async () => {
    const hr = emulator.as('hr');
    await hr.shortcut('start_request');
    expect(last('shortcut')).toMatchObject({
      type: 'shortcut',
      callback_id: 'start_request',
      user: { id: 'UHR' },
    });
    await hr.expect('Modal: From a shortcut');
    await hr.closeModal();
  });

  it('sends a click on a message with its container and response_url, and applies replace_original', async () => {
    const hr = emulator.as('hr');
    await hr.command('/card');
    await hr.expect('Request ACC-1 for @Sam Rivera');
    await hr.click('Acknowledge');
    expect(last('block_actions')).toMatchObject({
      type: 'block_actions',
      container: { type: 'message', channel_id: 'DHR', is_ephemeral: false },
      actions: [{ type: 'button', action_id: 'ack_request', block_id: 'card_actions', value: 'ACC-1' }],
    });
    await hr.expect('Acknowledged by HR.');
    expect(hr.screen()).not.toContain('[1] Acknowledge');
    expect(emulator.calls('response_url').at(-1)?.args).toMatchObject({ replace_original: true });
  });

  it('delivers app_home_opened, passes retry headers, and shows the published Home', async () => {
    const eap = emulator.as('eap');
    await eap.openHome();
    await eap.expect('# Welcome home');
    expect(last('app_home_opened')).toMatchObject({ type: 'app_home_opened', user: 'UEAP', tab: 'home' });
    const { eventEnvelope, appHomeOpenedEvent } = await import('@accommodation-assistant/slack-emulator');
    const user = eap.user;
    await emulator.sendEvent(
      eventEnvelope(emulator.workspace, appHomeOpenedEvent(emulator.workspace, user, 'DEAP')),
      {
        retry: { num: 1, reason: 'http_timeout' },
      },
    );
    await emulator.settle();
    const retried = received.filter((r) => r.kind === 'app_home_opened').at(-1);
    expect(retried?.retryNum).toBe(1);
  });

  it('sends a DM as a message.im event and shows the reply in the conversation', async () => {
    const employee = emulator.as('employee');
    await employee.message('hello there');
    expect(last('message')).toMatchObject({
      channel_type: 'im',
      channel: 'DEMPLOYEE',
      user: 'UEMPLOYEE',
      text: 'hello there',
    });
    await employee.expect('You said: hello there');
  });

  it('takes a file through the three-step upload and shows it in the DM', async () => {
    const employee = emulator.as('employee');
    await employee.command('/export');
    await employee.expect('Getting your file ready.');
    await employee.expect('[file] Your data (my-data.csv');
    const methods = emulator.calls().map((call) => call.method);
    expect(methods).toEqual(
      expect.arrayContaining([
        'files.getUploadURLExternal',
        'files.upload_url',
        'files.completeUploadExternal',
      ]),
    );
    const file = [...emulator.workspace.files.values()].find((f) => f.filename === 'my-data.csv');
    expect(file?.content?.toString('utf8')).toBe('status,start\nsubmitted,2026-03-02\n');
    expect(file?.channel).toBe('DEMPLOYEE');
  });

  it("deletes the app's own file with files.delete, its comment staying, and refuses a person's file", async () => {
    const employee = emulator.as('employee');
    const file = [...emulator.workspace.files.values()].find((f) => f.filename === 'my-data.csv');
    const client = new webApi.WebClient(emulator.botToken, {
      slackApiUrl: emulator.apiUrl,
      logLevel: LogLevel.ERROR,
      retryConfig: { retries: 0 },
    });
    await client.files.delete({ file: file?.id ?? '' });
    expect(emulator.workspace.files.has(file?.id ?? '')).toBe(false);
    expect(employee.screen()).not.toContain('[file] Your data');
    expect(employee.screen()).toContain('Here is everything we keep about you.');
    await expect(client.files.delete({ file: file?.id ?? '' })).rejects.toMatchObject({
      data: { error: 'file_not_found' },
    });

    await employee.shareFile({ filename: 'note.txt', content: 'mine' });
    const theirs = [...emulator.workspace.files.values()].find((f) => f.filename === 'note.txt');
    await expect(client.files.delete({ file: theirs?.id ?? '' })).rejects.toMatchObject({
      data: { error: 'cant_delete_file' },
    });
  });

  it('says which buttons exist when asked to click one that does not', async () => {
    await expect(emulator.as('eap').click('Delete everything')).rejects.toThrow(
      /cannot click "Delete everything": there is no such button. Buttons they can see: "Start a request"/,
    );
  }, 15_000);
});
