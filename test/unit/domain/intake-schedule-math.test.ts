import { describe, expect, it } from 'vitest';
import {
  addDays,
  endDateFromWeeks,
  isCalendarDate,
  pluralDayList,
  sessionFit,
  wholeWeeksBetween,
} from '../../../src/domain/schedule-math.js';

describe('schedule arithmetic', () => {
  it('knows real calendar dates from look-alikes', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('2026-3-2')).toBe(false);
  });

  it('adds days across months, years and daylight-saving changes', () => {
    expect(addDays('2026-03-07', 2)).toBe('2026-03-09');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-29', -1)).toBe('2026-03-28');
  });

  it('ends a 10-week program on the last day of its tenth week, and reads it back as 10 weeks', () => {
    expect(endDateFromWeeks('2026-03-02', 10)).toBe('2026-05-10');
    expect(endDateFromWeeks('2026-03-02', 1)).toBe('2026-03-08');
    expect(wholeWeeksBetween('2026-03-02', '2026-05-10')).toBe(10);
    expect(wholeWeeksBetween('2026-03-02', '2026-05-12')).toBeUndefined();
  });

  it('names days in week order, as a person would', () => {
    expect(pluralDayList(['thu', 'mon'])).toBe('Mondays and Thursdays');
    expect(pluralDayList(['fri', 'mon', 'wed'])).toBe('Mondays, Wednesdays and Fridays');
  });

  it('places sessions with travel before, after or across the workday', () => {
    const work = { start: '09:00', end: '17:00' };
    expect(sessionFit({ start: '06:00', end: '08:00', travelMinutes: 60 }, work)).toBe('before_work');
    expect(sessionFit({ start: '06:00', end: '08:30', travelMinutes: 45 }, work)).toBe('overlaps');
    expect(sessionFit({ start: '17:30', end: '20:30', travelMinutes: 30 }, work)).toBe('after_work');
    expect(sessionFit({ start: '17:30', end: '20:30', travelMinutes: 45 }, work)).toBe('overlaps');
    expect(
      sessionFit({ start: '18:00', end: '21:00', travelMinutes: 0 }, { start: '22:00', end: '06:00' }),
    ).toBe(undefined);
  });
});
