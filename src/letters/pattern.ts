import { DateTime } from 'luxon';
import { type Weekday, weekdays } from '../domain/request.js';
import type { LetterLocale } from './fields.js';
import { formatTimeRange, formatWeekdays, formatWorkDays, shiftClock } from './format.js';

/**
 * What a schedule means for someone's working week, worked out once so every letter says the
 * same true thing: which session days overlap working hours (time away includes travel), what the
 * usual hours are and what is proposed instead, and the last day a session actually falls on.
 */

export interface SessionTimes {
  readonly days: readonly Weekday[];
  readonly sessionStart: string;
  readonly sessionEnd: string;
  readonly travelMinutes: number;
  readonly startDate: string;
  readonly endDate: string | null;
  readonly timeZone: string;
}

export interface UsualHours {
  readonly days: readonly Weekday[];
  readonly start: string;
  readonly end: string;
}

export interface WorkingPattern {
  /** Session days that take time out of working hours. */
  readonly overlapDays: Weekday[];
  /** Session days (or all of them) that leave working hours untouched. */
  readonly outsideDays: Weekday[];
  /** Hours worked on an overlap day instead, as wall-clock spans; empty if the day is not worked. */
  readonly proposedSpans: { start: string; end: string }[];
}

export function workingPattern(schedule: SessionTimes, usual: UsualHours): WorkingPattern {
  const awayStart = shiftClock(schedule.sessionStart, -schedule.travelMinutes);
  const awayEnd = shiftClock(schedule.sessionEnd, schedule.travelMinutes);
  const overlaps = awayStart < usual.end && awayEnd > usual.start;
  const inWeek = weekdays.filter((day) => schedule.days.includes(day));
  const overlapDays = overlaps ? inWeek.filter((day) => usual.days.includes(day)) : [];
  const outsideDays = inWeek.filter((day) => !overlapDays.includes(day));
  const proposedSpans: { start: string; end: string }[] = [];
  if (awayStart > usual.start) proposedSpans.push({ start: usual.start, end: awayStart });
  if (awayEnd < usual.end) proposedSpans.push({ start: awayEnd, end: usual.end });
  return { overlapDays, outsideDays, proposedSpans };
}

/** The last date, on or before the end date, that a session falls on. */
export function lastSessionDate(
  schedule: Pick<SessionTimes, 'days' | 'startDate' | 'endDate'>,
): string | null {
  if (!schedule.endDate) return null;
  const start = DateTime.fromISO(schedule.startDate, { zone: 'utc' });
  let day = DateTime.fromISO(schedule.endDate, { zone: 'utc' });
  for (let i = 0; i < 7 && day >= start; i++) {
    const weekday = weekdays[day.weekday - 1];
    if (weekday && schedule.days.includes(weekday)) return day.toISODate();
    day = day.minus({ days: 1 });
  }
  return schedule.endDate;
}

/** The pattern as letter wording, in the letter's locale. */
export interface PatternWording {
  readonly sessionDays: string;
  readonly sessionTimes: string;
  readonly timeAway: string;
  readonly usualDays: string;
  readonly usualHours: string;
  /** Null when no session takes time out of working hours. */
  readonly overlapDays: string | null;
  readonly outsideDays: string | null;
  /** "9:00 AM – 5:00 PM ET"; "none" when the whole day is away. Null with no overlap. */
  readonly proposedHours: string | null;
}

export function describePattern(
  schedule: SessionTimes,
  usual: UsualHours,
  locale: LetterLocale,
): PatternWording {
  const pattern = workingPattern(schedule, usual);
  const zone = schedule.timeZone;
  const spans = pattern.proposedSpans.map((span) => formatTimeRange(span.start, span.end, zone, locale));
  return {
    sessionDays: formatWeekdays(schedule.days, locale),
    sessionTimes: formatTimeRange(schedule.sessionStart, schedule.sessionEnd, zone, locale),
    timeAway: formatTimeRange(
      shiftClock(schedule.sessionStart, -schedule.travelMinutes),
      shiftClock(schedule.sessionEnd, schedule.travelMinutes),
      zone,
      locale,
    ),
    usualDays: formatWorkDays(usual.days, locale),
    usualHours: formatTimeRange(usual.start, usual.end, zone, locale),
    overlapDays: pattern.overlapDays.length > 0 ? formatWeekdays(pattern.overlapDays, locale) : null,
    outsideDays: pattern.outsideDays.length > 0 ? formatWeekdays(pattern.outsideDays, locale) : null,
    proposedHours:
      pattern.overlapDays.length === 0
        ? null
        : spans.length > 0
          ? spans.join(' and ')
          : 'none (a day away from work)',
  };
}
