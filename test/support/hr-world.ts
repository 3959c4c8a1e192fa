import type { Directory } from '@accommodation-assistant/slack-emulator';
import { runScript, type Step } from '@accommodation-assistant/slack-emulator';
import { demoDirectory } from '../../src/cli/demo-workspace.js';
import type { AccommodationRequest } from '../../src/domain/request.js';
import type { Harness } from './harness.js';
import { loadScript, TEAM } from './scripts.js';

/**
 * The demo workspace with two more people: a second HR member (for two HR members acting at once)
 * and a colleague who sits in HR's channel without being in HR (for buttons pressed by someone who
 * may not). Everyone else is the demo's.
 */
export const hrWorld: Directory = {
  ...demoDirectory,
  users: [
    ...demoDirectory.users,
    {
      id: 'UHRTWO',
      role: 'HR',
      handle: 'hr2',
      name: 'robin',
      realName: 'Robin Park',
      title: 'HR Generalist',
      tz: 'America/Chicago',
      tzLabel: 'Central Standard Time',
      tzOffset: -21_600,
      email: 'robin@example.com',
    },
    {
      id: 'UCOLLEAGUE',
      role: 'a colleague in HR’s channel who is not in HR',
      handle: 'colleague',
      name: 'taylor',
      realName: 'Taylor Quinn',
      title: 'Office Manager',
      tz: 'America/Chicago',
      tzLabel: 'Central Standard Time',
      tzOffset: -21_600,
      email: 'taylor@example.com',
    },
  ],
  userGroups: { ...demoDirectory.userGroups, SHR: ['UHR', 'UHRTWO'] },
  channels: [{ id: 'CHR', name: 'hr-accommodations', members: ['UHR', 'UHRTWO', 'UCOLLEAGUE'] }],
};

/** The journey's steps up to the employee's confirmation, as `who`. */
export function submitStepsAs(who: string, returning = false): Step[] {
  // Someone who already accepted the privacy notice goes straight to the first step.
  const steps = loadScript('journey.json').filter(
    (step) =>
      !returning ||
      !(
        ('expect' in step && step.expect === 'Your privacy, in plain words') ||
        ('click' in step && step.click === 'I understand, continue')
      ),
  );
  const end = steps.findIndex(
    (step) => 'expect' in step && step.expect === 'Your request is saved, and HR will be told',
  );
  return steps.slice(0, end + 1).map((step) => ({ ...step, as: who }) as Step);
}

/** Sends a request as `who` through the real intake and returns it as stored. */
export async function submitAs(harness: Harness, who: string): Promise<AccommodationRequest> {
  const { store } = harness.app.services;
  const userId = harness.as(who).user.id;
  const before = new Set((await store.requests.listByEmployee(TEAM, userId)).map((s) => s.id));
  await runScript(harness.emulator, submitStepsAs(who, before.size > 0), () => {});
  const summaries = await store.requests.listByEmployee(TEAM, userId);
  const fresh = summaries.find((s) => !before.has(s.id));
  if (!fresh) throw new Error('no new request was stored');
  const request = await store.requests.get(TEAM, fresh.id);
  if (!request) throw new Error('the new request could not be read');
  return request;
}

/**
 * Waits for the outbox worker (it delivers just after each ack) until `done` holds: up to 20 s of
 * wall-clock time, which only a failing test spends; a busy machine's BullMQ jobs take seconds.
 */
export async function eventually(done: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (await done()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (await done()) return;
  throw new Error(`Still waiting for ${what}.`);
}
