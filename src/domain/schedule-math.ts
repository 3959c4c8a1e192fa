import { type Weekday, weekdayNames, weekdays } from './request.js';

/**
 * Calendar and clock arithmetic for the intake, on plain `YYYY-MM-DD` and `HH:mm` strings.
 * Dates are calendar days with no time zone: they are the days the employee picked, wherever
 * they are, so they are handled as UTC midnights and never converted.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** True for a real calendar date written `YYYY-MM-DD` (so `2026-02-30` is not one). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function isClockTime(value: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
}

export function addDays(isoDate: string, days: number): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(fromIso: string, toIso: string): number {
  const at = (iso: string) => {
    const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
    return Date.UTC(year, month - 1, day);
  };
  return Math.round((at(toIso) - at(fromIso)) / DAY_MS);
}

/**
 * The last day of a program that runs `weeks` weeks from `startDate`: a 10-week program starting
 * on a Monday ends on the Sunday of its tenth week, so the request covers exactly 10 weeks.
 */
export function endDateFromWeeks(startDate: string, weeks: number): string {
  return addDays(startDate, weeks * 7 - 1);
}

/** The whole number of weeks a start and end date span, when they span whole weeks exactly. */
export function wholeWeeksBetween(startDate: string, endDate: string): number | undefined {
  const span = daysBetween(startDate, endDate) + 1;
  return span > 0 && span % 7 === 0 ? span / 7 : undefined;
}

export function minutesOfDay(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number) as [number, number];
  return hours * 60 + minutes;
}

/** Days in week order, whatever order they were picked in. */
export function inWeekOrder(days: readonly Weekday[]): Weekday[] {
  return weekdays.filter((day) => days.includes(day));
}

/** "Mondays", "Mondays and Wednesdays", "Mondays, Wednesdays and Fridays". */
export function pluralDayList(days: readonly Weekday[]): string {
  const names = inWeekOrder(days).map((day) => `${weekdayNames[day]}s`);
  if (names.length <= 2) return names.join(' and ');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** How the sessions, with travel each way, sit against the workday on a day that has both. */
export type SessionFit = 'before_work' | 'after_work' | 'overlaps';

export function sessionFit(
  session: { start: string; end: string; travelMinutes: number },
  work: { start: string; end: string },
): SessionFit | undefined {
  const workStart = minutesOfDay(work.start);
  const workEnd = minutesOfDay(work.end);
  // A workday that runs past midnight needs the neighbouring day to judge; say nothing rather
  // than guess, since this only feeds a friendly note.
  if (workEnd <= workStart) return undefined;
  const awayFrom = minutesOfDay(session.start) - session.travelMinutes;
  const awayUntil = minutesOfDay(session.end) + session.travelMinutes;
  if (awayUntil <= workStart) return 'before_work';
  if (awayFrom >= workEnd) return 'after_work';
  return 'overlaps';
}
