import { runScript, type Step } from '@accommodation-assistant/slack-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../../src/store/types.js';
import { type Harness, startHarness } from '../support/harness.js';
import { type PrivateRedis, startPrivateRedis } from '../support/redis-server.js';
import { loadScript, TEAM } from '../support/scripts.js';

/**
 * Redis goes away in the middle of the intake and comes back: nothing typed is lost, the person is
 * told what happened in the form itself, and pressing Next again carries on. The app runs on a
 * Redis of its own here, so killing it disturbs no other test.
 */

const journey = loadScript('journey.json');

const isExpect = (text: string) => (step: Step) => 'expect' in step && step.expect === text;
/** Steps from the one after `from` up to (not including) `to`. */
const between = (from: string, to: string): Step[] =>
  journey.slice(journey.findIndex(isExpect(from)) + 1, journey.findIndex(isExpect(to)));

const stepOne = {
  'Days you have sessions': ['Monday', 'Wednesday', 'Thursday'],
  'Sessions start at': '17:30',
  'Sessions end at': '20:30',
  'Travel time each way': '45 minutes',
  'First day of sessions': '2027-01-04',
  'Or: number of weeks': '10',
  'How you attend': 'In person',
};

describe('a Redis hiccup during the intake', () => {
  let redis: PrivateRedis;
  let harness: Harness;

  /** Waits until the app's own store answers again: it reconnects by itself, on its own schedule. */
  async function untilStoreIsBack(): Promise<void> {
    for (;;) {
      try {
        await harness.app.services.store.ping();
        return;
      } catch (error) {
        if (!(error instanceof StoreUnavailableError)) throw error;
      }
    }
  }

  beforeAll(async () => {
    redis = await startPrivateRedis();
    harness = await startHarness({ env: { REDIS_URL: redis.url, REDIS_KEY_PREFIX: `hiccup${process.pid}` } });
  });
  afterAll(async () => {
    await harness?.stop();
    await redis?.stop();
  });

  it('keeps the form open with an inline “couldn’t save” and everything typed, then carries on', async () => {
    const { employee } = harness;
    await employee.command('/accommodation');
    await employee.click('I understand, continue');
    await employee.expect('Step 1 of 5');
    await employee.fill(stepOne);

    await redis.kill();
    await employee.submit();

    await employee.expect('Step 1 of 5');
    const form = employee.topModal();
    if (!form) throw new Error('the form closed');
    // The error sits by the first input, where Slack shows it.
    const firstBlock = employee.inputs()[0]?.blockId ?? '';
    expect(form.errors[firstBlock]).toMatch(/couldn’t save/);
    await employee.expect('couldn’t save that just now');
    // What was typed is still in the form (Slack keeps view state on `errors`).
    const typed = JSON.stringify(form.values);
    for (const value of ['17:30', '20:30', '2027-01-04', '10', 'monday', 'thursday']) {
      expect(typed.toLowerCase()).toContain(value);
    }

    await redis.restart();
    await untilStoreIsBack();
    await employee.submit();
    await employee.expect('Step 2 of 5');
    const draft = (await harness.app.services.store.conversations.get(TEAM, employee.user.id))?.draft;
    expect(draft?.schedule).toMatchObject({
      sessionStart: '17:30',
      sessionEnd: '20:30',
      startDate: '2027-01-04',
    });
  });

  it('shows the first step’s answers again after the form is closed and reopened', async () => {
    const { employee } = harness;
    await employee.closeModal();
    await employee.command('/accommodation');
    await employee.expect('Step 2 of 5');
    await runScript(harness.emulator, between('Step 2 of 5', 'Step 5 of 5'), () => {});
    await employee.expect('Step 5 of 5');
    await employee.click('Change sessions');
    await employee.expect('Step 1 of 5');
    const shown = employee.screen();
    for (const value of ['17:30', '20:30', 'Monday', 'Thursday']) expect(shown).toContain(value);
    await employee.closeModal();
  });

  it('says plainly that storage is out of reach when /accommodation is run while Redis is down', async () => {
    const { manager } = harness;
    await redis.kill();
    try {
      await manager.command('/accommodation');
      await manager.expect('I can’t reach my storage right now.');
      await manager.expect('Nothing you’ve typed is lost');
      expect(harness.calls('chat.postEphemeral').at(-1)?.args.user).toBe(manager.user.id);
    } finally {
      await redis.restart();
      await untilStoreIsBack();
    }
  });

  it('says the same in a small window when the shortcut is used while Redis is down', async () => {
    const { eap } = harness;
    await redis.kill();
    try {
      await eap.shortcut('start_accommodation_request');
      await eap.expect('I can’t reach my storage right now.');
      expect(eap.topModal()).toBeDefined();
    } finally {
      await redis.restart();
      await untilStoreIsBack();
    }
    await eap.closeModal();
    await eap.shortcut('start_accommodation_request');
    await eap.expect('Your privacy, in plain words');
  });

  it('tells the person in a DM when anything else fails while Redis is down, rather than nothing', async () => {
    const { hr } = harness;
    await redis.kill();
    try {
      await hr.openHome();
      hr.openMessages();
      await hr.expect('something went wrong on my side');
      await hr.expect('Nothing you saved is lost');
    } finally {
      await redis.restart();
      await untilStoreIsBack();
    }
  });
});
