/**
 * The manager's canary (issue 15, "Done when"): a unique canary string in every free-text field the
 * employee and HR can type on the way to an approval and a change (the work note, "something
 * else", the coverage plan, the reason in their own words, the private note, both parts of Edit
 * wording, HR's notes before and after the decision, HR's explanation of an alternative, the
 * employee's comment declining it), through the real app over HTTP against the local Slack. The
 * words are plain work words, so they really are released to HR and really travel; then no canary
 * may be in anything addressed to the manager (their DMs, their Home tab), while the manager does
 * get the approved pattern and, later, its withdrawal, with the one note the employee wrote for the
 * team and released to them.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Harness, startHarness } from '../support/harness.js';
import { eventually } from '../support/hr-world.js';
import { TEAM } from '../support/scripts.js';

/** Distinct, plain-work canaries: nothing in them for the detector, so release lets them through. */
const marker = () => randomBytes(6).toString('hex');
const canaries = {
  workNote: `I run the Quarry${marker()} stand-up on Mondays.`,
  helpOther: `A desk in the Larkspur${marker()} room.`,
  coveragePlan: `Robin covers the Tarragon${marker()} queue while I am out.`,
  ownWords: `I have regular Brambling${marker()} commitments for a while.`,
  privateNote: `Remember the Osprey${marker()} parking pass.`,
  wordingStatement: `I would like to finish at 2:30 for the Whinchat${marker()} period.`,
  wordingCoverage: `Alex takes the Sandpiper${marker()} tickets from 2:15.`,
  hrNoteBefore: `Checked the Marram${marker()} rota with facilities.`,
  alternativeExplanation: `The Juniper${marker()} desk needs cover in the mornings.`,
  declineComment: `The Fieldfare${marker()} train makes mornings hard.`,
  hrNoteAfter: `Agreed on the Dunlin${marker()} call, file updated.`,
} as const;
/** The one thing the employee chose to tell the manager in their own words, and released to them. */
const teamNote = `Robin covers the Pipit${marker()} queue from 2:30.`;
type Field = keyof typeof canaries;
const all = Object.entries(canaries) as [Field, string][];

/** Which canaries are in a text, by field. */
const found = (text: string) => all.filter(([, canary]) => text.includes(canary)).map(([field]) => field);

function weeksFromNow(weeks: number): string {
  return new Date(Date.now() + weeks * 7 * 86_400_000).toISOString().slice(0, 10);
}

describe('the manager is told the approved pattern and its change, and nothing anyone typed', () => {
  let harness: Harness;
  let managerId: string;
  let managerDm: string;

  beforeAll(async () => {
    harness = await startHarness({
      env: { REDIS_URL: inject('redisUrl'), REDIS_KEY_PREFIX: `mgrcanary${process.pid}` },
    });
    managerId = harness.manager.user.id;
    managerDm = harness.emulator.workspace.openDm(managerId);
  });
  afterAll(async () => {
    await harness?.stop();
  });

  /** Every recorded Web API call addressed to the manager: their DM, their Home, anything naming them. */
  const toManager = () =>
    harness
      .calls()
      .filter((call) => {
        const args = call.args as Record<string, unknown>;
        return [args.channel, args.channel_id, args.user, args.user_id, args.users].some(
          (to) => to === managerId || to === managerDm,
        );
      })
      .filter((call) => call.method !== 'users.info' && call.method !== 'users.profile.get');

  it('the employee types a canary into every field of the intake, names the offered manager and sends it', async () => {
    const { employee } = harness;
    await employee.command('/accommodation');
    await employee.click('I understand, continue');
    await employee.expect('Step 1 of 5');
    await employee.fill({
      'Days you have sessions': ['Tuesday', 'Thursday'],
      'Sessions start at': '15:00',
      'Sessions end at': '18:00',
      'Travel time each way': '30 minutes',
      'First day of sessions': weeksFromNow(3),
      'Or: number of weeks': '10',
      'How you attend': 'In person',
    });
    await employee.submit();
    await employee.expect('Step 2 of 5');
    await employee.fill({
      'Days you usually work': ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
      'Your workday usually starts at': '09:00',
      'Your workday usually ends at': '17:30',
      'Anything else about your work HR should know': canaries.workNote,
    });
    await employee.submit();
    await employee.expect('Step 3 of 5');
    await employee.fill({
      'What would help': [
        'Leave early or start late on session days, and make up the hours',
        'Something else',
      ],
      'If something else, what is it?': canaries.helpOther,
      'How your work would be covered': canaries.coveragePlan,
    });
    await employee.submit();
    await employee.expect('Step 4 of 5');
    // The workspace profile names Casey as Sam's manager: the picker offers them.
    await employee.expect('Your workspace profile names this person');
    await employee.fill({
      'How the reason is worded': 'In my own words',
      'The reason, in your own words': canaries.ownWords,
      'Should your manager be told the approved schedule?':
        'Yes, tell my manager the approved days and hours',
      'May the EAP team see how your request is going?': 'Yes, they may see its status and dates',
      'Where do you work?': 'United States',
      'Private note (only you can see this)': canaries.privateNote,
      'A short note for your team (optional)': teamNote,
    });
    await employee.submit();
    await employee.expect('Step 5 of 5');
    // What the manager will read, exactly, before sending.
    await employee.expect('Your manager also reads your note for the team');
    await employee.click('Edit wording');
    await employee.fill({
      'What you’re asking for, in your words': canaries.wordingStatement,
      'How your work would be covered': canaries.wordingCoverage,
    });
    await employee.submit();
    await employee.expect('Step 5 of 5');
    await employee.submit();
    employee.openMessages();
    await employee.expect('Your request is saved, and HR will be told');
    const [summary] = await harness.app.services.store.requests.listByEmployee(TEAM, employee.user.id);
    const request = await harness.app.services.store.requests.get(TEAM, summary?.id ?? '');
    // Consent and the manager went through decide's submit, and the words were released to HR.
    expect(request?.disclosure.shareScheduleWithManager).toBe(true);
    expect(request?.managerId).toBe(managerId);
    expect(request?.released?.length).toBeGreaterThan(0);
    expect(request?.teamNoteReleased).toBe(true);
  });

  it('HR reads the released words, writes a note, offers an alternative; the employee declines it with a comment', async () => {
    const { hr, employee } = harness;
    await hr.click('Acknowledge');
    await hr.expect('Acknowledged.');
    await hr.click('View request');
    // The canaries really travel: HR reads the employee's released words.
    await hr.expect(canaries.workNote);
    await hr.closeModal();
    await hr.click('Add note');
    await hr.fill({ Note: canaries.hrNoteBefore });
    await hr.submit();
    await hr.click('Offer an alternative');
    await hr.fill({
      'Days with changed hours': ['Tuesday', 'Thursday'],
      'Work starts at': '07:45',
      'Work ends at': '14:15',
      'Why this, in a sentence or two': canaries.alternativeExplanation,
    });
    await hr.submit();
    employee.openMessages();
    await employee.expect('HR has suggested another arrangement');
    await employee.click('Decline');
    await employee.fill({ 'A comment (optional)': canaries.declineComment });
    await employee.submit();
    await hr.expect('declined the other arrangement');
  });

  it('HR approves, with the manager the employee named, and notes it afterwards', async () => {
    const { hr } = harness;
    await hr.click('Approve');
    await hr.expect('Manager to tell');
    await hr.fill({
      'Days with changed hours': ['Tuesday', 'Thursday'],
      'Work starts at': '08:00',
      'Work ends at': '14:30',
      'Review date': weeksFromNow(8),
    });
    await hr.submit();
    await eventually(
      () => toManager().some((c) => c.method === 'chat.postMessage'),
      'the manager’s DM about the approval',
    );
    await hr.click('Add note');
    await hr.fill({ Note: canaries.hrNoteAfter });
    await hr.submit();
  });

  it('the employee withdraws the arrangement, and the manager hears only that', async () => {
    const { employee } = harness;
    await employee.openHome();
    await employee.click('Withdraw');
    await employee.submit();
    await eventually(
      () => toManager().filter((c) => c.method === 'chat.postMessage').length >= 2,
      'the manager’s DM about the withdrawal',
    );
  });

  it('the manager got the approved days, hours and dates, then the withdrawal, in their DM', async () => {
    const { manager } = harness;
    manager.openMessages();
    await manager.expect('Tuesdays and Thursdays: 8:00 AM – 2:30 PM ET');
    await manager.expect('was withdrawn: their usual hours apply again');
    // And the note the employee wrote and released for the team, as they wrote it.
    await manager.expect(`Their note for the team: “${teamNote}”`);
  });

  it('the manager’s Home lists the pattern and that it was withdrawn', async () => {
    const { manager } = harness;
    await manager.openHome();
    await manager.expect('Working patterns you were told about');
    await manager.expect('Withdrawn: usual hours apply again');
    await manager.expect('Tuesdays and Thursdays: 8:00 AM – 2:30 PM ET');
  });

  it('no canary is in any call addressed to the manager, nor on any screen of theirs', () => {
    const calls = toManager();
    // Something real to read: the DMs, the Home tab published.
    expect(calls.filter((c) => c.method === 'chat.postMessage').length).toBeGreaterThanOrEqual(2);
    expect(calls.filter((c) => c.method === 'views.publish').length).toBeGreaterThanOrEqual(1);
    for (const call of calls)
      expect(found(JSON.stringify(call.args)), `${call.method} #${call.seq}`).toEqual([]);
    const home = harness.emulator.workspace.home(managerId);
    expect(found(JSON.stringify(home ?? {}))).toEqual([]);
    harness.manager.openMessages();
    expect(found(harness.manager.screen())).toEqual([]);
    // No modal was ever opened for the manager.
    expect(harness.emulator.workspace.modalStack(managerId)).toEqual([]);
  });

  it('(the canaries did go elsewhere: the scan above could have found them)', async () => {
    // The employee's released words reached HR's screens through the same recorded calls.
    const everything = JSON.stringify(harness.calls().map((c) => c.args));
    expect(found(everything)).toEqual(
      expect.arrayContaining(['workNote', 'wordingCoverage', 'wordingStatement']),
    );
    // And every word was saved on the request, HR's and the employee's alike, ready to leak.
    const [summary] = await harness.app.services.store.requests.listByEmployee(
      TEAM,
      harness.employee.user.id,
    );
    const request = await harness.app.services.store.requests.get(TEAM, summary?.id ?? '');
    expect(found(JSON.stringify(request?.sensitive ?? {})).sort()).toEqual(
      // Edit wording's coverage plan replaced step 3's: the same field, typed twice. (The note for the
      // team is kept apart: it is the one thing released to the manager.)
      all
        .map(([field]) => field)
        .filter((field) => field !== 'coveragePlan')
        .sort(),
    );
  });
});
