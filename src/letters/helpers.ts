import type { HelperOptions } from 'handlebars';
import type { LetterLocale, Schedule, Weekday } from './fields.js';
import {
  asSentence,
  formatCount,
  formatLongDate,
  formatMinutes,
  formatTimeRange,
  formatWeekdays,
  joinList,
  shiftClock,
  weeksBetween,
} from './format.js';
import { lastSessionDate } from './pattern.js';
import { escapeSlackText } from './slack-escape.js';

/**
 * The only helpers templates may call (`knownHelpersOnly`). Each is pure and reads the letter's
 * locale from the root of the data, so a template never has to pass it along.
 */

type Helper = (...args: unknown[]) => string | boolean;

function localeOf(options: HelperOptions): LetterLocale {
  const locale = (options.data?.root as { locale?: LetterLocale } | undefined)?.locale;
  if (!locale) throw new Error('letter helpers need a locale at the root of the data');
  return locale;
}

/** Splits Handlebars' trailing options object from the arguments and checks the count. */
function withArgs(
  name: string,
  count: number,
  fn: (args: unknown[], options: HelperOptions) => string | boolean,
): Helper {
  return (...all: unknown[]) => {
    const options = all.pop() as HelperOptions;
    if (all.length !== count)
      throw new Error(`helper "${name}" takes ${count} argument(s), got ${all.length}`);
    return fn(all, options);
  };
}

function text(name: string, value: unknown): string {
  if (typeof value !== 'string') throw new Error(`helper "${name}" needs text`);
  return value;
}

function schedule(name: string, value: unknown): Schedule {
  if (!value || typeof value !== 'object' || !('sessionStart' in value)) {
    throw new Error(`helper "${name}" needs a schedule`);
  }
  return value as Schedule;
}

export const letterHelpers: Record<string, Helper> = {
  /** {{longDate date}} -> "Monday, January 4, 2027" */
  longDate: withArgs('longDate', 1, ([date], options) =>
    formatLongDate(text('longDate', date), localeOf(options)),
  ),
  /** {{sessionTimes schedule}} -> "5:30 PM – 8:30 PM ET" */
  sessionTimes: withArgs('sessionTimes', 1, ([value], options) => {
    const s = schedule('sessionTimes', value);
    return formatTimeRange(s.sessionStart, s.sessionEnd, s.timeZone, localeOf(options));
  }),
  /** {{timeAway schedule}}: the session widened by travel each way. */
  timeAway: withArgs('timeAway', 1, ([value], options) => {
    const s = schedule('timeAway', value);
    const start = shiftClock(s.sessionStart, -s.travelMinutes);
    const end = shiftClock(s.sessionEnd, s.travelMinutes);
    return formatTimeRange(start, end, s.timeZone, localeOf(options));
  }),
  /** {{weekdays schedule.days}} -> "Mondays, Wednesdays and Thursdays" */
  weekdays: withArgs('weekdays', 1, ([days], options) => {
    if (!Array.isArray(days)) throw new Error('helper "weekdays" needs a list of days');
    return formatWeekdays(days as Weekday[], localeOf(options));
  }),
  /** {{count 10 "working day"}} -> "10 working days"; an optional third argument is the plural. */
  count: (...all: unknown[]) => {
    all.pop();
    const [value, singular, plural] = all;
    if (typeof value !== 'number') throw new Error('helper "count" needs a number');
    return formatCount(value, text('count', singular), typeof plural === 'string' ? plural : undefined);
  },
  /** {{minutes schedule.travelMinutes}} -> "45 minutes" */
  minutes: withArgs('minutes', 1, ([value]) => {
    if (typeof value !== 'number') throw new Error('helper "minutes" needs a number');
    return formatMinutes(value);
  }),
  /** {{weeks startDate endDate}} -> "10 weeks" */
  weeks: withArgs('weeks', 2, ([start, end]) =>
    formatCount(weeksBetween(text('weeks', start), text('weeks', end)), 'week'),
  ),
  /** {{joinList items}} -> "a, b and c" */
  joinList: withArgs('joinList', 1, ([items], options) => {
    if (!Array.isArray(items)) throw new Error('helper "joinList" needs a list');
    return joinList(
      items.map((item) => text('joinList', item)),
      localeOf(options),
    );
  }),
  /** {{#if (hasType accommodations "intermittent_leave")}} */
  hasType: withArgs('hasType', 2, ([items, type]) => {
    if (!Array.isArray(items)) throw new Error('helper "hasType" needs a list');
    return items.some((item) => (item as { type?: unknown }).type === type);
  }),
  /** {{longDate (lastSession schedule)}}: the last date a session falls on, not a weekend after it. */
  lastSession: withArgs('lastSession', 1, ([value]) => {
    const s = schedule('lastSession', value);
    return lastSessionDate(s) ?? s.startDate;
  }),
  /** {{sentence text}}: someone's words ending one sentence, with one full stop at most. */
  sentence: withArgs('sentence', 1, ([value]) => asSentence(text('sentence', value))),
  /** {{#if (eq type "other")}} */
  eq: withArgs('eq', 2, ([left, right]) => left === right),
  /** {{slack text}}: for templates that produce Slack mrkdwn rather than a letter. */
  slack: withArgs('slack', 1, ([value]) => escapeSlackText(text('slack', value))),
};

export const knownHelpers: Record<string, true> = Object.fromEntries(
  Object.keys(letterHelpers).map((name) => [name, true as const]),
);
