import type { AddressInfo } from 'node:net';
import { ActorError, type Emulator, startEmulator } from '@accommodation-assistant/slack-emulator';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { demoDirectory } from '../../src/cli/demo-workspace.js';

/**
 * Slack on a bad day, and Slack's 3-second rule: per-method fault modes (429 with Retry-After,
 * 5xx, calls that hang or answer late), an interaction the app does not acknowledge in time, and
 * Web API calls made before the ack, all against a bare Bolt app and the same client the app uses.
 */

const plain = (text: string) => ({ type: 'plain_text' as const, text });
let emulator: Emulator;
let app: App;

/** Posts one chat.postMessage by hand, to see the raw status and headers. */
async function rawPost(signal?: AbortSignal, text = 'hello'): Promise<Response> {
  return fetch(`${emulator.apiUrl}chat.postMessage`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${emulator.botToken}`,
      'content-type': 'application/json; charset=utf-8',
    },
    body: JSON.stringify({ channel: 'UEMPLOYEE', text }),
    ...(signal ? { signal } : {}),
  });
}

function posted(text: string): number {
  return emulator.workspace.allMessages().filter((message) => message.text === text).length;
}

beforeAll(async () => {
  emulator = await startEmulator({ directory: demoDirectory, waitTimeoutMs: 3000 });
  const receiver = new HTTPReceiver({
    signingSecret: emulator.signingSecret,
    endpoints: '/slack/events',
    // Longer than Slack's 3 seconds, so the emulator is the one that gives up.
    unhandledRequestTimeoutMillis: 10_000,
  });
  app = new App({
    token: emulator.botToken,
    receiver,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: emulator.apiUrl },
  });
  app.command('/slow', async ({ ack }) => {
    await new Promise((resolve) => setTimeout(resolve, 3500));
    await ack();
  });
  app.command('/lookup-first', async ({ ack, body, client }) => {
    await client.users.info({ user: body.user_id });
    await ack();
  });
  // Holds its ack, and calls Slack before it: a handler's early call, with time for other work to land.
  app.command('/hold', async ({ ack, body, client }) => {
    await new Promise((resolve) => setTimeout(resolve, 400));
    await client.users.info({ user: body.user_id });
    await ack();
  });
  app.command('/ack-first', async ({ ack, body, client }) => {
    await ack();
    await client.users.info({ user: body.user_id });
    await client.chat.postMessage({ channel: body.user_id, text: 'After the ack' });
  });
  app.command('/form', async ({ ack, body, client }) => {
    await ack();
    await client.views.open({
      trigger_id: body.trigger_id,
      view: {
        type: 'modal',
        callback_id: 'slow_form',
        title: plain('A form'),
        submit: plain('Send'),
        blocks: [{ type: 'section', text: plain('Nothing to fill in') }],
      },
    });
  });
  app.view('slow_form', async ({ ack }) => {
    await new Promise((resolve) => setTimeout(resolve, 3500));
    await ack();
  });
  const server = await receiver.start({ port: 0, host: '127.0.0.1' });
  emulator.connect(`http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`);
  await emulator.settle();
});

afterEach(() => {
  emulator.faults.clear();
});

afterAll(async () => {
  await app?.stop();
  await emulator?.stop();
});

describe('fault modes, per method', () => {
  it('answers 429 with Retry-After for the next K calls, then serves again', async () => {
    emulator.faults.set('chat.postMessage', { kind: 'ratelimited', retryAfter: 7 }, { times: 2 });
    const before = emulator.calls('chat.postMessage').length;
    for (let i = 0; i < 2; i++) {
      const response = await rawPost();
      expect(response.status).toBe(429);
      expect(response.headers.get('retry-after')).toBe('7');
      expect(await response.json()).toEqual({ ok: false, error: 'ratelimited' });
    }
    const third = await rawPost();
    expect(third.status).toBe(200);
    expect(await third.json()).toMatchObject({ ok: true });
    const calls = emulator.calls('chat.postMessage').slice(before);
    expect(calls.map((call) => call.fault ?? 'none')).toEqual(['ratelimited', 'ratelimited', 'none']);
    expect(calls[0]?.args).toMatchObject({ channel: 'UEMPLOYEE', text: 'hello' });
  });

  it('is honoured by the Web API client: it waits Retry-After and tries again', async () => {
    emulator.faults.set('chat.postMessage', { kind: 'ratelimited', retryAfter: 1 }, { times: 1 });
    const client = new WebClient(emulator.botToken, {
      slackApiUrl: emulator.apiUrl,
      logLevel: LogLevel.ERROR,
    });
    const before = emulator.calls('chat.postMessage').length;
    const result = await client.chat.postMessage({ channel: 'UEMPLOYEE', text: 'retried' });
    expect(result.ok).toBe(true);
    const [limited, served] = emulator.calls('chat.postMessage').slice(before);
    expect(limited?.fault).toBe('ratelimited');
    expect(served?.ok).toBe(true);
    expect(Date.parse(served?.at ?? '') - Date.parse(limited?.at ?? '')).toBeGreaterThanOrEqual(950);
    expect(posted('retried')).toBe(1);
  });

  it('answers 500 (or another status) and does nothing, until cleared', async () => {
    emulator.faults.set('chat.postMessage', { kind: 'error' });
    expect((await rawPost()).status).toBe(500);
    expect((await rawPost()).status).toBe(500);
    emulator.faults.set('chat.postMessage', { kind: 'error', status: 503 }, { times: 1 });
    expect((await rawPost()).status).toBe(503);
    expect((await rawPost()).status).toBe(200);
    emulator.faults.set('chat.postMessage', { kind: 'error' });
    emulator.faults.clear('chat.postMessage');
    expect((await rawPost()).status).toBe(200);
    const faults = emulator.calls('chat.postMessage').map((call) => call.fault);
    expect(faults.filter((fault) => fault === 'http_500')).toHaveLength(2);
    expect(faults.filter((fault) => fault === 'http_503')).toHaveLength(1);
  });

  it('leaves other methods alone, and "*" fails every method', async () => {
    emulator.faults.set('chat.postMessage', { kind: 'error' });
    const client = new WebClient(emulator.botToken, {
      slackApiUrl: emulator.apiUrl,
      logLevel: LogLevel.ERROR,
      retryConfig: { retries: 0 },
    });
    await expect(client.users.info({ user: 'UEMPLOYEE' })).resolves.toMatchObject({ ok: true });
    emulator.faults.set('*', { kind: 'error', status: 502 });
    await expect(client.users.info({ user: 'UEMPLOYEE' })).rejects.toThrow(/502/);
  });

  it('hangs a call with no answer and nothing done: the client gives up; clearing cuts held calls', async () => {
    emulator.faults.set('chat.postMessage', { kind: 'hang' });
    const before = emulator.calls('chat.postMessage').length;
    await expect(rawPost(AbortSignal.timeout(300), 'held')).rejects.toThrow();
    const count = emulator.calls().length;
    const held = rawPost(undefined, 'held');
    await emulator.waitForCall('chat.postMessage', { after: count });
    emulator.faults.clear('chat.postMessage');
    await expect(held).rejects.toThrow();
    expect(posted('held')).toBe(0);
    expect(
      emulator
        .calls('chat.postMessage')
        .slice(before)
        .map((call) => call.fault),
    ).toEqual(['hang', 'hang']);
  });

  it('answers a slow call late but does it: a client that gave up may post twice', async () => {
    emulator.faults.set('chat.postMessage', { kind: 'slow', ms: 400 }, { times: 1 });
    await expect(rawPost(AbortSignal.timeout(100), 'late')).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(posted('late')).toBe(1);
    expect(emulator.calls('chat.postMessage').at(-1)).toMatchObject({ ok: true, fault: 'slow' });
  });

  it('refuses a meaningless fault', () => {
    expect(() => emulator.faults.set('chat.postMessage', { kind: 'error' }, { times: 0 })).toThrow(/times/);
    expect(() => emulator.faults.set('chat.postMessage', { kind: 'ratelimited', retryAfter: -1 })).toThrow(
      /retryAfter/,
    );
  });
});

describe("Slack's 3 seconds", () => {
  it("fails a command the app does not acknowledge in time: the person sees Slack's error, and it is recorded", async () => {
    const employee = emulator.as('employee');
    const error = await employee.command('/slow').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ActorError);
    expect((error as ActorError).message).toContain('did not acknowledge /slow within 3 seconds');
    expect(employee.screen()).toContain('(!) Slack: /slow failed with the error "operation_timeout"');
    const last = emulator.interactions().at(-1);
    expect(last).toMatchObject({
      kind: 'slash_command',
      user: 'UEMPLOYEE',
      acknowledged: false,
      timedOut: true,
    });
    expect(last?.ms).toBeGreaterThanOrEqual(2990);
    expect(last?.ms).toBeLessThan(3400);
    expect(emulator.unacknowledged()).toContainEqual(last);
    // The next thing the person does clears Slack's message.
    await employee.command('/ack-first');
    expect(employee.screen()).not.toContain('operation_timeout');
  });

  it('keeps a modal open with "We had some trouble connecting" when its submission is not acknowledged', async () => {
    const employee = emulator.as('employee');
    await employee.command('/form');
    await expect(employee.submit()).rejects.toThrow(/did not acknowledge submitting the form/);
    expect(employee.topModal()?.definition.callback_id).toBe('slow_form');
    expect(employee.screen()).toContain('(!) Slack: We had some trouble connecting. Try again?');
    expect(emulator.interactions().at(-1)).toMatchObject({ kind: 'view_submission', timedOut: true });
  });
});

describe('Web API calls before the ack', () => {
  it('records a call the app made while the interaction awaited its ack, with the interaction', async () => {
    const before = emulator.callsBeforeAck().length;
    await emulator.as('employee').command('/lookup-first');
    const found = emulator.callsBeforeAck().slice(before);
    expect(found).toHaveLength(1);
    expect(found[0]?.call.method).toBe('users.info');
    expect(found[0]?.interaction).toMatchObject({ kind: 'slash_command', user: 'UEMPLOYEE' });
  });

  it('records none when the app acks first, however soon after the ack it calls', async () => {
    const before = emulator.callsBeforeAck().length;
    const calls = emulator.calls().length;
    for (let i = 0; i < 15; i++) {
      // Each round waits for its own last call, so no late call of one round overlaps the next.
      const seen = emulator.calls().length;
      await emulator.as('hr').command('/ack-first');
      await emulator.waitForCall('chat.postMessage', { after: seen });
    }
    expect(emulator.calls().length - calls).toBe(30);
    expect(emulator.callsBeforeAck().slice(before)).toEqual([]);
  });

  it('traced, counts a call only against the interaction whose handler made it, never background work', async () => {
    const employee = emulator.as('employee');
    /** `/hold`, with the app posting from outside any handler (as its outbox worker does) meanwhile. */
    const holdWithBackgroundPost = async (text: string) => {
      const before = emulator.callsBeforeAck().length;
      const held = employee.command('/hold');
      await new Promise((resolve) => setTimeout(resolve, 100));
      await app.client.chat.postMessage({ channel: 'UHR', text });
      await held;
      return emulator.callsBeforeAck().slice(before);
    };
    // Untraced, as Slack sees it: both calls came while /hold awaited its ack.
    const untraced = await holdWithBackgroundPost('background, untraced');
    expect(untraced.map(({ call }) => call.method).sort()).toEqual(['chat.postMessage', 'users.info']);

    emulator.traceCallers();
    const traced = await holdWithBackgroundPost('background, traced');
    expect(traced.map(({ call }) => call.method)).toEqual(['users.info']);
    const hold = emulator.interactions().at(-1);
    expect(traced[0]?.interaction.id).toBe(hold?.id);
    expect(traced[0]?.call.causedBy).toBe(hold?.id);
    const background = emulator
      .calls('chat.postMessage')
      .find((call) => call.args.text === 'background, traced');
    expect(background?.causedBy).toBeUndefined();
  });
});
