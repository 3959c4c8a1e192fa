import { DateTime, IANAZone } from 'luxon';

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
