import { z } from 'zod';
import type { Jurisdiction } from '../domain/request.js';
import {
  AccommodationType,
  CalendarDate,
  HrContact,
  Line,
  letterBase,
  optional,
  Prose,
  Schedule,
  Time,
  typeError,
  Weekday,
  WorkConstraint,
} from './fields.js';

/**
 * The nine letters of an accommodation request's life, each a template per jurisdiction plus the
 * schema of its data. Schemas hold work facts and the employee's chosen words only: nothing here
 * asks for a diagnosis, a medication or a treatment provider, so a letter cannot carry one by design.
 */

const lines = (min: number, max = 10) => z.array(Line, typeError('a list of text lines')).min(min).max(max);

const Accommodation = z
  .object({
    type: AccommodationType,
    /** Work-terms detail, e.g. "start at 7:30 on Mondays instead of 9:00". Required for `other`. */
    details: optional(Line),
  })
  .refine((item) => item.type !== 'other' || item.details !== null, {
    path: ['details'],
    message: 'a short description when type is "other"',
  });

const afterOrOn = (later: string, earlier: string) => (data: Record<string, unknown>) =>
  typeof data[later] !== 'string' || typeof data[earlier] !== 'string' || data[later] >= data[earlier];

/** The employee's usual working pattern and what about the role affects timing (C1 work facts). */
const UsualWork = z.strictObject({
  days: z
    .array(Weekday, typeError(`a list of days from ${Weekday.options.join(', ')}`))
    .min(1, 'at least one day'),
  start: Time,
  end: Time,
  constraints: z.array(WorkConstraint, typeError('a list of role constraints')).default([]),
  /** A short note about the role the employee wrote and saw in the letter before sending. */
  note: optional(Line),
});

/** 1. The employee's request, in their voice, to HR. */
const request = z.strictObject({
  ...letterBase,
  /** C2, the employee's own sentences, when they chose "in my own words". */
  reasonStatement: optional(Line),
  /** C2, the app's phrase the employee chose ("an intensive outpatient program"); absent: the default. */
  reasonPhrase: optional(Line),
  schedule: Schedule,
  /** Usual hours: the letter sets them against the sessions and says what is proposed instead. */
  work: optional(UsualWork),
  /** UK: a previous statutory flexible working request, which the request must mention. */
  previousFlexibleRequest: optional(CalendarDate),
  accommodations: z.array(Accommodation).min(1, 'at least one accommodation'),
  coverage: z.strictObject({
    /** How the time will be made up, e.g. "start at 7:30 AM on session days". */
    makeUpHours: optional(Line),
    /** How the work stays covered: handovers, meeting moves, who is the contact. */
    plan: lines(1, 16),
  }),
  /** A drafted statement of need in the employee's voice, if they used the assistant. */
  statementOfNeed: optional(Prose),
  replyWithinDays: z
    .number(typeError('a whole number of days'))
    .int('a whole number of days')
    .min(1)
    .max(60)
    .default(10),
});

/** 2. The form the employee gives their clinician; it goes back to HR directly. */
const providerVerification = z.strictObject({
  ...letterBase,
  /** The schedule as the employee understands it, for the clinician to confirm or correct. */
  schedule: Schedule,
  returnTo: HrContact.extend({ email: z.email({ error: 'an email address for HR' }) }),
  returnBy: optional(CalendarDate),
});

/** 3. HR tells the employee the request arrived and what happens next. */
const hrAcknowledgment = z
  .object({
    ...letterBase,
    submittedDate: CalendarDate,
    respondBy: CalendarDate,
    nextSteps: optional(lines(1, 6)),
  })
  .refine(afterOrOn('respondBy', 'submittedDate'), {
    path: ['respondBy'],
    message: 'a date on or after submittedDate',
  });

/** 4. HR asks for what it needs to decide, and no more. */
const documentationRequest = z.strictObject({
  ...letterBase,
  submittedDate: CalendarDate,
  /** Each thing HR needs confirmed, in work terms. */
  items: lines(1, 6),
  sendBy: CalendarDate,
  /** Whether the provider verification form goes with this letter. */
  formEnclosed: z.boolean({ error: 'true or false' }).default(true),
});

/** 5. HR offers something other than what was asked, and says why. */
const alternativeOffer = z.strictObject({
  ...letterBase,
  submittedDate: CalendarDate,
  /** What was asked, in one line, e.g. "leaving at 4:45 PM on Mondays and Wednesdays". */
  requested: Line,
  offer: z.strictObject({
    summary: Line,
    details: optional(lines(1, 6)),
    startDate: optional(CalendarDate),
    reviewDate: optional(CalendarDate),
  }),
  /** Why what was asked could not be done as asked. */
  reasons: lines(1, 6),
  replyBy: CalendarDate,
});

/** 6. HR approves; the manager hears the schedule and nothing else. */
const approval = z.strictObject({
  ...letterBase,
  schedule: Schedule.refine((schedule) => schedule.reviewDate !== null, {
    path: ['reviewDate'],
    message: 'a review date (approvals are reviewed)',
  }),
  /** What was agreed about make-up time and cover. */
  arrangements: optional(lines(1, 6)),
  /** The manager who is told the schedule, if any. */
  manager: optional(z.strictObject({ name: Line })),
});

/** 7. HR declines, with reasons, the process followed and the way back. */
const denial = z.strictObject({
  ...letterBase,
  submittedDate: CalendarDate,
  reasons: lines(1, 6),
  /** The interactive process as it happened, in order. */
  process: z
    .array(z.strictObject({ date: CalendarDate, step: Line }), typeError('a list of { date, step }'))
    .min(1, 'at least one step of the process followed'),
  alternativesConsidered: optional(lines(1, 6)),
  reconsiderBy: CalendarDate,
});

/** 8. The employee asks HR where things stand. */
const statusInquiry = z.strictObject({
  ...letterBase,
  submittedDate: CalendarDate,
  /** When the arrangement was hoped to start. */
  neededFrom: optional(CalendarDate),
  lastContactDate: optional(CalendarDate),
  replyWithinDays: z
    .number(typeError('a whole number of days'))
    .int('a whole number of days')
    .min(1)
    .max(30)
    .default(5),
});

/** 9. The employee asks to extend or review an arrangement in place. */
const extensionRequest = z.strictObject({
  ...letterBase,
  /** The arrangement as approved. */
  schedule: Schedule,
  approvedDate: optional(CalendarDate),
  extendUntil: CalendarDate,
  /** What changes, if anything, e.g. "sessions move to Tuesdays". */
  changes: optional(lines(1, 4)),
  /** In work terms, e.g. "my program has been extended by four weeks". */
  update: optional(Line),
});

export const letterSchemas = {
  request,
  provider_verification: providerVerification,
  hr_acknowledgment: hrAcknowledgment,
  documentation_request: documentationRequest,
  alternative_offer: alternativeOffer,
  approval,
  denial,
  status_inquiry: statusInquiry,
  extension_request: extensionRequest,
} as const;

export type LetterKind = keyof typeof letterSchemas;
export const letterKinds = Object.keys(letterSchemas) as LetterKind[];

/** What a caller passes: defaults may be left out. */
export type LetterData<K extends LetterKind> = z.input<(typeof letterSchemas)[K]>;
/** What a template sees: defaults applied, optional fields present as null. */
export type LetterValues<K extends LetterKind> = z.output<(typeof letterSchemas)[K]>;

export function isLetterKind(value: string): value is LetterKind {
  return Object.hasOwn(letterSchemas, value);
}

/** What a jurisdiction's law adds to a kind's schema. Messages say what is expected, as above. */
export function jurisdictionProblems(
  kind: LetterKind,
  value: unknown,
  jurisdiction: Jurisdiction,
): { path: string; expected: string }[] {
  void kind;
  void value;
  void jurisdiction;
  return [];
}
