import type { Directory } from '@accommodation-assistant/slack-emulator';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ReminderKind } from '../../src/domain/effects.js';
import type { AccommodationRequest } from '../../src/domain/request.js';
import { bullPrefix } from '../../src/jobs/bullmq-queue.js';
import { reminderJobId } from '../../src/jobs/effect-queue.js';
import { type Harness, startHarness } from '../support/harness.js';
import { eventually, hrWorld, submitAs } from '../support/hr-world.js';
import { TEAM } from '../support/scripts.js';

/** HR's world with one more HR member whose Slack profile has no time zone. */
const world: Directory = {
  ...hrWorld,
  users: [
    ...hrWorld.users,
    {
      id: 'UHRTHREE',
      role: 'HR',
      handle: 'hr3',
      name: 'kim',
      realName: 'Kim Lane',
      title: 'HR Advisor',
      tz: '',
      tzLabel: '',
      tzOffset: 0,
      email: 'kim@example.com',
    },
  ],
  userGroups: { ...hrWorld.userGroups, SHR: [...(hrWorld.userGroups.SHR ?? []), 'UHRTHREE'] },
  channels: hrWorld.channels.map((c) => ({ ...c, members: [...c.members, 'UHRTHREE'] })),
};

/**
 * How reminders reach people, through the real app, its BullMQ jobs on a real Redis and the local
 * Slack, which stamps every call it receives. Time is the app's clock, moved by the test (never
 * slept): quiet hours (20:00-08:00) and business days are judged in each recipient's own zone, and
 * no two reminders land in one channel within a second of each other.
 */
describe('reminder delivery: quiet hours, each HR member’s zone, one a second per channel', () => {
  let harness: Harness;
  let queue: Queue;
  let connection: Redis;
  const prefix = `hrdelivery${process.pid}`;
  const hrChannel = 'CHR';

  beforeAll(async () => {
    harness = await startHarness({
      env: {
        REDIS_URL: inject('redisUrl'),
        REDIS_KEY_PREFIX: prefix,
        REMINDER_QUIET_HOURS: '20:00-08:00',
        HR_TIME_ZONE: 'UTC',
      },
      emulator: { directory: world },
    });
    connection = new Redis(inject('redisUrl'), { maxRetriesPerRequest: null });
    queue = new Queue('outbox', { connection, prefix: bullPrefix(prefix) });
  });
  afterAll(async () => {
    await queue.close();
    connection.disconnect();
    await harness.stop();
  });

  const jobOf = (requestId: string, reminder: ReminderKind) =>
    queue.getJob(reminderJobId({ teamId: TEAM, requestId, reminder }));
  const stored = async (id: string) => {
    const request = await harness.app.services.store.requests.get(TEAM, id);
    if (!request) throw new Error(`${id} is not stored`);
    return request;
  };
  /** The app's clock set to `at` (Slack's is untouched). */
  const clockAt = (at: DateTime) => {
    harness.advanceAppClock(at.toMillis() - harness.app.services.now().getTime());
  };
  /** The first `weekday` (1 Monday ... 7 Sunday) at hh:mm UTC after `after`. */
  const nextUtc = (after: string, weekday: number, hour: number, minute = 0) => {
    let day = DateTime.fromISO(after, { zone: 'UTC' }).plus({ days: 1 }).startOf('day');
    while (day.weekday !== weekday) day = day.plus({ days: 1 });
    return day.set({ hour, minute });
  };
  /** The job runs now; resolves once it has run (done, or held and moved to later). */
  const runNow = async (requestId: string, reminder: ReminderKind) => {
    const job = await jobOf(requestId, reminder);
    if (!job) throw new Error(`no ${reminder} job for ${requestId}`);
    const before = job.processedOn ?? 0;
    await job.changeDelay(10);
    await eventually(async () => {
      const now = await jobOf(requestId, reminder);
      const state = await now?.getState();
      return (now?.processedOn ?? 0) > before && (state === 'completed' || state === 'delayed');
    }, `${reminder} of ${requestId} to run`);
    return (await jobOf(requestId, reminder))?.getState();
  };
  const reminderPosts = (channel: string, id: string) =>
    harness
      .calls('chat.postMessage')
      .filter((c) => c.ok && c.args.channel === channel && String(c.args.text).includes(`request ${id}`))
      .filter((c) => String(c.args.text).startsWith('Reminder:'));

  it('holds HR channel reminders through the night, then posts them at least a second apart', async () => {
    const requests: AccommodationRequest[] = [];
    for (let n = 0; n < 3; n++) requests.push(await submitAs(harness, 'employee'));
    for (const r of requests)
      await eventually(async () => (await jobOf(r.id, 'hr_acknowledge_due')) !== undefined, 'the jobs');
    const latestDue =
      requests
        .map((r) => r.dueAt ?? '')
        .sort()
        .at(-1) ?? '';
    // A Wednesday 23:00 in HR's zone (UTC), after every due date: quiet hours.
    const night = nextUtc(latestDue, 3, 23);
    clockAt(night);
    for (const r of requests) expect(await runNow(r.id, 'hr_acknowledge_due')).toBe('delayed');
    for (const r of requests) expect(reminderPosts(hrChannel, r.id)).toEqual([]);
    // Held until the morning, to the minute, on the app's clock.
    const held = await jobOf(requests[0]?.id ?? '', 'hr_acknowledge_due');
    expect(held?.delay).toBeGreaterThan(8.5 * 3_600_000);

    // The morning comes: all three are due at once, into the one channel.
    clockAt(night.plus({ hours: 9, minutes: 1 }));
    await Promise.all(requests.map((r) => jobOf(r.id, 'hr_acknowledge_due').then((j) => j?.changeDelay(10))));
    await eventually(
      () => requests.every((r) => reminderPosts(hrChannel, r.id).length === 1),
      'the three reminders',
    );
    const landed = requests
      .flatMap((r) => reminderPosts(hrChannel, r.id))
      .map((c) => Date.parse(c.at))
      .sort((a, b) => a - b);
    expect(landed).toHaveLength(3);
    for (let i = 1; i < landed.length; i++)
      expect((landed[i] ?? 0) - (landed[i - 1] ?? 0)).toBeGreaterThanOrEqual(1000);
  }, 60_000);

  it('reminds an HR member in their own Slack zone: their night, their weekend, their dates', async () => {
    const request = await submitAs(harness, 'employee');
    await eventually(
      () => harness.calls('chat.postMessage').some((c) => String(c.args.text).includes(request.id)),
      'the card',
    );
    // Robin (America/Chicago) acknowledges it, so it is theirs.
    await harness.as('hr2').click('Acknowledge');
    await eventually(async () => (await stored(request.id)).status === 'acknowledged', 'the acknowledgment');
    await eventually(async () => (await jobOf(request.id, 'hr_decision_due')) !== undefined, 'the reminder');
    const due = (await stored(request.id)).dueAt ?? '';
    const robin = harness.emulator.workspace.openDm('UHRTWO');

    // Monday 13:30 UTC is daytime in HR's zone but 07:30 in Chicago: held for Robin's morning.
    clockAt(nextUtc(due, 1, 13, 30));
    expect(await runNow(request.id, 'hr_decision_due')).toBe('delayed');
    // Saturday 16:00 UTC is 10:00 in Chicago, outside quiet hours, but Robin's weekend.
    clockAt(nextUtc(due, 6, 16));
    expect(await runNow(request.id, 'hr_decision_due')).toBe('delayed');
    expect(reminderPosts(robin, request.id)).toEqual([]);

    // Tuesday 01:00 UTC is night in HR's zone and Monday 19:00 in Chicago: Robin hears now.
    const monday = nextUtc(due, 2, 1);
    clockAt(monday);
    expect(await runNow(request.id, 'hr_decision_due')).toBe('completed');
    const told = reminderPosts(robin, request.id);
    expect(told).toHaveLength(1);
    // The due date in Robin's dates (the end of HR's business day, read in Chicago).
    const inChicago = DateTime.fromISO(due, { zone: 'America/Chicago' })
      .setLocale('en-GB')
      .toFormat('cccc d LLLL');
    expect(String(told[0]?.args.text)).toContain(`is due (${inChicago})`);
  }, 60_000);

  it('falls back to HR_TIME_ZONE for an HR member whose Slack profile has no zone', async () => {
    const request = await submitAs(harness, 'employee');
    await eventually(
      () => harness.calls('chat.postMessage').some((c) => String(c.args.text).includes(request.id)),
      'the card',
    );
    await harness.as('hr3').click('Acknowledge');
    await eventually(async () => (await stored(request.id)).status === 'acknowledged', 'the acknowledgment');
    await eventually(async () => (await jobOf(request.id, 'hr_decision_due')) !== undefined, 'the reminder');
    const due = (await stored(request.id)).dueAt ?? '';
    const kim = harness.emulator.workspace.openDm('UHRTHREE');

    // Tuesday 01:00 UTC: night in HR's zone, so Kim is not disturbed...
    clockAt(nextUtc(due, 2, 1));
    expect(await runNow(request.id, 'hr_decision_due')).toBe('delayed');
    expect(reminderPosts(kim, request.id)).toEqual([]);
    // ...and hears at 09:00 UTC.
    clockAt(nextUtc(due, 2, 9));
    expect(await runNow(request.id, 'hr_decision_due')).toBe('completed');
    expect(reminderPosts(kim, request.id)).toHaveLength(1);
  }, 60_000);
});
