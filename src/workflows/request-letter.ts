import { DateTime } from 'luxon';
import type { AppConfig } from '../config.js';
import { reasonWording, reasonWordings } from '../domain/disclosure.js';
import type { AccommodationRequest } from '../domain/request.js';
import type { LetterData } from '../letters/index.js';

/** The request's parts the letter needs: a draft checked complete, or a submitted request. */
export type RequestLetterSource = Pick<
  AccommodationRequest,
  'schedule' | 'work' | 'accommodations' | 'disclosure' | 'sensitive' | 'reviewDate'
>;

export interface RequestLetterContext {
  readonly reference: string;
  /** The letter's date, in the employee's time zone. */
  readonly today: string;
  readonly employeeName: string;
  readonly org: AppConfig['org'];
}

/** Days HR is asked to reply within; the letter says it plainly. */
export const REPLY_WITHIN_DAYS = 10;

/**
 * Maps a request to the request letter's data. The reason is only ever the wording the employee
 * chose; the default names no condition.
 */
export function requestLetterData(
  source: RequestLetterSource,
  context: RequestLetterContext,
): LetterData<'request'> {
  const { schedule, work, accommodations, disclosure, sensitive } = source;
  const wording = reasonWording(disclosure.reason, sensitive);
  const coverageLines = (sensitive.coveragePlan ?? '')
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, 8);
  return {
    org: {
      companyName: context.org.companyName,
      signatureBlock: context.org.signatureBlock ?? null,
      policyUrl: context.org.policyUrl ?? null,
    },
    reference: context.reference,
    date: context.today,
    employee: { name: context.employeeName },
    // The template ends the sentence itself, so the employee's own full stop would double it.
    reasonStatement: wording === reasonWordings.functional ? null : wording.replace(/[\s.]+$/, ''),
    schedule: {
      days: schedule.days,
      sessionStart: schedule.sessionStart,
      sessionEnd: schedule.sessionEnd,
      travelMinutes: schedule.travelMinutes,
      startDate: schedule.startDate,
      endDate: schedule.endDate,
      reviewDate: source.reviewDate ?? null,
      timeZone: work.timeZone,
    },
    accommodations: accommodations.map((type) => ({
      type,
      details: type === 'other' ? sensitive.otherAccommodation?.trim() || null : null,
    })),
    coverage: {
      makeUpHours: null,
      plan:
        coverageLines.length > 0
          ? coverageLines
          : ['I will agree cover for my work on session days with my manager.'],
    },
    statementOfNeed: sensitive.statementOfNeed?.trim() || null,
    replyWithinDays: REPLY_WITHIN_DAYS,
  };
}

/** Today's date where the employee is, for dating letters. */
export function todayIn(timeZone: string, now: Date): string {
  const local = DateTime.fromJSDate(now).setZone(timeZone);
  return (
    (local.isValid ? local : DateTime.fromJSDate(now).toUTC()).toISODate() ?? now.toISOString().slice(0, 10)
  );
}
