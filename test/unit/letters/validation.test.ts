import { describe, expect, it } from 'vitest';
import { LetterDataError, parseLetterData, validateLetterData } from '../../../src/letters/index.js';
import { fixture } from './support/fixtures.js';

describe('letter data is checked, and every problem is listed at once', () => {
  it('lists every bad field with its path and what is expected', () => {
    const data = {
      ...fixture('request'),
      reference: 'acc-42',
      date: '2026-02-30',
      schedule: {
        ...fixture('request').schedule,
        days: ['mon', 'funday'],
        sessionStart: '5:30pm',
        timeZone: 'Eastern',
      },
      accommodations: [{ type: 'other' }],
      coverage: { plan: [] },
      replyWithinDays: 'soon',
      reasonStatment: 'typo',
    };
    const result = validateLetterData('request', data);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byPath = Object.fromEntries(result.problems.map((p) => [p.path, p.expected]));
    expect(byPath).toMatchObject({
      reference: 'a reference like ACC-2026-0042',
      date: 'a real calendar date as YYYY-MM-DD',
      'schedule.days[1]': expect.stringMatching(/^one of "mon", "tue", .*"sun"$/),
      'schedule.sessionStart': 'a time as HH:mm (24-hour)',
      'schedule.timeZone': 'an IANA time zone like America/New_York',
      'accommodations[0].details': 'a short description when type is "other"',
      'coverage.plan': 'at least 1 item',
      replyWithinDays: 'a whole number of days',
      '(the whole file)': 'no unknown fields (found reasonStatment)',
    });
  });

  it('says a required field is missing', () => {
    const { employee: _employee, ...data } = fixture('approval');
    const result = validateLetterData('approval', data);
    expect(result.ok || result.problems).toEqual([{ path: 'employee', expected: 'an object (missing)' }]);
  });

  it('checks dates against each other', () => {
    const approved = { ...fixture('approval').approved, endDate: '2026-01-01', reviewDate: '2026-01-02' };
    const result = validateLetterData('approval', { ...fixture('approval'), approved });
    expect(result.ok || result.problems.map((p) => p.path)).toEqual([
      'approved.endDate',
      'approved.reviewDate',
    ]);
  });

  it('throws an error that names each problem but never the value given', () => {
    const data = {
      ...fixture('denial'),
      reasons: [{ basis: 'undue_hardship', explanation: 'x'.repeat(400) }],
      reference: 'SECRET-VALUE',
    };
    let error: unknown;
    try {
      parseLetterData('denial', data);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(LetterDataError);
    const message = (error as Error).message;
    expect(message).toBe(
      'The denial letter data has 2 problems:\n' +
        '  - reference: expected a reference like ACC-2026-0042\n' +
        '  - reasons[0].explanation: expected at most 300 characters',
    );
    expect(message).not.toContain('SECRET');
  });

  it('fills in defaults: reply window, travel time, no reason statement', () => {
    const { replyWithinDays: _r, ...data } = fixture('request');
    const values = parseLetterData('request', {
      ...data,
      schedule: { ...data.schedule, travelMinutes: undefined },
    });
    expect(values.replyWithinDays).toBe(10);
    expect(values.schedule.travelMinutes).toBe(0);
    expect(values.reasonStatement).toBeNull();
  });
});
