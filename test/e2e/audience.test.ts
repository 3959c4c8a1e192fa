import { type Emulator, runScript, type Step, startEmulator } from '@accommodation-assistant/slack-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApp, startHttpApp } from '../../src/app.js';
import { demoEnvironment } from '../../src/cli/demo-env.js';
import { demoDirectory } from '../../src/cli/demo-workspace.js';
import { loadConfig } from '../../src/config.js';
import type { OutboundCall } from '../../src/privacy/guard.js';
import { loadScript } from '../support/scripts.js';

/**
 * Every Slack call a listener makes crosses the outbound guard knowing whom it is for: the
 * employee's own modals, Home and DMs as `employee`, HR's modal as `hr`. Observed at the guard itself.
 */
describe('the audience of each outbound call, as the guard sees it', () => {
  let emulator: Emulator;
  let app: RunningApp;
  const seen: OutboundCall[] = [];

  beforeAll(async () => {
    emulator = await startEmulator({ directory: demoDirectory });
    const config = loadConfig(demoEnvironment(emulator, { LOG_LEVEL: 'warn' }));
    app = await startHttpApp(config, { port: 0, host: '127.0.0.1', onOutbound: (call) => seen.push(call) });
    emulator.connect(app.url);
    await emulator.settle();
  });
  afterAll(async () => {
    await app?.stop();
    await emulator?.stop();
  });

  const journey = loadScript('journey.json');
  const sendIndex =
    journey.findIndex(
      (step) => 'expect' in step && step.expect === 'Your request is saved, and HR will be told',
    ) - 1;
  // Up to HR seeing the card (delivered by the outbox worker), then HR's click.
  const hrIndex = journey.findIndex((step) => 'as' in step && step.as === 'hr') + 1;
  const since = (from: number) => seen.slice(from);
  const carriesContent = (call: OutboundCall) => /^(chat|views|files)\./.test(call.method);

  it('the employee’s own modals, Home and DMs are for the employee', async () => {
    const from = seen.length;
    await runScript(emulator, journey.slice(0, sendIndex) as Step[], () => {});
    const calls = since(from).filter(carriesContent);
    expect(calls.map((call) => call.method)).toEqual(expect.arrayContaining(['views.open', 'views.publish']));
    expect(new Set(calls.map((call) => call.audience))).toEqual(new Set(['employee']));
  });

  it('Send to HR, and what follows from it, leaves the listener as the employee’s', async () => {
    // The confirmation and HR's card are effects the outbox worker delivers with its own client,
    // naming each effect's audience itself; what the listener sends is the employee's.
    const from = seen.length;
    await runScript(emulator, journey.slice(sendIndex, hrIndex) as Step[], () => {});
    expect(since(from).filter((call) => carriesContent(call) && call.audience !== 'employee')).toEqual([]);
  });

  it('HR’s View request opens a modal for HR', async () => {
    const from = seen.length;
    await runScript(emulator, journey.slice(hrIndex) as Step[], () => {});
    const opened = since(from).filter((call) => call.method === 'views.open');
    expect(opened).toEqual([{ method: 'views.open', audience: 'hr' }]);
  });

  it('no call that carries content leaves without an audience', () => {
    expect(seen.filter(carriesContent).filter((call) => call.audience === undefined)).toEqual([]);
    expect(emulator.callsBeforeAck()).toEqual([]);
  });
});
