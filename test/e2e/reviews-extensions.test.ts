import { runScript } from '@accommodation-assistant/slack-emulator';
import type { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import type { ReminderKind } from '../../src/domain/effects.js';
import type { AccommodationRequest } from '../../src/domain/request.js';
import { reminderJobId } from '../../src/jobs/effect-queue.js';
import type { Harness } from '../support/harness.js';
import { eventually, submitStepsAs } from '../support/hr-world.js';
import { TEAM } from '../support/scripts.js';
import { startTwoReplicas, type TwoReplicas } from '../support/two-replicas.js';

/**
 * Reviews and extensions through the real app over HTTP, with two app processes (each with its own
 * worker) on one private Redis: the review starts once however many processes run its job, the
 * employee and HR are each asked once, and the extension goes from the employee's button to HR's
 * letter, HR's Extend, the manager (with consent) and the EAP coordinator (status and dates).
 */
describe('reviews and extensions', { timeout: 60_000 }, () => {
  let harness: Harness;
  let second: RunningApp;
  let queue: Queue;
  const prefix = `reviews${process.pid}`;
  const hrChannel = 'CHR';
  let request: AccommodationRequest;

  let world: TwoReplicas;
  beforeAll(async () => {
    world = await startTwoReplicas(prefix, { REMINDER_QUIET_HOURS: 'off', REVIEW_NOTICE_DAYS: '7' });
    ({ harness, second, queue } = world);
  });
  afterAll(async () => {
    await world?.stop();
  });

  const stored = async (id: string): Promise<AccommodationRequest> => {
    const found = await harness.app.services.store.requests.get(TEAM, id);
    if (!found) throw new Error(`${id} is not stored`);
    return found;
  };
  const posts = (channel: string, text: string) =>
    harness
      .calls('chat.postMessage')
      .filter((c) => c.ok && c.args.channel === channel && JSON.stringify(c.args).includes(text));
  const dmOf = (userId: string) => harness.emulator.workspace.openDm(userId);
  const jobOf = (requestId: string, reminder: ReminderKind) =>
    queue.getJob(reminderJobId({ teamId: TEAM, requestId, reminder }));
  /**
   * The job ran: completed, or already removed by the transition's own cancel_reminder (the outbox
   * removes a review job that is no longer planned once it is not active; on a busy machine that
   * can come before this looks).
   */
  const completed = async (requestId: string, reminder: ReminderKind) => {
    const job = await jobOf(requestId, reminder);
    return job === undefined || (await job.getState()) === 'completed';
  };

  it('an approved arrangement, with consent for the manager and the EAP coordinator', async () => {
    const steps = submitStepsAs('employee').map((step) =>
      'fill' in step && 'May the EAP team see how your request is going?' in step.fill
        ? {
            ...step,
            fill: {
              ...step.fill,
              'May the EAP team see how your request is going?': 'Yes, they may see its status and dates',
            },
          }
        : step,
    );
    await runScript(harness.emulator, steps, () => {});
    const [summary] = await harness.app.services.store.requests.listByEmployee(TEAM, 'UEMPLOYEE');
    if (!summary) throw new Error('no request was stored');
    request = await stored(summary.id);
    await eventually(() => posts(hrChannel, request.id).length > 0, 'the card');
    await harness.hr.click('Acknowledge');
    await eventually(async () => (await stored(request.id)).status === 'acknowledged', 'the acknowledgment');
    await harness.hr.click('Approve');
    await harness.hr.fill({ 'Manager to tell': 'manager', 'Review date': '2027-02-15' });
    await harness.hr.submit();
    await eventually(async () => (await stored(request.id)).status === 'approved', 'the approval');
    await eventually(async () => (await jobOf(request.id, 'review_due')) !== undefined, 'the review job');
    expect(await (await jobOf(request.id, 'review_due'))?.getState()).toBe('delayed');
  });

  it('the review starts once with two processes: the employee and HR are each asked once', async () => {
    const { now } = harness.app.services;
    // Seven days before the 15 February review, in the employee's morning, and a day more.
    const reviewStarts = Date.parse('2027-02-08T09:00:00-05:00');
    harness.advanceAppClock(reviewStarts + 86_400_000 - now().getTime());
    await (await jobOf(request.id, 'review_due'))?.changeDelay(10);
    await eventually(async () => (await stored(request.id)).status === 'review_due', 'the review');
    await eventually(() => completed(request.id, 'review_due'), 'the review job');
    const employeeDm = dmOf(harness.employee.user.id);
    await eventually(
      () => posts(employeeDm, `Your arrangement ${request.id} is coming up for review`).length > 0,
      'the employee’s question',
    );
    await eventually(() => posts(hrChannel, 'The arrangement is due for review').length > 0, 'HR’s question');

    // The same job again, on the other process (a replay, a retry): nobody is asked twice.
    await (await jobOf(request.id, 'review_due'))?.remove();
    await second.services.effects.scheduleReminder(
      { teamId: TEAM, requestId: request.id, reminder: 'review_due' },
      new Date(),
    );
    await eventually(() => completed(request.id, 'review_due'), 'the replayed review job');
    await harness.emulator.settle();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await harness.emulator.settle();

    expect(posts(employeeDm, `Your arrangement ${request.id} is coming up for review`)).toHaveLength(1);
    expect(posts(hrChannel, 'The arrangement is due for review')).toHaveLength(1);
    const audit = await harness.app.services.store.audit.list(TEAM, request.id);
    expect(audit.filter((entry) => entry.action === 'mark_review_due')).toHaveLength(1);
    // The consenting employee's EAP coordinator hears the status and dates, once.
    expect(posts(dmOf('UEAP'), `${request.id} (<@UEMPLOYEE>): Up for review`)).toHaveLength(1);
    // The question offers the employee's choices.
    harness.employee.openMessages();
    await harness.employee.expect('Ask for an extension');
    await harness.employee.expect('End it now');
  });

  it('Ask for an extension sends HR the letter; Extend updates the dates and tells the manager and EAP', async () => {
    const employee = harness.employee;
    employee.openMessages();
    await employee.click('Ask for an extension');
    await employee.expect('New last day');
    await employee.fill({ 'New last day': '2027-04-30' });
    await employee.submit();
    await eventually(
      async () => (await stored(request.id)).extension?.until === '2027-04-30',
      'the extension request',
    );
    const letter = () => posts(hrChannel, 'Request to extend my accommodation');
    await eventually(() => letter().length > 0, 'the extension letter in HR’s thread');
    expect(letter()).toHaveLength(1);
    const letterText = JSON.stringify(letter()[0]?.args);
    expect(letterText).toContain(request.id);
    expect(letterText).toContain('April 30, 2027');
    // Built from the dates HR holds: no reason, no program, nothing the employee typed.
    expect(letterText).not.toMatch(/outpatient|treatment|medical|diagnos|therap|Alex/i);
    expect(letterText).toContain('thread_ts');
    await eventually(
      () => posts(dmOf(employee.user.id), `I’ve sent HR your request to extend ${request.id}`).length === 1,
      'the employee’s confirmation',
    );

    const managerDms = () => posts(dmOf('UMANAGER'), '<@UEMPLOYEE>');
    const managerBefore = managerDms().length;
    await harness.hr.click('Extend');
    await harness.hr.expect('New last day');
    await harness.hr.fill({ 'New last day': '2027-04-30', 'Next review': '2027-04-16' });
    await harness.hr.submit();
    await eventually(async () => (await stored(request.id)).status === 'approved', 'the extension');
    const after = await stored(request.id);
    expect(after.approval?.pattern.endDate).toBe('2027-04-30');
    expect(after.approval?.reviewDate).toBe('2027-04-16');
    expect(after.extension).toMatchObject({ outcome: 'extended' });

    await eventually(() => managerDms().length === managerBefore + 1, 'the manager’s message');
    const toManager = JSON.stringify(managerDms().at(-1)?.args);
    expect(toManager).toContain('has changed');
    expect(toManager).toMatch(/Apr(il)? 30/);
    expect(toManager).not.toMatch(/extension|outpatient|treatment|session|letter/i);
    await eventually(
      () => posts(dmOf(employee.user.id), `Your arrangement ${request.id} has been extended`).length === 1,
      'the employee told',
    );
    await eventually(
      () => posts(dmOf('UEAP'), `${request.id} (<@UEMPLOYEE>): Approved`).length >= 2,
      'the EAP coordinator told',
    );
    const eap = JSON.stringify(posts(dmOf('UEAP'), `${request.id} (<@UEMPLOYEE>): Approved`).at(-1)?.args);
    expect(eap).toMatch(/ends/);
    expect(eap).not.toMatch(/extension|letter|outpatient|treatment/i);
    // The next review is scheduled from the new dates, not the old ones.
    await eventually(
      async () => (await (await jobOf(request.id, 'review_due'))?.getState()) === 'delayed',
      'the next review',
    );
  });

  it('asked again, HR keeps the end date: the employee and EAP are told, the manager hears nothing', async () => {
    const employee = harness.employee;
    await employee.openHome();
    await employee.click('Ask for an extension');
    await employee.fill({ 'New last day': '2027-06-30' });
    await employee.submit();
    await eventually(
      async () => (await stored(request.id)).extension?.until === '2027-06-30',
      'the second extension request',
    );
    await eventually(
      () => posts(hrChannel, 'Request to extend my accommodation').length === 2,
      'the second letter',
    );
    const managerBefore = posts(dmOf('UMANAGER'), '<@UEMPLOYEE>').length;
    const eapBefore = posts(dmOf('UEAP'), `${request.id} (<@UEMPLOYEE>)`).length;
    await harness.hr.click('Keep the end date');
    await eventually(async () => (await stored(request.id)).extension?.outcome === 'declined', 'HR’s answer');
    const kept = await stored(request.id);
    expect(kept.status).toBe('review_due');
    expect(kept.waitingOn).toBe('nobody');
    expect(kept.approval?.pattern.endDate).toBe('2027-04-30');
    await eventually(
      () =>
        posts(dmOf(employee.user.id), `HR has answered your request to extend ${request.id}`).length === 1,
      'the employee told',
    );
    await eventually(
      () => posts(dmOf('UEAP'), `${request.id} (<@UEMPLOYEE>)`).length === eapBefore + 1,
      'the EAP coordinator told',
    );
    await eventually(() => posts(hrChannel, 'The extension was not given').length === 1, 'the card’s thread');
    await harness.emulator.settle();
    expect(posts(dmOf('UMANAGER'), '<@UEMPLOYEE>')).toHaveLength(managerBefore);
  });

  it('HR adjusts the hours: the new pattern is stored and the manager hears the change', async () => {
    const managerBefore = posts(dmOf('UMANAGER'), '<@UEMPLOYEE>').length;
    await harness.hr.click('Adjust');
    await harness.hr.expect('Work starts at');
    await harness.hr.fill({
      'Work starts at': '07:00',
      'Work ends at': '15:30',
      'Next review': '2027-04-23',
    });
    await harness.hr.submit();
    await eventually(async () => (await stored(request.id)).status === 'approved', 'the adjustment');
    const adjusted = await stored(request.id);
    expect(adjusted.approval?.pattern.hours[0]).toMatchObject({ start: '07:00', end: '15:30' });
    expect(adjusted.approval?.pattern.endDate).toBe('2027-04-30');
    expect(adjusted.approval?.reviewDate).toBe('2027-04-23');
    await eventually(
      () => posts(dmOf('UMANAGER'), '<@UEMPLOYEE>').length === managerBefore + 1,
      'the manager’s message',
    );
    const toManager = JSON.stringify(posts(dmOf('UMANAGER'), '<@UEMPLOYEE>').at(-1)?.args);
    expect(toManager).toContain('has changed');
    expect(toManager).toMatch(/7:00|07:00/);
    expect(toManager).not.toMatch(/extension|outpatient|treatment|session|letter/i);
  });
});
