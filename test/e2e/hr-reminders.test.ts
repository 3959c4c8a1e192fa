import type { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import type { ReminderKind } from '../../src/domain/effects.js';
import { reminderJobId } from '../../src/jobs/effect-queue.js';
import type { Harness } from '../support/harness.js';
import { eventually, submitAs } from '../support/hr-world.js';
import { TEAM } from '../support/scripts.js';
import { startTwoReplicas, type TwoReplicas } from '../support/two-replicas.js';

/**
 * Reminders and escalations as BullMQ jobs on a real Redis, with two app processes working the
 * same queue. The jobs are the ones the request's effects scheduled; the test only moves the apps'
 * clock past the due date and the job's delay to now, as time passing would.
 */
describe('reminders and escalation', () => {
  let harness: Harness;
  let second: RunningApp;
  let queue: Queue;
  const prefix = `hrremind${process.pid}`;
  const hrChannel = 'CHR';

  let world: TwoReplicas;
  beforeAll(async () => {
    world = await startTwoReplicas(prefix, { REMINDER_QUIET_HOURS: 'off', HR_BACKUP_USER_ID: 'UHRTWO' });
    ({ harness, second, queue } = world);
  });
  afterAll(async () => {
    await world?.stop();
  });

  const posts = (channel: string, text: string) =>
    harness
      .calls('chat.postMessage')
      .filter((c) => c.ok && c.args.channel === channel && String(c.args.text).includes(text));
  const dmOf = (userId: string) => harness.emulator.workspace.openDm(userId);
  const jobOf = (requestId: string, reminder: ReminderKind) =>
    queue.getJob(reminderJobId({ teamId: TEAM, requestId, reminder }));
  /** Time passes: the due date is behind us and the job the effects scheduled is due now. */
  const timePasses = async (requestId: string, reminders: ReminderKind[], daysAgo = 7) => {
    const { store, now } = harness.app.services;
    const dueAt = (await store.requests.get(TEAM, requestId))?.dueAt;
    if (!dueAt) throw new Error(`${requestId} has no due date`);
    // The app's clock moves on until the due date is `daysAgo` days behind it.
    harness.advanceAppClock(Date.parse(dueAt) + daysAgo * 86_400_000 - now().getTime());
    for (const reminder of reminders) {
      const job = await jobOf(requestId, reminder);
      if (!job) throw new Error(`no ${reminder} job was scheduled for ${requestId}`);
      await job.changeDelay(10);
    }
  };
  const completed = async (requestId: string, reminder: ReminderKind) =>
    (await (await jobOf(requestId, reminder))?.getState()) === 'completed';

  it('reminds HR once and escalates once to HR’s channel and the backup, with two processes running', async () => {
    const request = await submitAs(harness, 'employee');
    await eventually(async () => (await jobOf(request.id, 'hr_escalation')) !== undefined, 'the jobs');
    expect(await (await jobOf(request.id, 'hr_acknowledge_due'))?.getState()).toBe('delayed');

    await timePasses(request.id, ['hr_acknowledge_due', 'hr_escalation']);
    await eventually(
      async () =>
        (await completed(request.id, 'hr_acknowledge_due')) && (await completed(request.id, 'hr_escalation')),
      'both reminders to run',
    );
    const reminded = posts(hrChannel, `Reminder: request ${request.id} is waiting to be acknowledged`);
    const escalated = posts(hrChannel, `Request ${request.id} is overdue`);
    const backup = posts(dmOf('UHRTWO'), `Request ${request.id} is overdue`);
    expect(reminded).toHaveLength(1);
    expect(reminded[0]?.args.thread_ts).toBeTruthy();
    expect(escalated).toHaveLength(1);
    expect(String(escalated[0]?.args.reply_broadcast)).toBe('true');
    expect(backup).toHaveLength(1);
    // Never a decision: the request is as it was.
    expect((await harness.app.services.store.requests.get(TEAM, request.id))?.status).toBe('submitted');

    // The same reminders run again (a replay, a retry, the other replica): nobody hears twice.
    for (const reminder of ['hr_acknowledge_due', 'hr_escalation'] as const) {
      await (await jobOf(request.id, reminder))?.remove();
      await second.services.effects.scheduleReminder(
        { teamId: TEAM, requestId: request.id, reminder },
        new Date(),
      );
    }
    await eventually(
      async () =>
        (await completed(request.id, 'hr_acknowledge_due')) && (await completed(request.id, 'hr_escalation')),
      'the replayed reminders to run',
    );
    expect(posts(hrChannel, `Reminder: request ${request.id} is waiting`)).toHaveLength(1);
    expect(posts(hrChannel, `Request ${request.id} is overdue`)).toHaveLength(1);
    expect(posts(dmOf('UHRTWO'), `Request ${request.id} is overdue`)).toHaveLength(1);
    const audit = await harness.app.services.store.audit.list(TEAM, request.id);
    expect(
      audit
        .filter((e) => e.action === 'reminded')
        .map((e) => e.subjectId)
        .sort(),
    ).toEqual(['hr_acknowledge_due', 'hr_escalation']);
  });

  it('does not remind HR while its clock is paused, and reminds the employee once instead', async () => {
    const request = await submitAs(harness, 'employee');
    await eventually(() => posts(hrChannel, request.id).length > 0, 'the card');
    await harness.hr.click('Acknowledge');
    await eventually(
      async () => (await jobOf(request.id, 'hr_decision_due')) !== undefined,
      'the decision reminder',
    );
    await harness.hr.click('Ask for documentation');
    await harness.hr.fill({
      'Before you ask, please confirm': [
        'The need for this change is not obvious',
        'The need is not already documented (nothing on file covers it)',
      ],
    });
    await harness.hr.submit();
    await eventually(
      async () => (await jobOf(request.id, 'employee_response_due')) !== undefined,
      'the employee’s reminder',
    );
    // Pausing cancelled HR's reminders...
    await eventually(
      async () => (await jobOf(request.id, 'hr_decision_due')) === undefined,
      'the cancellation',
    );
    // ...and even a stray HR reminder that fires now (a late cancellation) says nothing.
    await second.services.effects.scheduleReminder(
      { teamId: TEAM, requestId: request.id, reminder: 'hr_decision_due' },
      new Date(),
    );
    await timePasses(request.id, ['employee_response_due']);
    await eventually(
      async () =>
        (await completed(request.id, 'employee_response_due')) &&
        (await completed(request.id, 'hr_decision_due')),
      'the reminders to run',
    );
    const toEmployee = posts(
      dmOf(harness.employee.user.id),
      `HR is waiting for your answer on ${request.id}`,
    );
    expect(toEmployee).toHaveLength(1);
    expect(posts(hrChannel, `decision on request ${request.id}`)).toEqual([]);
    expect(posts(dmOf(harness.hr.user.id), `decision on request ${request.id}`)).toEqual([]);
    const audit = await harness.app.services.store.audit.list(TEAM, request.id);
    expect(audit.filter((e) => e.action === 'reminded').map((e) => e.subjectId)).toEqual([
      'employee_response_due',
    ]);
  });
});
