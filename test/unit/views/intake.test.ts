import { describe, expect, it } from 'vitest';
import { type AuthorDraft, draftForItsAuthor } from '../../../src/domain/draft.js';
import {
  validateDisclosureStep,
  validateHelpStep,
  validateScheduleStep,
  validateWordingEdit,
  validateWorkStep,
} from '../../../src/domain/intake.js';
import { disclosureFields } from '../../../src/domain/intake-fields.js';
import {
  readDisclosureStep,
  readHelpStep,
  readScheduleStep,
  readWordingEdit,
  readWorkStep,
} from '../../../src/slack/state.js';
import type { View } from '../../../src/slack/views/blocks.js';
import {
  editWordingView,
  intakeCallbackIds,
  intakeInputIds,
  intakeStepView,
  preparingReviewView,
  reviewIds,
  reviewStepView,
  scheduleStepView,
  workStepView,
} from '../../../src/slack/views/intake/index.js';
import { emptyDraft as emptyTyped, fullDraft as fullTyped, today } from '../domain/intake-fixtures.js';

// The intake's screens are the author's own: they are handed the draft with its words given back.
const emptyDraft = (): AuthorDraft => draftForItsAuthor(emptyTyped());
const fullDraft = (): AuthorDraft => draftForItsAuthor(fullTyped());

import { allText, blocksOf, expectValidModal, input, inputsOf, submittedState } from './support.js';

const formSteps = ['schedule', 'work', 'help', 'disclosure'] as const;

function stepView(step: (typeof formSteps)[number], draft: AuthorDraft, notes?: string[]): View {
  return intakeStepView(step, {
    draft,
    privateMetadata: JSON.stringify({ draftId: draft.draftId }),
    defaultJurisdiction: 'us',
    profileTimeZone: 'America/New_York',
    notes,
  });
}

function texts(view: View): string[] {
  return blocksOf(view).flatMap((block) => {
    const text = block.text as { text?: string } | undefined;
    const elements = (block.elements as { text?: string }[] | undefined) ?? [];
    return [text?.text, ...elements.map((e) => e.text)].filter((t): t is string => typeof t === 'string');
  });
}

describe('each step form', () => {
  for (const step of formSteps) {
    for (const [name, draft] of [
      ['an empty draft', emptyDraft()],
      ['a full draft', fullDraft()],
    ] as const) {
      it(`${step}: renders from ${name} within Slack's limits, with labels a person can tell apart`, () => {
        const view = stepView(step, draft);
        expectValidModal(view);
        expect(view.type).toBe('modal');
      });
    }

    it(`${step}: says which step it is, saves on close, and carries the metadata`, () => {
      const view = stepView(step, emptyDraft());
      if (view.type !== 'modal') throw new Error('expected a modal');
      const number = formSteps.indexOf(step) + 1;
      expect(texts(view)[0]).toMatch(new RegExp(`^Step ${number} of 5 · `));
      expect(view.callback_id).toBe(intakeCallbackIds[step]);
      expect(view.submit?.text).toBe('Next');
      expect(view.close?.text).toBe('Save for later');
      expect(view.notify_on_close).toBe(true);
      expect(view.private_metadata).toBe('{"draftId":"draft-1"}');
    });

    it(`${step}: uses exactly the exported input ids`, () => {
      const view = stepView(step, emptyDraft());
      const ids = Object.values(intakeInputIds[step]) as string[];
      expect(
        inputsOf(view)
          .map((i) => i.blockId)
          .sort(),
      ).toEqual([...ids].sort());
    });
  }

  it('shows the notes from the step before at the top', () => {
    const view = stepView('work', emptyDraft(), ['Your sessions start after your workday ends.']);
    expect(texts(view)[1]).toBe(':bulb: Your sessions start after your workday ends.');
  });
});

describe('re-opening a step shows what was saved, so nothing typed is lost', () => {
  const draft = fullDraft();
  const context = { today, draft: fullTyped() };

  it('schedule', () => {
    const view = scheduleStepView({ draft, privateMetadata: 'm' });
    const result = validateScheduleStep(readScheduleStep(submittedState(view)), context);
    expect(result.ok && result.patch.schedule).toEqual(draft.schedule);
    // A 10-week program reads back as weeks, the way it was most likely entered.
    expect(input(view, 'Or: number of weeks').element.initial_value).toBe('10');
    expect(input(view, 'Expected last day').element.initial_date).toBeUndefined();
  });

  it('schedule with an end date that is not whole weeks shows the date', () => {
    const odd = { ...draft, schedule: { ...draft.schedule, endDate: '2026-05-13' } };
    const view = scheduleStepView({ draft: odd, privateMetadata: 'm' });
    expect(input(view, 'Expected last day').element.initial_date).toBe('2026-05-13');
    const result = validateScheduleStep(readScheduleStep(submittedState(view)), context);
    expect(result.ok && result.patch.schedule?.endDate).toBe('2026-05-13');
  });

  it('schedule with a travel time the list does not offer keeps it', () => {
    const unusual = { ...draft, schedule: { ...draft.schedule, travelMinutes: 20 } };
    const view = scheduleStepView({ draft: unusual, privateMetadata: 'm' });
    expectValidModal(view);
    const result = validateScheduleStep(readScheduleStep(submittedState(view)), context);
    expect(result.ok && result.patch.schedule?.travelMinutes).toBe(20);
  });

  it('work', () => {
    const view = workStepView({ draft, privateMetadata: 'm', profileTimeZone: 'Europe/London' });
    const result = validateWorkStep(readWorkStep(submittedState(view)), context);
    expect(result.ok && result.patch).toEqual({
      work: draft.work,
      sensitive: { constraintsNote: draft.sensitive.constraintsNote },
    });
  });

  it('help', () => {
    const view = stepView('help', draft);
    const result = validateHelpStep(readHelpStep(submittedState(view)), context);
    expect(result.ok && result.patch).toEqual({
      accommodations: draft.accommodations,
      sensitive: {
        otherAccommodation: draft.sensitive.otherAccommodation,
        coveragePlan: draft.sensitive.coveragePlan,
      },
    });
  });

  it('disclosure', () => {
    const view = stepView('disclosure', draft);
    const result = validateDisclosureStep(readDisclosureStep(submittedState(view)), context);
    expect(result.ok && result.patch).toEqual({
      disclosure: draft.disclosure,
      managerId: draft.managerId ?? null,
      sensitive: { reasonOwnWords: draft.sensitive.reasonOwnWords, privateNote: draft.sensitive.privateNote },
    });
  });

  it('edit wording', () => {
    const view = editWordingView({ draft, privateMetadata: 'm' });
    expectValidModal(view);
    const result = validateWordingEdit(readWordingEdit(submittedState(view)), context);
    expect(result.ok && result.patch.sensitive).toEqual({
      statementOfNeed: draft.sensitive.statementOfNeed,
      coveragePlan: draft.sensitive.coveragePlan,
    });
  });
});

describe('filling the forms by label, as a person does', () => {
  it('schedule: days, times, travel, dates and format', () => {
    const view = scheduleStepView({ draft: emptyDraft(), privateMetadata: 'm' });
    const state = submittedState(view, {
      'Days you have sessions': ['Tuesday', 'Thursday'],
      'Sessions start at': '13:00',
      'Sessions end at': '16:00',
      'Travel time each way': '45 minutes',
      'First day of sessions': '2026-03-03',
      'Or: number of weeks': '8',
      'How you attend': 'In person',
    });
    const result = validateScheduleStep(readScheduleStep(state), { today });
    expect(result.ok && result.patch.schedule).toEqual({
      days: ['tue', 'thu'],
      sessionStart: '13:00',
      sessionEnd: '16:00',
      travelMinutes: 45,
      startDate: '2026-03-03',
      endDate: '2026-04-27',
      format: 'in_person',
    });
  });

  it('schedule: an empty form starts at no travel time and 10 weeks', () => {
    const view = scheduleStepView({ draft: emptyDraft(), privateMetadata: 'm' });
    expect(readScheduleStep(submittedState(view))).toEqual({ days: [], travelMinutes: '0', weeks: '10' });
  });

  it('schedule: tells the employee no clinic name or details are needed', () => {
    const view = scheduleStepView({ draft: emptyDraft(), privateMetadata: 'm' });
    expect(texts(view).join(' ')).toContain('you don’t need to name the clinic or share any details');
  });

  it('work: the time zone comes from the Slack profile until one is picked', () => {
    const view = workStepView({
      draft: emptyDraft(),
      privateMetadata: 'm',
      profileTimeZone: 'America/Chicago',
    });
    expect(readWorkStep(submittedState(view)).timeZone).toBe('America/Chicago');
  });

  it('work: a profile time zone that is not in the list is offered first', () => {
    const view = workStepView({
      draft: emptyDraft(),
      privateMetadata: 'm',
      profileTimeZone: 'America/Argentina/Buenos_Aires',
    });
    expectValidModal(view);
    expect(readWorkStep(submittedState(view)).timeZone).toBe('America/Argentina/Buenos_Aires');
  });

  it('work: constraints and a note', () => {
    const view = workStepView({
      draft: emptyDraft(),
      privateMetadata: 'm',
      profileTimeZone: 'Europe/London',
    });
    const state = submittedState(view, {
      'Days you usually work': ['Monday', 'Tuesday', 'Wednesday'],
      'Your workday usually starts at': '08:00',
      'Your workday usually ends at': '16:00',
      'Anything about your role that affects timing': ['On-call duty', 'Shift work'],
      'Anything else about your work HR should know': 'I open the warehouse.',
    });
    const result = validateWorkStep(readWorkStep(state), { today });
    expect(result.ok && result.patch).toEqual({
      work: {
        days: ['mon', 'tue', 'wed'],
        start: '08:00',
        end: '16:00',
        timeZone: 'Europe/London',
        constraints: ['on_call', 'shift_work'],
      },
      sensitive: { constraintsNote: 'I open the warehouse.' },
    });
  });

  it('help: "Something else" asks for its text, as an error on that field', () => {
    const view = stepView('help', emptyDraft());
    const state = submittedState(view, {
      'What would help': ['Work from home on session days', 'Something else'],
    });
    const result = validateHelpStep(readHelpStep(state), { today });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors)).toEqual([intakeInputIds.help.other]);
    // Errors are keyed by block ids that exist in the form, as response_action: errors needs.
    expect(inputsOf(view).map((i) => i.blockId)).toContain(Object.keys(result.errors)[0]);
  });

  it('disclosure: defaults to naming nothing and sharing nothing, in the configured country', () => {
    const view = intakeStepView('disclosure', {
      draft: emptyDraft(),
      privateMetadata: 'm',
      defaultJurisdiction: 'uk',
    });
    expect(readDisclosureStep(submittedState(view))).toEqual({
      reason: 'functional',
      shareWithManager: false,
      eapMayTrack: false,
      jurisdiction: 'uk',
    });
  });

  it('disclosure: own words, manager yes, private note', () => {
    const view = stepView('disclosure', emptyDraft());
    const state = submittedState(view, {
      'How the reason is worded': 'In my own words',
      'The reason, in your own words': 'I have appointments three afternoons a week.',
      'Should your manager be told the approved schedule?':
        'Yes, tell my manager the approved days and hours',
      'Private note (only you can see this)': 'Remember the parking pass.',
    });
    const result = validateDisclosureStep(readDisclosureStep(state), { today });
    expect(result.ok && result.patch).toEqual({
      disclosure: {
        reason: 'own_words',
        shareScheduleWithManager: true,
        eapMayTrackStatus: false,
        jurisdiction: 'us',
      },
      // Nobody picked: HR confirms who the manager is before telling them.
      managerId: null,
      sensitive: {
        reasonOwnWords: 'I have appointments three afternoons a week.',
        privateNote: 'Remember the parking pass.',
      },
    });
  });
});

describe('the review step', () => {
  const draft = fullDraft();
  const paragraph = (n: number) => `Paragraph ${n}. ${'All work and no play. '.repeat(40)}`.trim();
  const longLetter = Array.from({ length: 12 }, (_, n) => paragraph(n + 1)).join('\n\n');

  function review(letterText: string, extra: Partial<Parameters<typeof reviewStepView>[0]> = {}): View {
    return reviewStepView({ draft, privateMetadata: 'm', letterText, ...extra });
  }

  function letterSections(view: View): string[] {
    return blocksOf(view)
      .filter((b) => b.type === 'section' && (b.text as { type: string }).type === 'plain_text')
      .map((b) => (b.text as { text: string }).text);
  }

  it('splits a long letter into sections of at most 3,000 characters, losing nothing', () => {
    const view = review(longLetter);
    expectValidModal(view);
    const sections = letterSections(view);
    expect(sections.length).toBeGreaterThan(3);
    for (const text of sections) expect(text.length).toBeLessThanOrEqual(3000);
    expect(sections.join('\n\n')).toBe(longLetter);
  });

  it('splits even a letter with no paragraph breaks', () => {
    const letter = 'word '.repeat(2000).trim();
    const sections = letterSections(review(letter));
    for (const text of sections) expect(text.length).toBeLessThanOrEqual(3000);
    expect(sections.join(' ')).toBe(letter);
  });

  it('stays within 100 blocks and 250 KB however long the letter is', () => {
    const view = review('x'.repeat(400_000));
    expectValidModal(view);
    expect(texts(view).join(' ')).toContain('too long to show in full');
  });

  it('offers edit wording, redraft, a way back to each step, and "Send to HR"', () => {
    const view = review('Dear HR');
    if (view.type !== 'modal') throw new Error('expected a modal');
    expect(view.submit?.text).toBe('Send to HR');
    expect(view.callback_id).toBe(intakeCallbackIds.review);
    const buttons = blocksOf(view)
      .filter((b) => b.type === 'actions')
      .flatMap((b) => b.elements as { action_id: string; value?: string; text: { text: string } }[]);
    expect(buttons.map((b) => [b.action_id, b.text.text, b.value])).toEqual([
      [reviewIds.editWording, 'Edit wording', undefined],
      [reviewIds.redraft, 'Redraft with the assistant', undefined],
      [reviewIds.editStep.schedule, 'Change sessions', 'schedule'],
      [reviewIds.editStep.work, 'Change work hours', 'work'],
      [reviewIds.editStep.help, 'Change what would help', 'help'],
      [reviewIds.editStep.disclosure, 'Change what’s shared', 'disclosure'],
    ]);
  });

  it('shows warnings above the letter, escaped', () => {
    const view = review('Dear HR', { warnings: ['Your own words may name a health detail <here>.'] });
    const all = texts(view);
    expect(all).toContain(':warning: Your own words may name a health detail &lt;here&gt;.');
    expect(all.indexOf(':warning: Your own words may name a health detail &lt;here&gt;.')).toBeLessThan(
      all.indexOf('Dear HR'),
    );
  });

  it('says which steps are still to finish', () => {
    const view = review('Dear HR', { missing: ['work', 'disclosure'] });
    expect(texts(view).join('\n')).toContain(
      'A few things are still to fill in: *Your work today*, *What to share*.',
    );
  });

  it('says who sees what, as the employee chose', () => {
    expect(texts(review('Dear HR')).join('\n')).toContain(
      '*Your manager* is told the approved days, hours and dates',
    );
    const privateDraft = {
      ...draft,
      disclosure: { ...draft.disclosure, shareScheduleWithManager: false, eapMayTrackStatus: false },
    };
    const text = texts(
      reviewStepView({ draft: privateDraft, privateMetadata: 'm', letterText: 'Dear HR' }),
    ).join('\n');
    expect(text).toContain('*Your manager* is not told anything by this app.');
    expect(text).toContain('*The EAP team* sees nothing about it.');
  });

  it('never shows the private note, only that it stays private', () => {
    const text = allText(review('Dear HR'));
    expect(text).not.toContain(draft.sensitive.privateNote);
    expect(text).toContain('Your private note stays with you.');
  });

  it('opens "Edit wording" with the letter’s current statement when none was edited yet', () => {
    const { statementOfNeed: _s, ...sensitive } = draft.sensitive;
    const view = editWordingView({
      draft: { ...draft, sensitive },
      privateMetadata: 'm',
      currentStatement: 'I am asking to leave at 2:30.',
    });
    expect(input(view, 'What you’re asking for, in your words').element.initial_value).toBe(
      'I am asking to leave at 2:30.',
    );
  });

  it('has a waiting view to open at once while the letter is drafted', () => {
    const view = preparingReviewView('m');
    expectValidModal(view);
    if (view.type !== 'modal') throw new Error('expected a modal');
    expect(view.notify_on_close).toBe(true);
  });
});

describe('naming the manager (step 4)', () => {
  const withProfileManager = (draft: AuthorDraft) =>
    intakeStepView('disclosure', {
      draft,
      privateMetadata: JSON.stringify({ draftId: draft.draftId }),
      defaultJurisdiction: 'us',
      profileManagerId: 'UMANAGER',
    });
  const yes = 'Yes, tell my manager the approved days and hours';
  const share = 'Should your manager be told the approved schedule?';

  it('offers the manager the workspace profile names, and keeps them only with a yes', () => {
    const view = withProfileManager(emptyDraft());
    const picker = input(view, 'Who is your manager?');
    expect(picker.element.type).toBe('users_select');
    expect(picker.element.initial_user).toBe('UMANAGER');
    const told = validateDisclosureStep(readDisclosureStep(submittedState(view, { [share]: yes })), {
      today,
      employeeId: 'UEMPLOYEE',
    });
    expect(told.ok && told.patch.managerId).toBe('UMANAGER');
    // "No manager is told" forgets who it would have been.
    const notTold = validateDisclosureStep(
      readDisclosureStep(submittedState(view, { [share]: 'No manager is told' })),
      { today, employeeId: 'UEMPLOYEE' },
    );
    expect(notTold.ok && notTold.patch.managerId).toBeNull();
    expect(notTold.ok && notTold.patch.disclosure?.shareScheduleWithManager).toBe(false);
  });

  it('offers nobody once the employee said no, and shows their own pick over the profile', () => {
    const saidNo = { ...emptyDraft(), disclosure: { shareScheduleWithManager: false } };
    expect(input(withProfileManager(saidNo), 'Who is your manager?').element.initial_user).toBeUndefined();
    const picked = { ...emptyDraft(), managerId: 'UHR' };
    expect(input(withProfileManager(picked), 'Who is your manager?').element.initial_user).toBe('UHR');
  });

  it('refuses the employee as their own manager, saying so at the picker', () => {
    const view = withProfileManager(emptyDraft());
    const state = submittedState(view, { [share]: yes });
    (state[disclosureFields.manager] as Record<string, { selected_user: string }>)[disclosureFields.manager] =
      {
        selected_user: 'UEMPLOYEE',
      } as never;
    const result = validateDisclosureStep(readDisclosureStep(state), { today, employeeId: 'UEMPLOYEE' });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors[disclosureFields.manager]).toBe('Please choose your manager, not yourself.');
  });
});
