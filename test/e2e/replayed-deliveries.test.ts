import type { Actor, RecordedCall } from '@accommodation-assistant/slack-emulator';
import { runScript, type Step } from '@accommodation-assistant/slack-emulator';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type RunningApp, startHttpApp } from '../../src/app.js';
import { type Harness, startHarness } from '../support/harness.js';
import { type ReplayRecorder, recordDeliveries } from '../support/replay.js';
import { loadScript, TEAM } from '../support/scripts.js';

/**
 * Slack may deliver one request more than once (its retries carry `x-slack-retry-num`), and
 * someone who captured a signed request can send the same bytes again, to any replica. Whatever
 * the kind (a command, a shortcut, a button, a form sent or closed, an event), the app does it
 * once: two app processes on one Redis, the same signed body sent to both.
 */

let harness: Harness;
let second: RunningApp;
let recorder: ReplayRecorder;
const hrChannel = 'CHR';

beforeAll(async () => {
  harness = await startHarness({
    env: { REDIS_URL: inject('redisUrl'), REDIS_KEY_PREFIX: `replay${process.pid}` },
  });
  // A second replica: same configuration, same Redis, same vault key.
  second = await startHttpApp(harness.app.services.config, { port: 0, host: '127.0.0.1' });
  recorder = recordDeliveries(harness.emulator);
}, 60_000);

afterAll(async () => {
  await second?.stop();
  await harness?.stop();
});

/** Web API calls that change something (lookups such as users.info are not doing anything). */
const writes = (from: number): RecordedCall[] =>
  harness
    .calls()
    .slice(from)
    .filter(
      (call) =>
        !/\.(info|list|test)$|^users\.profile\.get$/.test(call.method) &&
        call.method !== 'conversations.open',
    );

/** The journey up to "sent", as someone else. */
function journeyAs(who: string): Step[] {
  const steps = loadScript('journey.json');
  const end = steps.findIndex(
    (step) => 'expect' in step && step.expect === 'Your request is saved, and HR will be told',
  );
  return steps.slice(0, end + 1).map((step) => ({ ...step, as: who }) as Step);
}

async function onlyRequestOf(actor: Actor) {
  const { store } = harness.app.services;
  const [summary, ...more] = await store.requests.listByEmployee(TEAM, actor.user.id);
  expect(more).toEqual([]);
  if (!summary) throw new Error('no request');
  return summary;
}

/** Waits out the outbox: whatever the replays would have caused has had time to reach Slack. */
async function quiet(): Promise<void> {
  await harness.emulator.settle();
  await new Promise((resolve) => setTimeout(resolve, 400));
  await harness.emulator.settle();
}

/** The same signed bytes to this replica, then with Slack's retry header to the other, at once. */
async function replayTwice() {
  const delivery = recorder.last();
  const answers = await Promise.all([
    recorder.replay(delivery, harness.app.url),
    recorder.replay(delivery, second.url, { retryNum: 1 }),
  ]);
  for (const answer of answers) expect(answer.status).toBe(200);
  return answers;
}

describe('every kind of delivery, replayed to two replicas', () => {
  const kinds: [string, (who: Actor) => Promise<unknown>][] = [
    ['a slash command', (who) => who.command('/accommodation', 'help')],
    ['a global shortcut', (who) => who.shortcut('start_accommodation_request')],
    ['a button (block_actions)', (who) => who.click('I understand, continue')],
    [
      'a form sent (view_submission)',
      async (who) => {
        await who.fill({
          'Days you have sessions': ['Tuesday'],
          'Sessions start at': '17:30',
          'Sessions end at': '20:30',
          'Travel time each way': '45 minutes',
          'First day of sessions': '2027-01-04',
          'Or: number of weeks': '10',
          'How you attend': 'In person',
        });
        return who.submit();
      },
    ],
    ['a form closed (view_closed)', (who) => who.closeModal()],
    ['an event (app_home_opened)', (who) => who.openHome()],
  ];

  it.each(kinds)('%s is done once', async (_kind, act) => {
    const who = harness.eap;
    await act(who);
    await quiet();
    const conversation = JSON.stringify(
      await harness.app.services.store.conversations.get(TEAM, who.user.id),
    );
    const afterAct = harness.calls().length;

    const answers = await replayTwice();
    await quiet();

    expect(writes(afterAct)).toEqual([]);
    // Nothing in the answer either: no form replaced, no message sent back.
    for (const answer of answers) expect(answer.body).toBe('');
    expect(JSON.stringify(await harness.app.services.store.conversations.get(TEAM, who.user.id))).toBe(
      conversation,
    );
  });
});

describe('Ask HR for an update, replayed', () => {
  it('asks HR once: one post in HR’s thread, one audit entry, one DM', async () => {
    const { employee } = harness;
    await runScript(harness.emulator, journeyAs('employee'), () => {});
    const { id: reference } = await onlyRequestOf(employee);
    const { store } = harness.app.services;
    // A week on, HR's acknowledgement is overdue, so the employee may ask.
    harness.advanceAppClock(7 * 86_400_000);
    await quiet();
    const from = harness.calls().length;
    await employee.openHome();
    await employee.click('Ask HR for an update');
    await quiet();
    const afterClick = harness.calls().length;
    await replayTwice();
    await replayTwice();
    await quiet();

    const toHr = writes(from).filter(
      (call) => call.method === 'chat.postMessage' && call.args.channel === hrChannel,
    );
    expect(toHr).toHaveLength(1);
    const audit = await store.audit.list(TEAM, reference);
    expect(audit.filter((entry) => entry.action === 'request_update')).toHaveLength(1);
    // The replays did nothing at all: no DM saying "you already asked", no Home refreshed.
    expect(writes(afterClick)).toEqual([]);
  });
});
