import { DateTime } from 'luxon';
import { weekdayNames, weekdays } from '../domain/request.js';
import type { Jurisdiction, LetterLocale, Weekday } from './fields.js';

/**
 * Pure wording for dates, times, days and durations. Patterns are spelled out per locale rather
 * than left to the platform's ICU data, so a letter reads the same on every machine and in every
 * golden file.
 */

export const defaultLocale: Record<Jurisdiction, LetterLocale> = { us: 'en-US', uk: 'en-GB', ca: 'en-CA' };

/** "Monday, January 4, 2027" (en-US, en-CA) or "Monday 4 January 2027" (en-GB). */
export function formatLongDate(isoDate: string, locale: LetterLocale): string {
  const date = DateTime.fromISO(isoDate, { zone: 'utc', locale: 'en-US' });
  if (!date.isValid) throw new RangeError('formatLongDate needs a date as YYYY-MM-DD');
  return date.toFormat(locale === 'en-GB' ? 'cccc d LLLL yyyy' : 'cccc, LLLL d, yyyy');
}

/** "5:30 PM" (en-US), "5:30 p.m." (en-CA), "17:30" (en-GB). */
export function formatTime(clock: string, locale: LetterLocale): string {
  const [hours, minutes] = clock.split(':').map(Number) as [number, number];
  if (locale === 'en-GB') return `${pad(hours)}:${pad(minutes)}`;
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  const suffix = locale === 'en-CA' ? (hours < 12 ? 'a.m.' : 'p.m.') : hours < 12 ? 'AM' : 'PM';
  return `${hour12}:${pad(minutes)} ${suffix}`;
}

/**
 * A short, season-free name for a time zone: "ET", "PT", "UK time". Schedules run for weeks across
 * daylight-saving changes, so "EST" or "BST" would be wrong half the time.
 */
export function timeZoneLabel(zone: string, locale: LetterLocale): string {
  const key = `${locale}\u0000${zone}`;
  let label = zoneLabels.get(key);
  if (label === undefined) {
    label = computeTimeZoneLabel(zone, locale);
    if (zoneLabels.size >= 1000) zoneLabels.clear();
    zoneLabels.set(key, label);
  }
  return label;
}

/**
 * Labels by locale and zone. Building an `Intl.DateTimeFormat` costs far more than formatting
 * with one, and a label never changes (it is read for a fixed date), so each is made once; the
 * zones and locales in use are few.
 */
const zoneLabels = new Map<string, string>();

function computeTimeZoneLabel(zone: string, locale: LetterLocale): string {
  if (zone === 'Europe/London') return 'UK time';
  if (zone === 'UTC' || zone === 'Etc/UTC') return 'UTC';
  const generic = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'shortGeneric' })
    .formatToParts(new Date(Date.UTC(2027, 0, 4)))
    .find((part) => part.type === 'timeZoneName')?.value;
  if (!generic || generic.startsWith('GMT')) return `${zone.split('/').pop()?.replace(/_/g, ' ')} time`;
  return generic.replace(/ Time$/, ' time');
}

/** "5:30 PM – 8:30 PM ET". */
export function formatTimeRange(start: string, end: string, zone: string, locale: LetterLocale): string {
  return `${formatTime(start, locale)} – ${formatTime(end, locale)} ${timeZoneLabel(zone, locale)}`;
}

/** Moves a wall-clock time by some minutes, clamped to the same day. */
export function shiftClock(clock: string, minutes: number): string {
  const [hours, mins] = clock.split(':').map(Number) as [number, number];
  const total = Math.min(Math.max(hours * 60 + mins + minutes, 0), 23 * 60 + 59);
  return `${pad(Math.floor(total / 60))}:${pad(total % 60)}`;
}

/** "Mondays, Wednesdays and Thursdays", in week order; en-US takes the serial comma. */
export function formatWeekdays(days: readonly Weekday[], locale: LetterLocale): string {
  const names = weekdays.filter((day) => days.includes(day)).map((day) => `${weekdayNames[day]}s`);
  return joinList(names, locale);
}

/** A working week: runs of three or more days read as a range, "Monday to Friday". */
export function formatWorkDays(days: readonly Weekday[], locale: LetterLocale): string {
  const runs: Weekday[][] = [];
  for (const day of weekdays.filter((candidate) => days.includes(candidate))) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (run && last && weekdays.indexOf(day) === weekdays.indexOf(last) + 1) run.push(day);
    else runs.push([day]);
  }
  const parts = runs.flatMap((run) =>
    run.length >= 3
      ? [`${weekdayNames[run[0] as Weekday]} to ${weekdayNames[run.at(-1) as Weekday]}`]
      : run.map((day) => weekdayNames[day]),
  );
  return joinList(parts, locale);
}

/**
 * Text someone wrote, made to end one sentence: a capital first letter and one closing mark. "at
 * 4:45 p.m." keeps its own full stop rather than gaining a second.
 */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return '';
  const capitalised = (trimmed[0]?.toUpperCase() ?? '') + trimmed.slice(1);
  return /[.!?…)"”’]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

/** "a, b and c" (en-GB, en-CA) or "a, b, and c" (en-US). */
export function joinList(items: readonly string[], locale: LetterLocale): string {
  if (items.length <= 2) return items.join(' and ');
  const serial = locale === 'en-US' ? ',' : '';
  return `${items.slice(0, -1).join(', ')}${serial} and ${items.at(-1)}`;
}

/** "1 week", "10 weeks", "1 working day". */
export function formatCount(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/** "45 minutes", "1 hour", "1 hour 30 minutes". */
export function formatMinutes(total: number): string {
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  const parts = [
    hours ? formatCount(hours, 'hour') : '',
    minutes || !hours ? formatCount(minutes, 'minute') : '',
  ];
  return parts.filter(Boolean).join(' ');
}

/** Whole weeks from one date to another, rounded up: a 10-week program is "10 weeks", not "9.9". */
export function weeksBetween(startIso: string, endIso: string): number {
  const start = DateTime.fromISO(startIso, { zone: 'utc' });
  const end = DateTime.fromISO(endIso, { zone: 'utc' });
  return Math.max(1, Math.ceil(end.diff(start, 'days').days / 7));
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
