import { describe, expect, it } from 'vitest';
import {
  applyDraftPatch,
  type DraftPatch,
  nextIntakeStep,
  requestFromDraft,
  reviewReadiness,
  type StepResult,
  scheduleNotes,
  validateDisclosureStep,
  validateHelpStep,
  validateScheduleStep,
  validateWordingEdit,
  validateWorkStep,
} from '../../../src/domain/intake.js';
import {
  disclosureFields,
  helpFields,
  scheduleFields,
  wordingFields,
  workFields,
} from '../../../src/domain/intake-fields.js';
import type { WorkPattern } from '../../../src/domain/request.js';
import { typedByPerson } from '../../../src/privacy/private-text.js';
import { emptyDraft, fullDraft, scheduleValues, today } from './intake-fixtures.js';

function errorsOf(result: StepResult): Record<string, string> {
  if (result.ok) throw new Error('expected the step to be refused');
  return result.errors;
}

function accepted(result: StepResult): { patch: DraftPatch; notes: string[] } {
  if (!result.ok) throw new Error(`expected the step to pass, got ${JSON.stringify(result.errors)}`);
  return result;
}

const work: WorkPattern = {
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
  start: '09:00',
  end: '17:00',
  timeZone: 'America/New_York',
  constraints: [],
};

describe('step 1: treatment schedule', () => {
  it('accepts a typical evening schedule and works out the end date from the weeks', () => {
    const { patch } = accepted(validateScheduleStep(scheduleValues, { today }));
    expect(patch.schedule).toEqual({
      days: ['mon', 'wed', 'thu'],
      sessionStart: '17:30',
      sessionEnd: '20:30',
      travelMinutes: 30,
      startDate: '2026-03-02',
      endDate: '2026-05-10',
      format: 'in_person',
    });
  });

  it('asks for at least one day', () => {
    expect(errorsOf(validateScheduleStep({ ...scheduleValues, days: [] }, { today }))).toEqual({
      [scheduleFields.days]: 'Pick at least one day you have sessions.',
    });
  });

  it('ignores day values it does not know, and keeps days in week order', () => {
    const { patch } = accepted(
      validateScheduleStep({ ...scheduleValues, days: ['thu', 'funday', 'mon'] }, { today }),
    );
    expect(patch.schedule?.days).toEqual(['mon', 'thu']);
  });

  it('refuses sessions that end before, or when, they start', () => {
    expect(errorsOf(validateScheduleStep({ ...scheduleValues, sessionEnd: '16:00' }, { today }))).toEqual({
      [scheduleFields.sessionEnd]: 'The end time is before the start time: please check it.',
    });
    expect(errorsOf(validateScheduleStep({ ...scheduleValues, sessionEnd: '17:30' }, { today }))).toEqual({
      [scheduleFields.sessionEnd]: 'The end time is the same as the start time: please check it.',
    });
  });

  it('asks for the session times when they are missing', () => {
    const { sessionStart: _s, sessionEnd: _e, ...rest } = scheduleValues;
    expect(errorsOf(validateScheduleStep(rest, { today }))).toEqual({
      [scheduleFields.sessionStart]: 'Add the time your sessions start.',
      [scheduleFields.sessionEnd]: 'Add the time your sessions end.',
    });
  });

  it('refuses a start date in the past, and accepts today', () => {
    expect(errorsOf(validateScheduleStep({ ...scheduleValues, startDate: '2026-02-19' }, { today }))).toEqual(
      {
        [scheduleFields.startDate]:
          "The start date is in the past. If your sessions have already started, pick today's date.",
      },
    );
    expect(validateScheduleStep({ ...scheduleValues, startDate: today }, { today }).ok).toBe(true);
  });

  it('asks for a start date, and refuses one that is not a real date', () => {
    const { startDate: _d, ...rest } = scheduleValues;
    expect(errorsOf(validateScheduleStep(rest, { today }))[scheduleFields.startDate]).toBe(
      'Add the date your sessions start.',
    );
    expect(
      errorsOf(validateScheduleStep({ ...scheduleValues, startDate: '2026-02-31' }, { today }))[
        scheduleFields.startDate
      ],
    ).toBe("That doesn't look like a date: please pick one from the calendar.");
  });

  it('refuses an end date before the start date', () => {
    expect(errorsOf(validateScheduleStep({ ...scheduleValues, endDate: '2026-03-01' }, { today }))).toEqual({
      [scheduleFields.endDate]: 'The end date is before the start date: please check it.',
    });
  });

  it('uses the end date over the number of weeks when both are given', () => {
    const { patch } = accepted(
      validateScheduleStep({ ...scheduleValues, endDate: '2026-04-17', weeks: '99' }, { today }),
    );
    expect(patch.schedule?.endDate).toBe('2026-04-17');
  });

  it('takes 1 to 52 weeks and says so otherwise', () => {
    for (const weeks of ['0', '53', 'ten', '2.5']) {
      expect(errorsOf(validateScheduleStep({ ...scheduleValues, weeks }, { today }))).toEqual({
        [scheduleFields.weeks]: 'Enter a number of weeks from 1 to 52.',
      });
    }
    expect(
      accepted(validateScheduleStep({ ...scheduleValues, weeks: '52' }, { today })).patch.schedule?.endDate,
    ).toBe('2027-02-28');
  });

  it('plans for 10 weeks when neither an end date nor weeks is given, and says so', () => {
    const { weeks: _w, ...rest } = scheduleValues;
    const { patch, notes } = accepted(validateScheduleStep(rest, { today }));
    expect(patch.schedule?.endDate).toBe('2026-05-10');
    expect(notes).toEqual([
      "I've planned for 10 weeks, a common length. You can change it any time before you send.",
    ]);
  });

  it('treats no travel time as none, and refuses a travel time it does not offer', () => {
    const { travelMinutes: _t, ...rest } = scheduleValues;
    expect(accepted(validateScheduleStep(rest, { today })).patch.schedule?.travelMinutes).toBe(0);
    expect(errorsOf(validateScheduleStep({ ...scheduleValues, travelMinutes: 'lots' }, { today }))).toEqual({
      [scheduleFields.travelMinutes]: 'Pick how much travel time you need each way.',
    });
  });

  it('asks how the sessions are attended', () => {
    expect(errorsOf(validateScheduleStep({ ...scheduleValues, format: undefined }, { today }))).toEqual({
      [scheduleFields.format]: 'Pick how you attend: in person, online, or a mix of both.',
    });
  });

  it('reports every problem at once, each on its own field', () => {
    const errors = errorsOf(
      validateScheduleStep(
        { days: [], sessionStart: '18:00', sessionEnd: '17:00', startDate: '2026-01-01' },
        { today },
      ),
    );
    expect(Object.keys(errors).sort()).toEqual(
      [
        scheduleFields.days,
        scheduleFields.sessionEnd,
        scheduleFields.startDate,
        scheduleFields.format,
      ].sort(),
    );
  });

  it('keeps everything well formed from a refused form, so closing it loses nothing', () => {
    const result = validateScheduleStep(
      { ...scheduleValues, startDate: '2026-01-05', format: undefined },
      { today },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.partial.schedule).toEqual({
      days: ['mon', 'wed', 'thu'],
      sessionStart: '17:30',
      sessionEnd: '20:30',
      travelMinutes: 30,
      startDate: '2026-01-05',
      endDate: '2026-03-15',
    });
  });

  it('notes when sessions with travel end before the workday starts, once work hours are known', () => {
    const draft = { ...emptyDraft(), work: { ...work, start: '10:00' } };
    const early = { ...scheduleValues, sessionStart: '06:30', sessionEnd: '09:00', travelMinutes: '30' };
    expect(accepted(validateScheduleStep(early, { today, draft })).notes).toEqual([
      'On Mondays, Wednesdays and Thursdays your sessions, with travel, end before your workday starts, ' +
        'so you may not need a change on those days. You can still ask for travel time or protected time.',
    ]);
  });

  it('says nothing about fit before the work hours are known', () => {
    expect(accepted(validateScheduleStep(scheduleValues, { today })).notes).toEqual([]);
  });
});

describe('step 2: work today', () => {
  const values = { ...work, note: '  I run the Thursday stand-up.  ' };

  it('accepts a usual week and keeps the note (trimmed) for the sealed fields', () => {
    const { patch } = accepted(validateWorkStep(values, { today }));
    expect(patch.work).toEqual({
      days: ['mon', 'tue', 'wed', 'thu', 'fri'],
      start: '09:00',
      end: '17:00',
      timeZone: 'America/New_York',
      constraints: [],
    });
    expect(patch.sensitive).toEqual({ constraintsNote: 'I run the Thursday stand-up.' });
  });

  it('asks for days, times and a time zone', () => {
    expect(errorsOf(validateWorkStep({ days: [], constraints: [] }, { today }))).toEqual({
      [workFields.days]: 'Pick at least one day you usually work.',
      [workFields.start]: 'Add the time your workday usually starts.',
      [workFields.end]: 'Add the time your workday usually ends.',
      [workFields.timeZone]: 'Pick your time zone.',
    });
  });

  it('refuses a time zone that does not exist', () => {
    expect(errorsOf(validateWorkStep({ ...values, timeZone: 'Mars/Olympus_Mons' }, { today }))).toEqual({
      [workFields.timeZone]: 'Pick your time zone.',
    });
  });

  it('refuses a workday that starts and ends at the same time', () => {
    expect(errorsOf(validateWorkStep({ ...values, end: '09:00' }, { today }))).toEqual({
      [workFields.end]: 'Your workday starts and ends at the same time: please check the times.',
    });
  });

  it('accepts an overnight shift with a gentle check', () => {
    const { notes } = accepted(validateWorkStep({ ...values, start: '22:00', end: '06:00' }, { today }));
    expect(notes).toEqual([
      "Your workday ends the next morning, like an overnight shift. If that's not right, please check the times.",
    ]);
  });

  it('keeps only the constraints it knows', () => {
    const { patch } = accepted(
      validateWorkStep({ ...values, constraints: ['shift_work', 'juggling', 'on_call'] }, { today }),
    );
    expect(patch.work?.constraints).toEqual(['on_call', 'shift_work']);
  });

  it('says by how much the note is too long', () => {
    expect(errorsOf(validateWorkStep({ ...values, note: 'x'.repeat(301) }, { today }))).toEqual({
      [workFields.note]: "That's 1 character over the limit of 300: please shorten it a little.",
    });
    expect(
      errorsOf(
        validateWorkStep({ ...values, note: 'x'.repeat(2000) }, { today, limits: { constraintsNote: 400 } }),
      ),
    ).toEqual({
      [workFields.note]: "That's 1,600 characters over the limit of 400: please shorten it a little.",
    });
  });

  it('counts characters as a person sees them, so emoji count once', () => {
    expect(validateWorkStep({ ...values, note: '🙂'.repeat(300) }, { today }).ok).toBe(true);
  });

  it('notes sessions that start after the workday ends, using the saved schedule', () => {
    const draft = applyDraftPatch(
      emptyDraft(),
      accepted(validateScheduleStep(scheduleValues, { today })).patch,
    );
    expect(accepted(validateWorkStep({ ...values, end: '16:30' }, { today, draft })).notes).toEqual([
      'On Mondays, Wednesdays and Thursdays your sessions, with travel, start after your workday ends, ' +
        'so you may not need a change on those days. You can still ask for travel time or protected time.',
    ]);
    // With 30 minutes' travel, a 17:30 session cuts into a day that ends at 17:15.
    expect(accepted(validateWorkStep({ ...values, end: '17:15' }, { today, draft })).notes).toEqual([]);
  });

  it('notes session days that are not work days', () => {
    const draft = applyDraftPatch(
      emptyDraft(),
      accepted(validateScheduleStep({ ...scheduleValues, days: ['sat', 'mon'] }, { today })).patch,
    );
    const notes = accepted(
      validateWorkStep({ ...values, start: '08:00', end: '16:00' }, { today, draft }),
    ).notes;
    expect(notes).toContain(
      "You don't usually work on Saturdays, so sessions on those days shouldn't clash with work.",
    );
  });
});

describe('scheduleNotes', () => {
  it('leaves out "with travel" when there is none', () => {
    expect(
      scheduleNotes(
        { days: ['tue'], sessionStart: '18:00', sessionEnd: '21:00', travelMinutes: 0 },
        { days: ['tue'], start: '09:00', end: '17:00' },
      ),
    ).toEqual([
      'On Tuesdays your sessions start after your workday ends, so you may not need a change on those days. ' +
        'You can still ask for travel time or protected time.',
    ]);
  });

  it('says nothing when sessions fall inside working hours', () => {
    expect(
      scheduleNotes(
        { days: ['tue'], sessionStart: '13:00', sessionEnd: '16:00', travelMinutes: 30 },
        { days: ['tue'], start: '09:00', end: '17:00' },
      ),
    ).toEqual([]);
  });
});

describe('step 3: what would help', () => {
  it('accepts arrangements, in the list order, with a coverage plan', () => {
    const { patch } = accepted(
      validateHelpStep(
        {
          accommodations: ['protected_calendar', 'leave_early_start_late'],
          coveragePlan: 'Priya covers calls.',
        },
        { today },
      ),
    );
    expect(patch.accommodations).toEqual(['leave_early_start_late', 'protected_calendar']);
    expect(patch.sensitive).toEqual({ coveragePlan: 'Priya covers calls.', otherAccommodation: undefined });
  });

  it('asks for at least one arrangement', () => {
    expect(errorsOf(validateHelpStep({ accommodations: [] }, { today }))).toEqual({
      [helpFields.accommodations]: 'Pick at least one thing that would help. You can change it later.',
    });
  });

  it('asks what "other" is when it is ticked', () => {
    expect(errorsOf(validateHelpStep({ accommodations: ['other'], other: '   ' }, { today }))).toEqual({
      [helpFields.other]: 'Say in a few words what the other arrangement is.',
    });
  });

  it('takes a described other arrangement as wanted even if the box was not ticked', () => {
    const { patch, notes } = accepted(
      validateHelpStep({ accommodations: ['shifted_hours'], other: 'Start at 7 on Mondays' }, { today }),
    );
    expect(patch.accommodations).toEqual(['shifted_hours', 'other']);
    expect(notes).toEqual(["I've added the other arrangement you described to your request."]);
  });

  it('holds the coverage plan to 2,000 characters and the other text to 300', () => {
    expect(
      errorsOf(
        validateHelpStep(
          { accommodations: ['other'], other: 'o'.repeat(310), coveragePlan: 'c'.repeat(2050) },
          { today },
        ),
      ),
    ).toEqual({
      [helpFields.other]: "That's 10 characters over the limit of 300: please shorten it a little.",
      [helpFields.coveragePlan]: "That's 50 characters over the limit of 2,000: please shorten it a little.",
    });
  });
});

describe('step 4: disclosure and sharing', () => {
  const values = { reason: 'functional', shareWithManager: false, eapMayTrack: true, jurisdiction: 'uk' };

  it('accepts the default wording and the sharing choices', () => {
    const { patch } = accepted(validateDisclosureStep(values, { today }));
    expect(patch.disclosure).toEqual({
      reason: 'functional',
      shareScheduleWithManager: false,
      eapMayTrackStatus: true,
      jurisdiction: 'uk',
    });
  });

  it('shares nothing with the manager or the EAP unless asked', () => {
    const { patch } = accepted(validateDisclosureStep({ reason: 'program', jurisdiction: 'us' }, { today }));
    expect(patch.disclosure).toMatchObject({ shareScheduleWithManager: false, eapMayTrackStatus: false });
  });

  it('asks for the own words when "in my own words" is picked', () => {
    expect(errorsOf(validateDisclosureStep({ ...values, reason: 'own_words' }, { today }))).toEqual({
      [disclosureFields.ownWords]:
        'Write a sentence or two in your own words, or pick one of the other wordings.',
    });
  });

  it('holds own words to the letter’s one line, and the private note to 1,500', () => {
    expect(
      errorsOf(
        validateDisclosureStep(
          { ...values, reason: 'own_words', ownWords: 'w'.repeat(301), privateNote: 'p'.repeat(1600) },
          { today },
        ),
      ),
    ).toEqual({
      [disclosureFields.ownWords]: "That's 1 character over the limit of 300: please shorten it a little.",
      [disclosureFields.privateNote]:
        "That's 100 characters over the limit of 1,500: please shorten it a little.",
    });
  });

  it('asks for the wording choice and the country', () => {
    expect(errorsOf(validateDisclosureStep({}, { today }))).toEqual({
      [disclosureFields.reason]: "Pick how you'd like the reason worded.",
      [disclosureFields.jurisdiction]: 'Pick the country you work in.',
    });
  });

  it('keeps a private note and own words typed before switching wording', () => {
    const { patch } = accepted(
      validateDisclosureStep({ ...values, ownWords: 'Some words', privateNote: 'Parking pass' }, { today }),
    );
    expect(patch.sensitive).toEqual({ reasonOwnWords: 'Some words', privateNote: 'Parking pass' });
  });
});

describe('edit wording', () => {
  it('saves the statement and coverage plan, and refuses a statement over 2,000', () => {
    expect(
      accepted(validateWordingEdit({ statementOfNeed: 'Hi', coveragePlan: 'Cover' }, { today })).patch,
    ).toEqual({
      sensitive: { statementOfNeed: 'Hi', coveragePlan: 'Cover' },
    });
    expect(errorsOf(validateWordingEdit({ statementOfNeed: 's'.repeat(2001) }, { today }))).toEqual({
      [wordingFields.statementOfNeed]:
        "That's 1 character over the limit of 2,000: please shorten it a little.",
    });
  });
});

describe('drafts', () => {
  it('applies a step, replacing its part and clearing emptied private fields', () => {
    const draft = fullDraft();
    const updated = applyDraftPatch(draft, {
      accommodations: ['shifted_hours'],
      sensitive: { otherAccommodation: undefined, coveragePlan: typedByPerson('New plan') },
    });
    expect(updated.accommodations).toEqual(['shifted_hours']);
    expect(updated.sensitive.coveragePlan).toBe('New plan');
    expect('otherAccommodation' in updated.sensitive).toBe(false);
    expect(updated.sensitive.privateNote).toBe('Ask about the parking pass.');
    expect(updated.schedule).toEqual(draft.schedule);
  });

  it('moves through the steps in order and stays at review', () => {
    expect(nextIntakeStep('schedule')).toBe('work');
    expect(nextIntakeStep('disclosure')).toBe('review');
    expect(nextIntakeStep('review')).toBe('review');
  });
});

describe('review readiness and the request', () => {
  it('lists every step of an empty draft as still to do', () => {
    expect(reviewReadiness(emptyDraft())).toEqual({
      ready: false,
      missing: ['schedule', 'work', 'help', 'disclosure'],
    });
  });

  it('finds a finished draft ready', () => {
    expect(reviewReadiness(fullDraft())).toEqual({ ready: true, missing: [] });
  });

  it('sends the employee back when "other" or own words lost their text', () => {
    const draft = fullDraft();
    const { otherAccommodation: _o, reasonOwnWords: _r, ...sensitive } = draft.sensitive;
    expect(reviewReadiness({ ...draft, sensitive }).missing).toEqual(['help', 'disclosure']);
  });

  it('refuses a schedule whose end is before its start even if each field is well formed', () => {
    const draft = fullDraft();
    const schedule = { ...draft.schedule, endDate: '2026-02-01' };
    expect(reviewReadiness({ ...draft, schedule }).missing).toEqual(['schedule']);
  });

  it('builds the request fields from a finished draft', () => {
    const result = requestFromDraft(fullDraft());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.fields.schedule.endDate).toBe('2026-05-10');
    expect(result.fields.sensitive.reasonOwnWords).toBe(
      'I am attending a treatment program three afternoons a week.',
    );
  });

  it('leaves out words typed for choices the employee later dropped', () => {
    const draft = fullDraft();
    const result = requestFromDraft({
      ...draft,
      accommodations: ['shifted_hours'],
      disclosure: { ...draft.disclosure, reason: 'functional' },
    });
    if (!result.ok) throw new Error('expected a request');
    expect(result.fields.sensitive.reasonOwnWords).toBeUndefined();
    expect(result.fields.sensitive.otherAccommodation).toBeUndefined();
    expect(result.fields.sensitive.privateNote).toBe('Ask about the parking pass.');
  });

  it('names the missing steps instead of building a half request', () => {
    const { work: _w, ...draft } = fullDraft();
    expect(requestFromDraft(draft)).toEqual({ ok: false, missing: ['work'] });
  });

  it('goes step by step from an empty draft to a complete request', () => {
    let draft = emptyDraft();
    const steps = [
      validateScheduleStep(scheduleValues, { today, draft }),
      validateWorkStep({ ...work }, { today, draft }),
      validateHelpStep({ accommodations: ['remote_on_treatment_days'] }, { today, draft }),
      validateDisclosureStep({ reason: 'functional', jurisdiction: 'us' }, { today, draft }),
    ];
    for (const step of steps) draft = applyDraftPatch(draft, accepted(step).patch);
    expect(requestFromDraft(draft).ok).toBe(true);
  });
});
