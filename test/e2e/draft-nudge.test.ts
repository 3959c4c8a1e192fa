import { runScript, type Step } from '@accommodation-assistant/slack-emulator';
import type { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { reminderJobId } from '../../src/jobs/effect-queue.js';
import { DRAFT_NUDGE_TEXT, DRAFT_NUDGES_OFF_TEXT } from '../../src/slack/views/draft-nudge.js';
import type { Harness } from '../support/harness.js';
import { eventually, submitStepsAs } from '../support/hr-world.js';
import { TEAM } from '../support/scripts.js';
import { startTwoReplicas, type TwoReplicas } from '../support/two-replicas.js';

/**
 * A draft left alone gets one gentle nudge: through the real app over HTTP, with two app processes
 * (each with its own worker) on one private Redis. The job is the one saving the draft scheduled;
 * the test moves the apps' clock on and the job's delay to now, as days passing would.
 */
describe('the nudge about a draft left alone', () => {
  let harness: Harness;
  let second: RunningApp;
  let queue: Queue;
  const prefix = `nudge${process.pid}`;
  const DAY_MS = 86_400_000;

  let world: TwoReplicas;
  beforeAll(async () => {
    world = await startTwoReplicas(prefix, { REMINDER_QUIET_HOURS: 'off', DRAFT_NUDGE_DAYS: '3' });
    ({ harness, second, queue } = world);
  });
  afterAll(async () => {
    await world?.stop();
  });

  const userId = 'UEMPLOYEE';
  const draftIdNow = async () =>
    (await harness.app.services.store.conversations.get(TEAM, userId))?.draft?.draftId ?? '';
  const jobOf = (draftId: string) =>
    queue.getJob(reminderJobId({ teamId: TEAM, requestId: draftId, reminder: 'draft_idle' }));
  const stateOf = async (draftId: string) => (await (await jobOf(draftId))?.getState()) ?? 'none';
  const nudges = () =>
    harness
      .calls('chat.postMessage')
      .filter(
        (c) =>
          c.ok &&
          c.args.channel === harness.emulator.workspace.openDm(userId) &&
          String(c.args.text) === DRAFT_NUDGE_TEXT,
      );
  /** The first intake step, filled and sent: the draft is saved, and its nudge scheduled. */
  const firstStep = (returning: boolean): Step[] => {
    const steps = submitStepsAs('employee', returning);
    return steps.slice(0, steps.findIndex((step) => 'expect' in step && step.expect === 'Step 2 of 5') + 1);
  };
  const settled = async () => {
    await harness.emulator.settle();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await harness.emulator.settle();
  };
  let draftId = '';

  it('is scheduled when the draft is saved, and not sent before the draft has been left for 3 days', async () => {
    await runScript(harness.emulator, firstStep(false), () => {});
    draftId = await draftIdNow();
    expect(draftId).not.toBe('');
    await eventually(async () => (await stateOf(draftId)) === 'delayed', 'the nudge job');
    // Two days on, the job runs (early, as a stray one would): it moves itself later and says nothing.
    harness.advanceAppClock(2 * DAY_MS);
    await (await jobOf(draftId))?.changeDelay(10);
    await eventually(async () => Boolean((await jobOf(draftId))?.processedOn), 'the early run');
    await settled();
    expect(await stateOf(draftId)).toBe('delayed');
    expect(nudges()).toEqual([]);
  });

  it('is sent once, with two processes and the job run again on the other', async () => {
    harness.advanceAppClock(DAY_MS + 3_600_000);
    await (await jobOf(draftId))?.changeDelay(10);
    await eventually(async () => (await stateOf(draftId)) === 'completed', 'the nudge');
    await eventually(() => nudges().length > 0, 'the nudge message');
    await (await jobOf(draftId))?.remove();
    await second.services.effects.scheduleReminder(
      { teamId: TEAM, requestId: draftId, reminder: 'draft_idle', userId },
      new Date(),
    );
    await eventually(async () => (await stateOf(draftId)) === 'completed', 'the replayed nudge');
    await settled();
    expect(nudges()).toHaveLength(1);
    // Short and kind, naming nothing of the draft.
    const sent = JSON.stringify(nudges()[0]?.args);
    expect(sent).not.toMatch(/session|outpatient|treatment|overdue|late|must|should/i);
    harness.employee.openMessages();
    await harness.employee.expect('Continue your draft');
  });

  it('can be turned off, and a later draft then gets none', async () => {
    const employee = harness.employee;
    employee.openMessages();
    await employee.click('Don’t remind me about drafts');
    await employee.expect(DRAFT_NUDGES_OFF_TEXT);
    expect((await harness.app.services.store.profiles.get(TEAM, userId))?.draftNudgesOffAt).toBeTruthy();

    // The first draft lapses (as DRAFT_IDLE_DAYS would have it) and a new one is started and saved.
    await employee.closeModal();
    await harness.app.services.store.conversations.delete(TEAM, userId);
    await runScript(harness.emulator, firstStep(true), () => {});
    const later = await draftIdNow();
    expect(later).not.toBe(draftId);
    await eventually(async () => (await stateOf(later)) === 'delayed', 'the later draft’s job');
    harness.advanceAppClock(4 * DAY_MS);
    await (await jobOf(later))?.changeDelay(10);
    await eventually(async () => (await stateOf(later)) === 'completed', 'the later draft’s job to run');
    await settled();
    expect(nudges()).toHaveLength(1);
  });
});
