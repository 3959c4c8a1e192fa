import { DateTime } from 'luxon';
import type { AppConfig } from '../config.js';
import { reasonWording, reasonWordings } from '../domain/disclosure.js';
import type { AccommodationRequest } from '../domain/request.js';
import { fitLines } from '../drafting/wording.js';
import type { LetterData } from '../letters/index.js';
import type { LetterWords } from '../privacy/release.js';

/**
 * The request's parts the letter needs: the work facts, and as words only what HR reads (released
 * text) or, on the employee's own review, the preview of that release. Never the record's
 * `sensitive` fields: they are `PrivateText`, which this builder does not accept.
 */
export type RequestLetterSource = Pick<
  AccommodationRequest,
  'schedule' | 'work' | 'accommodations' | 'disclosure' | 'reviewDate'
> & { readonly sensitive: LetterWords };

export interface RequestLetterContext {
  readonly reference: string;
  /** The letter's date, in the employee's time zone. */
  readonly today: string;
  readonly employeeName: string;
  readonly org: AppConfig['org'];
}

/** Days HR is asked to reply within; the letter says it plainly. */
export const REPLY_WITHIN_DAYS = 10;

/** The letter's limits for the coverage plan: points of one line each, and how many. */
const COVERAGE_LINE_LIMIT = 300;
const COVERAGE_MAX_POINTS = 16;

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
  const ownWords = disclosure.reason === 'own_words' && wording !== reasonWordings.functional;
  const coverageLines = coveragePoints(sensitive.coveragePlan ?? '');
  return {
    org: {
      companyName: context.org.companyName,
      signatureBlock: context.org.signatureBlock ?? null,
      policyUrl: context.org.policyUrl ?? null,
      address: context.org.address && context.org.address.length > 0 ? [...context.org.address] : null,
    },
    humanRightsLaw: disclosure.jurisdiction === 'ca' ? (context.org.caHumanRightsLaw ?? null) : null,
    reference: context.reference,
    date: context.today,
    employee: { name: context.employeeName },
    // Own words are the employee's sentences and stand as written; the app's phrases fit its sentence.
    reasonStatement: ownWords ? wording : null,
    reasonPhrase: !ownWords && wording !== reasonWordings.functional ? wording : null,
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
    work: {
      days: work.days,
      start: work.start,
      end: work.end,
      constraints: work.constraints,
      note: sensitive.constraintsNote?.trim() || null,
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

/**
 * The coverage plan as the letter's points: one per line the employee wrote, long ones cut between
 * sentences. Past the letter's number of points the text is packed again as one paragraph, which
 * fits within it for any plan the intake accepts.
 */
export function coveragePoints(plan: string): string[] {
  const points = fitLines([plan], COVERAGE_LINE_LIMIT);
  if (points.length <= COVERAGE_MAX_POINTS) return points;
  return fitLines([points.join(' ')], COVERAGE_LINE_LIMIT).slice(0, COVERAGE_MAX_POINTS);
}

/** Today's date where the employee is, for dating letters. */
export function todayIn(timeZone: string, now: Date): string {
  const local = DateTime.fromJSDate(now).setZone(timeZone);
  return (
    (local.isValid ? local : DateTime.fromJSDate(now).toUTC()).toISODate() ?? now.toISOString().slice(0, 10)
  );
}
