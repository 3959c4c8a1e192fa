import { DateTime } from 'luxon';
import type { Weekday } from '../request.js';

/**
 * Business-day arithmetic for the process clocks. A clock is counted on the calendar of whoever
 * must answer (HR's team, or the employee), in their time zone: a day that is a weekend or a
 * holiday there does not count, whatever day it is in UTC.
 */
export interface BusinessCalendar {
  /** IANA time zone the days are counted in, e.g. `America/Chicago`. */
  readonly timeZone: string;
  /** Days that never count. */
  readonly weekend: readonly Weekday[];
  /** Holidays as `YYYY-MM-DD` in `timeZone`. */
  readonly holidays: readonly string[];
  /** A due date means the end of that business day, at this local time (`HH:mm`). */
  readonly dayEndsAt: string;
}

const luxonWeekdays: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

function localDay(at: Date | string, calendar: BusinessCalendar): DateTime {
  const instant = typeof at === 'string' ? DateTime.fromISO(at) : DateTime.fromJSDate(at);
  if (!instant.isValid) throw new RangeError('not a valid instant');
  const local = instant.setZone(calendar.timeZone);
  if (!local.isValid) throw new RangeError(`unknown time zone ${calendar.timeZone}`);
  return local.startOf('day');
}

export function isBusinessDay(day: DateTime, calendar: BusinessCalendar): boolean {
  const weekday = luxonWeekdays[day.weekday - 1];
  if (weekday && calendar.weekend.includes(weekday)) return false;
  return !calendar.holidays.includes(day.toISODate() ?? '');
}

/** The end of a business day, as an instant. */
function endOfBusinessDay(day: DateTime, calendar: BusinessCalendar): Date {
  const [hour, minute] = calendar.dayEndsAt.split(':').map(Number) as [number, number];
  return day.set({ hour, minute, second: 0, millisecond: 0 }).toJSDate();
}

/** A calendar with no business day would loop forever; a year of non-days means a broken config. */
const MAX_SCAN_DAYS = 366;

/**
 * When something asked at `from` is due, `days` business days later: the end of the `days`-th
 * business day after the local day of `from`. Asked on Friday evening with 2 days: the end of
 * Tuesday. With 0 days: the end of today if today counts, else of the next day that does.
 */
export function addBusinessDays(from: Date | string, days: number, calendar: BusinessCalendar): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError('days must be a whole number >= 0');
  let day = localDay(from, calendar);
  let counted = 0;
  let scanned = 0;
  if (days === 0) {
    while (!isBusinessDay(day, calendar)) {
      day = day.plus({ days: 1 });
      if (++scanned > MAX_SCAN_DAYS) throw new RangeError('the calendar has no business days');
    }
    return endOfBusinessDay(day, calendar);
  }
  while (counted < days) {
    day = day.plus({ days: 1 });
    if (isBusinessDay(day, calendar)) counted++;
    else if (++scanned > MAX_SCAN_DAYS) throw new RangeError('the calendar has no business days');
  }
  return endOfBusinessDay(day, calendar);
}

/**
 * How many business days lie after the local day of `from`, up to and including the local day of
 * `to`: what is left on a clock paused at `from` that was due at `to`. Zero when `to` is not later.
 */
export function businessDaysBetween(
  from: Date | string,
  to: Date | string,
  calendar: BusinessCalendar,
): number {
  const start = localDay(from, calendar);
  const end = localDay(to, calendar);
  let count = 0;
  for (let day = start.plus({ days: 1 }); day <= end; day = day.plus({ days: 1 })) {
    if (isBusinessDay(day, calendar)) count++;
  }
  return count;
}

/** Calendar days later, at the same instant: grace periods and retention are calendar days. */
export function addCalendarDays(from: Date | string, days: number): Date {
  const at = typeof from === 'string' ? new Date(from) : from;
  return new Date(at.getTime() + days * 86_400_000);
}

/** `YYYY-MM-DD` as the start of that day (local `startAt` time) in a zone, as an instant. */
export function localDateAt(isoDate: string, clock: string, timeZone: string): Date {
  const [hour, minute] = clock.split(':').map(Number) as [number, number];
  const day = DateTime.fromISO(isoDate, { zone: timeZone });
  if (!day.isValid) throw new RangeError('not a valid date or time zone');
  return day.set({ hour, minute, second: 0, millisecond: 0 }).toJSDate();
}

/** A date people read in messages, e.g. "Tuesday 3 December", in the reader's zone. */
export function readableDate(at: Date | string, timeZone: string): string {
  const instant = typeof at === 'string' ? DateTime.fromISO(at) : DateTime.fromJSDate(at);
  return instant.setZone(timeZone).setLocale('en-GB').toFormat('cccc d LLLL');
}
