/**
 * An HR member and an EAP coordinator who are also someone's manager, through the real app over
 * HTTP against the local Slack: an employee names them as their manager, HR approves, and their
 * Home tab (HR's queue, the EAP dashboard) then also lists the approved pattern they were told, as
 * any manager's Home does. Before that it lists nothing of the kind, and nothing the employee
 * wrote, no session time and no reason is ever in it.
 */
import { runScript, type Step } from '@accommodation-assistant/slack-emulator';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AccommodationRequest } from '../../src/domain/request.js';
import { type Harness, startHarness } from '../support/harness.js';
import { eventually, hrWorld, submitStepsAs } from '../support/hr-world.js';
import { TEAM } from '../support/scripts.js';

const MANAGER_SECTION = 'Working patterns you were told about';
/** Plain work words the employee writes for HR only: never in a manager section. */
const coverage = 'Robin takes the Kestrel queue while I am out.';
/** The journey's sessions are 17:30–20:30: no form of either time may reach a manager. */
const sessionTimes = ['5:30 PM', '8:30 PM', '17:30', '20:30'];

function weeksFromNow(weeks: number): string {
  return new Date(Date.now() + weeks * 7 * 86_400_000).toISOString().slice(0, 10);
}

describe('HR members and EAP coordinators who manage someone see what they were told on their Home tab', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({
      env: { REDIS_URL: inject('redisUrl'), REDIS_KEY_PREFIX: `mgrhomeroles${process.pid}` },
      emulator: { directory: hrWorld },
    });
  });
  afterAll(async () => {
    await harness?.stop();
  });

  const stored = async (id: string) => {
    const found = await harness.app.services.store.requests.get(TEAM, id);
    if (!found) throw new Error(`no request ${id}`);
    return found;
  };

  /** The journey's intake as `who`, with `manager` picked as their manager and a coverage plan for HR. */
  async function sendNaming(who: string, manager: string): Promise<AccommodationRequest> {
    const steps = submitStepsAs(who).map((step): Step => {
      if (!('fill' in step) || typeof step.fill !== 'object' || !step.fill) return step;
      if ('Should your manager be told the approved schedule?' in step.fill)
        return { ...step, fill: { ...step.fill, 'Who is your manager?': manager } } as Step;
      if ('How your work would be covered' in step.fill)
        return { ...step, fill: { ...step.fill, 'How your work would be covered': coverage } } as Step;
      return step;
    });
    await runScript(harness.emulator, steps, () => {});
    const [summary] = await harness.app.services.store.requests.listByEmployee(TEAM, harness.as(who).user.id);
    const request = await stored(summary?.id ?? 'none');
    expect(request.managerId).toBe(harness.as(manager).user.id);
    expect(request.disclosure.shareScheduleWithManager).toBe(true);
    return request;
  }

  /** HR (Alex) acknowledges and approves, telling the manager on record. */
  async function approve(request: AccommodationRequest): Promise<void> {
    const { hr } = harness;
    await hr.click('Acknowledge');
    await eventually(async () => (await stored(request.id)).status === 'acknowledged', 'the acknowledgment');
    await hr.click('Approve');
    await hr.expect('Manager to tell');
    await hr.fill({
      'Days with changed hours': ['Monday', 'Wednesday', 'Thursday'],
      'Work starts at': '08:00',
      'Work ends at': '16:30',
      'Review date': weeksFromNow(8),
    });
    await hr.submit();
    await eventually(async () => (await stored(request.id)).managerToldAt !== undefined, 'the manager told');
    expect((await stored(request.id)).status).toBe('approved');
  }

  /** The manager section of the last Home tab published for `userId`, as sent to Slack. */
  function managerSectionSent(userId: string): string {
    const published = harness
      .calls('views.publish')
      .filter((call) => call.args.user_id === userId)
      .map((call) => JSON.stringify(call.args));
    const last = published.at(-1) ?? '';
    return last.includes(MANAGER_SECTION) ? last.slice(last.indexOf(MANAGER_SECTION)) : '';
  }

  function expectOnlyThePattern(section: string): void {
    // In the employee's own time zone (Sam's is New York's, Taylor's Chicago's).
    expect(section).toMatch(/Mondays, Wednesdays, and Thursdays: 8:00 AM – 4:30 PM [EC]T/);
    for (const secret of [...sessionTimes, coverage, 'Kestrel']) expect(section).not.toContain(secret);
    expect(section).not.toMatch(/outpatient|treatment|medical|session|reason/i);
  }

  describe('an HR member named as the manager', () => {
    let request: AccommodationRequest;
    const hr2 = () => harness.as('hr2');

    it('the employee names the second HR member as their manager and sends the request', async () => {
      request = await sendNaming('employee', 'hr2');
    });

    it('before the approval, their Home is HR’s queue with no manager section', async () => {
      await hr2().openHome();
      await hr2().expect('Accommodation requests');
      await hr2().expect(request.id);
      expect(hr2().screen()).not.toContain(MANAGER_SECTION);
    });

    it('after HR approves, their Home is still HR’s queue and also lists the pattern they were told', async () => {
      await approve(request);
      await hr2().openHome();
      await hr2().expect('Accommodation requests');
      await hr2().expect(MANAGER_SECTION);
      await hr2().expect(`@${harness.employee.user.realName} · In place`);
      await hr2().expect('Mondays, Wednesdays, and Thursdays: 8:00 AM – 4:30 PM ET');
      // HR's own buttons are still there, below it.
      await hr2().expect('Start a request of my own');
      expectOnlyThePattern(managerSectionSent(hr2().user.id));
    });

    it('the approving HR member, who manages nobody, gets no manager section', async () => {
      await harness.hr.openHome();
      await harness.hr.expect('Accommodation requests');
      expect(harness.hr.screen()).not.toContain(MANAGER_SECTION);
    });
  });

  describe('an EAP coordinator named as the manager', () => {
    let request: AccommodationRequest;

    it('before anything is approved for them, the EAP Home has no manager section', async () => {
      await harness.eap.openHome();
      await harness.eap.expect('Accommodation tracking');
      expect(harness.eap.screen()).not.toContain(MANAGER_SECTION);
    });

    it('a colleague names the EAP coordinator as their manager; after HR approves, the EAP Home lists the pattern', async () => {
      request = await sendNaming('colleague', 'eap');
      await approve(request);
      await harness.eap.openHome();
      await harness.eap.expect('Accommodation tracking');
      await harness.eap.expect(MANAGER_SECTION);
      await harness.eap.expect(`@${harness.as('colleague').user.realName} · In place`);
      await harness.eap.expect('Mondays, Wednesdays, and Thursdays: 8:00 AM – 4:30 PM CT');
      // Published under EAP's audience and not held back by the outbound guard.
      expect(harness.eap.screen()).not.toContain('I held this message back');
      expectOnlyThePattern(managerSectionSent(harness.eap.user.id));
    });
  });
});
