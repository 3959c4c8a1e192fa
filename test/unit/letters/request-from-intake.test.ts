import { describe, expect, it } from 'vitest';
import { intakeLimits, validateWorkStep } from '../../../src/domain/intake.js';
import { draftOfflineStatement } from '../../../src/drafting/offline-statement.js';
import { statementOpening } from '../../../src/drafting/wording.js';
import { composeLetter, loadLetterTemplates } from '../../../src/letters/index.js';
import { typedByPerson } from '../../../src/privacy/private-text.js';
import { requestLetterData } from '../../../src/workflows/request-letter.js';

/** Issue 9: the request letter as the intake builds it, for what the employee typed and chose. */

const templates = await loadLetterTemplates();

type Fields = Parameters<typeof requestLetterData>[0];

const base: Fields = {
  schedule: {
    days: ['mon', 'wed', 'thu'],
    sessionStart: '17:30',
    sessionEnd: '20:30',
    travelMinutes: 30,
    startDate: '2027-01-04',
    endDate: '2027-03-14',
    format: 'in_person',
  },
  work: {
    days: ['mon', 'tue', 'wed', 'thu', 'fri'],
    start: '09:00',
    end: '17:30',
    timeZone: 'America/New_York',
    constraints: [],
  },
  accommodations: ['leave_early_start_late'],
  disclosure: {
    reason: 'functional',
    shareScheduleWithManager: false,
    eapMayTrackStatus: false,
    jurisdiction: 'us',
  },
  sensitive: {},
};
const context = {
  reference: 'ACC-2026-0007',
  today: '2026-11-23',
  employeeName: 'Sam Rivera',
  org: { companyName: 'Example Co' },
};
const letterFor = (fields: Fields, jurisdiction: 'us' | 'uk' | 'ca' = 'us') =>
  composeLetter(
    'request',
    requestLetterData({ ...fields, disclosure: { ...fields.disclosure, jurisdiction } }, context),
    { jurisdiction, templates },
  ).text;

describe('own words read as the employee’s own sentences', () => {
  const ownWords: Fields = {
    ...base,
    disclosure: { ...base.disclosure, reason: 'own_words' },
    sensitive: { reasonOwnWords: 'I have evening treatment sessions three times a week.' },
  };

  it('puts them in the letter as they were written, not inside "I am taking part in …"', () => {
    const text = letterFor(ownWords);
    expect(text).toContain('I have evening treatment sessions three times a week.');
    expect(text).not.toContain('taking part in I have');
    expect(text).not.toMatch(/week\.\./);
  });

  it('ends a sentence the employee left open with one full stop', () => {
    const text = letterFor({
      ...ownWords,
      sensitive: { reasonOwnWords: 'i go to a program in the evenings' },
    });
    expect(text).toContain('I go to a program in the evenings.');
  });

  it('the Edit wording box starts from a statement that never ends in ".."', () => {
    for (const words of ['I have evening sessions.', 'I have evening sessions', 'Sessions run late!']) {
      const opening = statementOpening('own_words', { reasonOwnWords: words });
      expect(opening).not.toMatch(/\.\.$|[!?]\.$/);
      expect(opening).toContain(words.replace(/[.!]$/, ''));
    }
    expect(statementOpening('functional', {})).toMatch(/program\.$/);
  });
});

describe('the letter says what is true about the hours', () => {
  it('names the days and hours that overlap, the usual hours and the proposed ones', () => {
    const text = letterFor(base);
    expect(text).toContain('My usual working hours are Monday to Friday, 9:00 AM – 5:30 PM ET.');
    expect(text).toMatch(
      /On Mondays, Wednesdays, and Thursdays, the time away .*5:00 PM – 9:00 PM ET.* overlaps my working hours/,
    );
    expect(text).toContain('On those days I am asking to work 9:00 AM – 5:00 PM ET.');
    expect(text).not.toContain('meets at set times during my working hours');
  });

  it('never says sessions fall in working hours when every one is outside them', () => {
    const text = letterFor({
      ...base,
      schedule: {
        ...base.schedule,
        days: ['tue', 'sat'],
        sessionStart: '18:30',
        sessionEnd: '21:30',
        travelMinutes: 15,
      },
    });
    expect(text).not.toContain('during my working hours');
    expect(text).not.toMatch(/overlaps my working hours/);
    expect(text).toContain('outside my usual working hours');
    expect(text).not.toMatch(/Leaving early or starting late/);
  });

  it('ends on the last session day, not a weekend after it', () => {
    // 2027-03-14 is a Sunday; the last Thursday session before it is 2027-03-11.
    const text = letterFor(base);
    expect(text).toContain('Until: Thursday, March 11, 2027');
    expect(text).not.toContain('March 14, 2027');
  });

  it('role constraints reach HR as work facts', () => {
    const text = letterFor({
      ...base,
      work: { ...base.work, constraints: ['recurring_meetings', 'on_call'] },
    });
    expect(text).toMatch(/My role includes recurring meetings and on-call duty/);
  });
});

describe('offline wording respects every limit', () => {
  const long: Fields = {
    ...base,
    accommodations: ['leave_early_start_late', 'remote_on_treatment_days'],
    sensitive: {
      coveragePlan:
        'I will hand over the afternoon client calls to Alex Chen on session days and keep the shared tracker up to date before I leave, so nothing waits on me overnight',
    },
  };

  it('drafts a statement and coverage plan that the letter accepts', () => {
    const draft = draftOfflineStatement(
      {
        schedule: long.schedule,
        work: long.work,
        accommodations: long.accommodations,
        coverageNotes: typedByPerson(long.sensitive.coveragePlan),
        reasonWording: 'a scheduled outpatient medical treatment program',
      },
      () => false,
    );
    expect(draft.statementOfNeed.length).toBeLessThanOrEqual(2000);
    expect(draft.coveragePlan.length).toBeLessThanOrEqual(2000);
    for (const line of draft.coveragePlan.split('\n')) expect(line.length).toBeLessThanOrEqual(300);
    expect(draft.statementOfNeed).toContain('5:30 PM to 8:30 PM');
    const text = letterFor({ ...long, sensitive: { ...draft } });
    expect(text).toContain('I will hand over the afternoon client calls to Alex Chen');
  });

  it('a coverage plan typed as one long paragraph still makes a letter', () => {
    const sentence = 'I will hand over anything urgent to my team lead before I leave on session days. ';
    const text = letterFor({ ...base, sensitive: { coveragePlan: sentence.repeat(20).trim() } });
    expect(text).toContain('I will hand over anything urgent');
  });
});

describe('organisation settings reach the letter', () => {
  it('Canada: the configured human rights law is named; other countries ignore it', () => {
    const org = {
      companyName: 'Example Co',
      caHumanRightsLaw: 'bc' as const,
      address: ['1 Main St', 'Vancouver BC'],
    };
    const ca = composeLetter(
      'request',
      requestLetterData(
        { ...base, disclosure: { ...base.disclosure, jurisdiction: 'ca' } },
        { ...context, org },
      ),
      { jurisdiction: 'ca', templates },
    );
    expect(ca.text).toContain('under the BC Human Rights Code');
    const us = requestLetterData(base, { ...context, org });
    expect(us.humanRightsLaw).toBeNull();
    expect(us.org.address).toEqual(['1 Main St', 'Vancouver BC']);
  });
});

describe('step 2’s note about the work: one limit, the letter’s', () => {
  // Issue 9: the intake accepted 500 characters here and the letter only 300.
  const work = {
    days: ['mon', 'tue', 'wed', 'thu', 'fri'],
    start: '09:00',
    end: '17:30',
    timeZone: 'America/New_York',
    constraints: [],
  };
  const longest = {
    plain: `I cover the front desk until 1pm. ${'x'.repeat(intakeLimits.constraintsNote)}`.slice(
      0,
      intakeLimits.constraintsNote,
    ),
    emoji: `I cover the front desk until 1pm 🙂${'🙂'.repeat(intakeLimits.constraintsNote)}`,
    spaced: `I cover the front desk\n\nuntil 1pm.   ${'y '.repeat(intakeLimits.constraintsNote)}`,
  };

  for (const [kind, raw] of Object.entries(longest)) {
    it(`the longest ${kind} note step 2 accepts goes into the letter`, () => {
      const note = [...raw].slice(0, intakeLimits.constraintsNote).join('');
      const step = validateWorkStep({ ...work, note }, { today: '2026-11-23' });
      expect(step.ok).toBe(true);
      const text = letterFor({ ...base, sensitive: { constraintsNote: note } });
      expect(text).toContain('I cover the front desk');
    });
  }

  it('is 300 characters, the length of one line of the letter', () => {
    expect(intakeLimits.constraintsNote).toBe(300);
  });
});
