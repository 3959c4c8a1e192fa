import { DateTime, IANAZone } from 'luxon';
import { type BusinessCalendar, isBusinessDay } from '../domain/lifecycle/business-days.js';

export interface QuietHours {
  readonly from: string;
  readonly until: string;
}

const minutesOf = (clock: string) => {
  const [h = 0, m = 0] = clock.split(':').map(Number);
  return h * 60 + m;
};

/**
 * When a reminder may reach someone in `timeZone`: `now` itself outside their quiet hours, or the
 * end of the quiet hours (their local morning) inside them. A window may wrap midnight (20:00-08:00).
 * A zone luxon does not know is read as UTC rather than losing the reminder.
 */
export function quietUntil(now: Date, timeZone: string, quiet: QuietHours | null): Date | null {
  if (!quiet) return null;
  const zone = IANAZone.isValidZone(timeZone) ? timeZone : 'UTC';
  const local = DateTime.fromJSDate(now, { zone });
  const minute = local.hour * 60 + local.minute;
  const from = minutesOf(quiet.from);
  const until = minutesOf(quiet.until);
  if (from === until) return null;
  const wraps = from > until;
  const inside = wraps ? minute >= from || minute < until : minute >= from && minute < until;
  if (!inside) return null;
  const [h = 0, m = 0] = quiet.until.split(':').map(Number);
  let end = local.set({ hour: h, minute: m, second: 0, millisecond: 0 });
  if (end <= local) end = end.plus({ days: 1 });
  return end.toJSDate();
}

/** A fortnight of days off (a long holiday) is the most a reminder is moved; past that, it goes. */
const MAX_DAYS_AHEAD = 14;

/**
 * When a reminder may reach someone in `timeZone`: null for now, or the first moment after their
 * quiet hours and, given their working calendar, on one of their business days (the morning after
 * the weekend or a holiday, their local time). A zone luxon does not know is read as UTC.
 */
export function deliverableAt(
  now: Date,
  timeZone: string,
  quiet: QuietHours | null,
  workdays?: Pick<BusinessCalendar, 'weekend' | 'holidays'>,
): Date | null {
  const zone = IANAZone.isValidZone(timeZone) ? timeZone : 'UTC';
  let at = quietUntil(now, zone, quiet) ?? now;
  if (workdays) {
    const calendar: BusinessCalendar = { ...workdays, timeZone: zone, dayEndsAt: '23:59' };
    const [h = 0, m = 0] = (quiet?.until ?? '00:00').split(':').map(Number);
    for (let days = 0; days < MAX_DAYS_AHEAD; days++) {
      const local = DateTime.fromJSDate(at, { zone });
      if (isBusinessDay(local.startOf('day'), calendar)) break;
      at = local.plus({ days: 1 }).set({ hour: h, minute: m, second: 0, millisecond: 0 }).toJSDate();
    }
  }
  return at.getTime() === now.getTime() ? null : at;
}
