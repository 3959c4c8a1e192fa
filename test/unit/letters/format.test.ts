import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatLongDate,
  formatMinutes,
  formatTimeRange,
  formatWeekdays,
  shiftClock,
  timeZoneLabel,
  weeksBetween,
} from '../../../src/letters/format.js';

describe('dates, times, days and durations read naturally for the employee', () => {
  it('writes long dates in the local style', () => {
    expect(formatLongDate('2027-01-04', 'en-GB')).toBe('Monday 4 January 2027');
    expect(formatLongDate('2027-01-04', 'en-US')).toBe('Monday, January 4, 2027');
    expect(formatLongDate('2027-01-04', 'en-CA')).toBe('Monday, January 4, 2027');
  });

  it('writes time ranges with a time zone name that holds across daylight saving', () => {
    expect(formatTimeRange('17:30', '20:30', 'America/New_York', 'en-US')).toBe('5:30 PM – 8:30 PM ET');
    expect(formatTimeRange('09:00', '12:00', 'America/Los_Angeles', 'en-US')).toBe('9:00 AM – 12:00 PM PT');
    expect(formatTimeRange('00:15', '12:45', 'America/Toronto', 'en-CA')).toBe('12:15 a.m. – 12:45 p.m. ET');
    expect(formatTimeRange('17:30', '20:30', 'Europe/London', 'en-GB')).toBe('17:30 – 20:30 UK time');
    expect(timeZoneLabel('UTC', 'en-GB')).toBe('UTC');
  });

  it('widens a session by travel time without leaving the day', () => {
    expect(shiftClock('17:30', -45)).toBe('16:45');
    expect(shiftClock('23:30', 60)).toBe('23:59');
    expect(shiftClock('00:10', -30)).toBe('00:00');
  });

  it('lists weekdays in week order, plural, with the local comma style', () => {
    expect(formatWeekdays(['thu', 'mon', 'wed'], 'en-GB')).toBe('Mondays, Wednesdays and Thursdays');
    expect(formatWeekdays(['thu', 'mon', 'wed'], 'en-US')).toBe('Mondays, Wednesdays, and Thursdays');
    expect(formatWeekdays(['fri', 'tue'], 'en-US')).toBe('Tuesdays and Fridays');
    expect(formatWeekdays(['sat'], 'en-CA')).toBe('Saturdays');
  });

  it('counts with the right plural', () => {
    expect(formatCount(1, 'week')).toBe('1 week');
    expect(formatCount(10, 'week')).toBe('10 weeks');
    expect(formatCount(0, 'day')).toBe('0 days');
    expect(formatMinutes(45)).toBe('45 minutes');
    expect(formatMinutes(60)).toBe('1 hour');
    expect(formatMinutes(90)).toBe('1 hour 30 minutes');
    expect(formatMinutes(1)).toBe('1 minute');
    expect(weeksBetween('2027-01-04', '2027-03-12')).toBe(10);
    expect(weeksBetween('2027-01-04', '2027-01-05')).toBe(1);
  });
});
