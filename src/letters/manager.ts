import type { Weekday } from '../domain/request.js';
import type { LetterLocale } from './fields.js';
import { formatLongDate, formatTimeRange, formatWeekdays } from './format.js';
import type { ApprovedPattern } from './kinds.js';

/**
 * What a manager is told once an accommodation is approved: the working pattern and its dates. It
 * is built from the approved pattern alone, which has no appointment, session or return times, so
 * nothing else can reach a manager through it.
 */
export interface ManagerNotice {
  readonly rows: readonly {
    readonly days: readonly Weekday[];
    readonly start: string;
    readonly end: string;
  }[];
  readonly otherDaysUnchanged: boolean;
  readonly startDate: string;
  readonly endDate: string;
  readonly reviewDate: string;
  readonly timeZone: string;
}

export function approvalForManager(approved: ApprovedPattern): ManagerNotice {
  return {
    rows: approved.rows.map((row) => ({ days: [...row.days], start: row.start, end: row.end })),
    otherDaysUnchanged: approved.otherDaysUnchanged,
    startDate: approved.startDate,
    endDate: approved.endDate,
    reviewDate: approved.reviewDate,
    timeZone: approved.timeZone,
  };
}

/** "Mondays and Wednesdays: 7:45 AM – 4:45 PM ET", one line per row. */
export function patternLines(notice: ManagerNotice, locale: LetterLocale): string[] {
  const rows = notice.rows.map(
    (row) =>
      `${formatWeekdays(row.days, locale)}: ${formatTimeRange(row.start, row.end, notice.timeZone, locale)}`,
  );
  return notice.otherDaysUnchanged ? [...rows, 'Other working days: usual hours'] : rows;
}

/** The notice as the manager reads it. */
export function managerNoticeLines(notice: ManagerNotice, locale: LetterLocale): string[] {
  return [
    ...patternLines(notice, locale),
    `From ${formatLongDate(notice.startDate, locale)} until ${formatLongDate(notice.endDate, locale)}`,
    `Review by ${formatLongDate(notice.reviewDate, locale)}`,
  ];
}
