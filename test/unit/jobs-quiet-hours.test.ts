import { describe, expect, it } from 'vitest';
import { deliverableAt, quietUntil } from '../../src/jobs/quiet-hours.js';

const night = { from: '20:00', until: '08:00' };

describe('quiet hours, in the recipient’s own time zone', () => {
  it('lets a reminder through in the working day', () => {
    // 15:00 UTC is 10:00 in New York.
    expect(quietUntil(new Date('2026-03-02T15:00:00Z'), 'America/New_York', night)).toBeNull();
  });

  it('holds one sent at night until their morning', () => {
    // 03:00 UTC is 22:00 the evening before in New York: held until 08:00 there (13:00 UTC).
    expect(quietUntil(new Date('2026-03-03T03:00:00Z'), 'America/New_York', night)?.toISOString()).toBe(
      '2026-03-03T13:00:00.000Z',
    );
    // Early morning the same day: held until 08:00 that day.
    expect(quietUntil(new Date('2026-03-03T10:00:00Z'), 'America/New_York', night)?.toISOString()).toBe(
      '2026-03-03T13:00:00.000Z',
    );
  });

  it('judges the same instant by each person’s zone', () => {
    const at = new Date('2026-03-03T02:00:00Z');
    expect(quietUntil(at, 'America/Los_Angeles', night)).toBeNull(); // 18:00 there
    expect(quietUntil(at, 'Europe/London', night)?.toISOString()).toBe('2026-03-03T08:00:00.000Z');
  });

  it('can be switched off, and a window that does not wrap midnight works too', () => {
    expect(quietUntil(new Date('2026-03-03T03:00:00Z'), 'UTC', null)).toBeNull();
    const lunch = { from: '12:00', until: '13:00' };
    expect(quietUntil(new Date('2026-03-03T12:30:00Z'), 'UTC', lunch)?.toISOString()).toBe(
      '2026-03-03T13:00:00.000Z',
    );
    expect(quietUntil(new Date('2026-03-03T13:30:00Z'), 'UTC', lunch)).toBeNull();
  });
});

describe('a work reminder waits for a business day in the recipient’s own zone', () => {
  const workdays = { weekend: ['sat', 'sun'] as const, holidays: ['2026-03-09'] };
  const week = { weekend: [...workdays.weekend], holidays: [...workdays.holidays] };

  it('goes at once on a working morning', () => {
    // Tuesday 15:00 UTC is 09:00 in Chicago.
    expect(deliverableAt(new Date('2026-03-03T15:00:00Z'), 'America/Chicago', night, week)).toBeNull();
  });

  it('holds one due on their Saturday until Monday morning, theirs', () => {
    // Saturday 16:00 UTC is 10:00 in Chicago: held until Monday 08:00 there (13:00 UTC: the clocks went forward on Sunday)...
    expect(
      deliverableAt(new Date('2026-03-07T16:00:00Z'), 'America/Chicago', night, {
        weekend: [...workdays.weekend],
        holidays: [],
      })?.toISOString(),
    ).toBe('2026-03-09T13:00:00.000Z');
    // ...and past a Monday holiday to Tuesday.
    expect(
      deliverableAt(new Date('2026-03-07T16:00:00Z'), 'America/Chicago', night, week)?.toISOString(),
    ).toBe('2026-03-10T13:00:00.000Z');
  });

  it('judges the day by the recipient’s zone, not UTC’s', () => {
    // Monday 02:00 UTC is still Sunday evening in Los Angeles (18:00): Monday 08:00 there.
    expect(
      deliverableAt(new Date('2026-03-02T02:00:00Z'), 'America/Los_Angeles', night, {
        weekend: [...workdays.weekend],
        holidays: [],
      })?.toISOString(),
    ).toBe('2026-03-02T16:00:00.000Z');
    // The same instant is Monday 02:00 in London: quiet hours only, until 08:00.
    expect(deliverableAt(new Date('2026-03-02T02:00:00Z'), 'Europe/London', night, week)?.toISOString()).toBe(
      '2026-03-02T08:00:00.000Z',
    );
  });

  it('without a calendar, only quiet hours hold it (the employee’s own nudges)', () => {
    expect(deliverableAt(new Date('2026-03-07T16:00:00Z'), 'America/Chicago', night)).toBeNull();
  });
});
