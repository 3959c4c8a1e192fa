import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  type BusinessCalendar,
  businessDaysBetween,
} from '../../../../src/domain/lifecycle/business-days.js';

const newYork: BusinessCalendar = {
  timeZone: 'America/New_York',
  weekend: ['sat', 'sun'],
  holidays: [],
  dayEndsAt: '17:00',
};

/** The local date and time of an instant in a zone, as `YYYY-MM-DD HH:mm`. */
function local(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value;
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

describe('addBusinessDays', () => {
  it('counts weekdays and ends at the close of the last one', () => {
    // Monday 2 March 2026, 10:00 in New York.
    const due = addBusinessDays('2026-03-02T15:00:00Z', 2, newYork);
    expect(local(due, 'America/New_York')).toBe('2026-03-04 17:00');
  });

  it('skips the weekend: asked on Friday evening, two days is Tuesday', () => {
    const due = addBusinessDays('2026-03-06T23:30:00Z', 2, newYork);
    expect(local(due, 'America/New_York')).toBe('2026-03-10 17:00');
  });

  it('asked on a Saturday, one day is Monday', () => {
    const due = addBusinessDays('2026-03-07T15:00:00Z', 1, newYork);
    expect(local(due, 'America/New_York')).toBe('2026-03-09 17:00');
  });

  it('skips holidays from the configured list', () => {
    const withHoliday = { ...newYork, holidays: ['2026-03-03', '2026-03-04'] };
    const due = addBusinessDays('2026-03-02T15:00:00Z', 2, withHoliday);
    expect(local(due, 'America/New_York')).toBe('2026-03-06 17:00');
  });

  it('crosses a month end and a year end', () => {
    // Thursday 29 January 2026 + 3 business days: Fri 30 Jan, Mon 2 Feb, Tue 3 Feb.
    expect(local(addBusinessDays('2026-01-29T15:00:00Z', 3, newYork), 'America/New_York')).toBe(
      '2026-02-03 17:00',
    );
    // Wednesday 30 December 2026 with New Year's Day off: Thu 31, (Fri 1 Jan off), Mon 4 Jan.
    const newYear = { ...newYork, holidays: ['2027-01-01'] };
    expect(local(addBusinessDays('2026-12-30T15:00:00Z', 2, newYear), 'America/New_York')).toBe(
      '2027-01-04 17:00',
    );
  });

  it('fifteen business days span three weekends', () => {
    // Monday 2 March + 15 business days: Monday 23 March.
    expect(local(addBusinessDays('2026-03-02T15:00:00Z', 15, newYork), 'America/New_York')).toBe(
      '2026-03-23 17:00',
    );
  });

  it('counts days in the calendar’s time zone, not in UTC', () => {
    // 02:00 UTC on Saturday 7 March is still Friday evening in New York, but already Saturday in
    // Tokyo (11:00): one business day later is Monday in New York, and also Monday in Tokyo.
    const instant = '2026-03-07T02:00:00Z';
    expect(local(addBusinessDays(instant, 1, newYork), 'America/New_York')).toBe('2026-03-09 17:00');
    const tokyo = { ...newYork, timeZone: 'Asia/Tokyo' };
    expect(local(addBusinessDays(instant, 1, tokyo), 'Asia/Tokyo')).toBe('2026-03-09 17:00');
    // 20:00 UTC on Thursday 5 March is already Friday in Tokyo: one day later is Monday there,
    // but Friday in New York.
    expect(local(addBusinessDays('2026-03-05T20:00:00Z', 1, tokyo), 'Asia/Tokyo')).toBe('2026-03-09 17:00');
    expect(local(addBusinessDays('2026-03-05T20:00:00Z', 1, newYork), 'America/New_York')).toBe(
      '2026-03-06 17:00',
    );
  });

  it('keeps the local closing time across a daylight-saving change', () => {
    // New York moves its clocks on Sunday 8 March 2026; the due time stays 17:00 local.
    const due = addBusinessDays('2026-03-06T15:00:00Z', 1, newYork);
    expect(local(due, 'America/New_York')).toBe('2026-03-09 17:00');
    expect(due.toISOString()).toBe('2026-03-09T21:00:00.000Z');
  });

  it('honours a configured weekend (Friday and Saturday)', () => {
    const gulf = { ...newYork, timeZone: 'Asia/Dubai', weekend: ['fri', 'sat'] as const };
    // Thursday 5 March in Dubai + 1: Sunday 8 March.
    expect(
      local(
        addBusinessDays('2026-03-05T06:00:00Z', 1, { ...gulf, weekend: [...gulf.weekend] }),
        'Asia/Dubai',
      ),
    ).toBe('2026-03-08 17:00');
  });

  it('with zero days is the end of today, or of the next business day', () => {
    expect(local(addBusinessDays('2026-03-02T15:00:00Z', 0, newYork), 'America/New_York')).toBe(
      '2026-03-02 17:00',
    );
    expect(local(addBusinessDays('2026-03-07T15:00:00Z', 0, newYork), 'America/New_York')).toBe(
      '2026-03-09 17:00',
    );
  });

  it('refuses a calendar with no business day at all instead of looping', () => {
    const never = { ...newYork, weekend: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const };
    expect(() =>
      addBusinessDays('2026-03-02T15:00:00Z', 1, { ...never, weekend: [...never.weekend] }),
    ).toThrow(RangeError);
  });
});

describe('businessDaysBetween', () => {
  it('counts the business days after the first day up to and including the last', () => {
    expect(businessDaysBetween('2026-03-02T15:00:00Z', '2026-03-04T22:00:00Z', newYork)).toBe(2);
    expect(businessDaysBetween('2026-03-06T15:00:00Z', '2026-03-09T22:00:00Z', newYork)).toBe(1);
    expect(businessDaysBetween('2026-03-02T15:00:00Z', '2026-03-23T21:00:00Z', newYork)).toBe(15);
  });

  it('is zero when the end is not later', () => {
    expect(businessDaysBetween('2026-03-04T15:00:00Z', '2026-03-02T15:00:00Z', newYork)).toBe(0);
  });

  it('undoes addBusinessDays', () => {
    for (const days of [0, 1, 2, 5, 15, 30]) {
      const from = '2026-01-28T14:00:00Z';
      expect(businessDaysBetween(from, addBusinessDays(from, days, newYork), newYork)).toBe(days);
    }
  });
});
