import { z } from 'zod';
import {
  denialAlternativeKinds,
  denialReasons,
  flexibleWorkingGrounds,
  type Jurisdiction,
} from '../domain/request.js';
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
  TimeZone,
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
  /**
   * The schedule as the employee understands it, for the clinician to confirm or correct. Only
   * days, times and dates are printed: travel and review dates are not the clinician's to confirm.
   */
  schedule: Schedule,
  /**
   * US: the employee chose to add the consent that federal rules on confidential treatment records
   * (42 CFR Part 2) need, with the notice against passing the answers on. The form never says why.
   */
  part2Consent: z.boolean({ error: 'true or false' }).default(false),
  returnTo: HrContact.extend({ email: z.email({ error: 'an email address for HR' }) }),
  returnBy: optional(CalendarDate),
});

/** 3. HR tells the employee the request arrived and what happens next. */
const hrAcknowledgment = z
  .object({
    ...letterBase,
    /** A named contact: the employee knows who to talk to. */
    hr: HrContact.extend({ name: Line }),
    submittedDate: CalendarDate,
    /** The reply date the employee asked for; HR's reply date may not be later. */
    replyRequestedBy: optional(CalendarDate),
    respondBy: CalendarDate,
    /** When the employee asked the change to start. */
    requestedStartDate: optional(CalendarDate),
    /** What happens meanwhile, when the start date comes before the decision. */
    interim: optional(Line),
    /** How to reach the Employee Assistance Program, if the organisation has one. */
    eapContact: optional(Line),
    nextSteps: optional(lines(1, 6)),
  })
  .refine(afterOrOn('respondBy', 'submittedDate'), {
    path: ['respondBy'],
    message: 'a date on or after submittedDate',
  })
  .refine((data) => !data.replyRequestedBy || data.respondBy <= data.replyRequestedBy, {
    path: ['respondBy'],
    message: 'a date on or before replyRequestedBy, the date the employee asked for',
  })
  .refine(
    (data) => !data.requestedStartDate || data.requestedStartDate > data.respondBy || data.interim !== null,
    {
      path: ['interim'],
      message: 'an interim arrangement, because the requested start date comes before the reply',
    },
  );

/** 4. HR asks for what it needs to decide, and no more. */
const documentationRequest = z.strictObject({
  ...letterBase,
  submittedDate: CalendarDate,
  /** Each thing HR needs confirmed, in work terms. */
  items: lines(1, 6),
  sendBy: CalendarDate,
  /** Whether the provider verification form, with its consent, goes with this letter. */
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

/** One row of a working pattern: these days, these hours. */
const PatternRow = z
  .strictObject({
    days: z
      .array(Weekday, typeError(`a list of days from ${Weekday.options.join(', ')}`))
      .min(1, 'at least one day'),
    start: Time,
    end: Time,
  })
  .refine((row) => row.end > row.start, { path: ['end'], message: 'a time after start' });

/**
 * The approved working pattern: working days and hours and the dates, nothing about appointments.
 * It is all a manager is ever told, so it cannot carry session or return times by construction.
 */
export const ApprovedPattern = z
  .strictObject({
    rows: z.array(PatternRow, typeError('a list of { days, start, end }')).min(1).max(7),
    /** Days not listed keep their usual hours. */
    otherDaysUnchanged: z.boolean({ error: 'true or false' }).default(true),
    startDate: CalendarDate,
    endDate: CalendarDate,
    reviewDate: CalendarDate,
    timeZone: TimeZone,
  })
  .refine(afterOrOn('endDate', 'startDate'), { path: ['endDate'], message: 'a date on or after startDate' })
  .refine(afterOrOn('reviewDate', 'startDate'), {
    path: ['reviewDate'],
    message: 'a date on or after startDate',
  });
export type ApprovedPattern = z.output<typeof ApprovedPattern>;

/** 6. HR approves; the manager hears the working pattern and nothing else. */
const approval = z.strictObject({
  ...letterBase,
  approved: ApprovedPattern,
  /** What was agreed about make-up time and cover. */
  arrangements: optional(lines(1, 6)),
  /** The manager who is told the pattern, if the employee agreed to that. */
  manager: optional(z.strictObject({ name: Line })),
  /** How the review happens, e.g. "a 20-minute call with Jordan Lee". */
  reviewHow: optional(Line),
});

/** The reason a denial rests on; "other" is explained in HR's own words alone. */
export const denialBases = denialReasons;
export const alternativeKinds = denialAlternativeKinds;
export { flexibleWorkingGrounds };

/** 7. HR declines, with reasons, the process followed and the way back. */
const denialSchema = z.strictObject({
  ...letterBase,
  submittedDate: CalendarDate,
  /** Each reason names its basis in law and says what it means for this job. */
  reasons: z
    .array(
      z.strictObject({
        basis: z.enum(denialBases, { error: `one of ${denialBases.join(', ')}` }),
        explanation: Line,
      }),
      typeError('a list of { basis, explanation }'),
    )
    .min(1, 'at least one specific reason')
    .max(4),
  /** The interactive process as it happened, in order. */
  process: z
    .array(z.strictObject({ date: CalendarDate, step: Line }), typeError('a list of { date, step }'))
    .min(1, 'at least one step of the process followed'),
  /** Every other option looked at, and why each would not work. */
  alternativesConsidered: z
    .array(
      z.strictObject({
        kind: z.enum(alternativeKinds, { error: `one of ${alternativeKinds.join(', ')}` }),
        option: Line,
        whyNot: Line,
      }),
      typeError('a list of { kind, option, whyNot }'),
    )
    .min(1, 'at least one alternative considered, with why it would not work')
    .max(6),
  reconsiderBy: CalendarDate,
  /** How to ask for reconsideration, in HR's words, beside the standard way (reply to the letter). */
  reconsiderHow: optional(Line),
  /** UK: the date HR consulted the employee, which must come before any refusal. */
  consultedOn: optional(CalendarDate),
  /** UK: the statutory ground for refusing the flexible working request. */
  flexibleWorkingGround: optional(
    z.enum(flexibleWorkingGrounds, { error: `one of ${flexibleWorkingGrounds.join(', ')}` }),
  ),
  /** Canada: the employee's union, when there is one. */
  union: optional(Line),
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
  /** When the extended arrangement would next be reviewed. */
  newReviewDate: optional(CalendarDate),
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
  denial: denialSchema,
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
  if (kind !== 'denial') return [];
  const letter = value as z.output<typeof denialSchema>;
  const problems: { path: string; expected: string }[] = [];
  if (jurisdiction === 'us') {
    // EEOC guidance: leave and reassignment to a vacant job are accommodations to weigh before saying no.
    for (const needed of ['leave', 'reassignment'] as const) {
      if (!letter.alternativesConsidered.some((alternative) => alternative.kind === needed)) {
        problems.push({
          path: 'alternativesConsidered',
          expected: `an alternative of kind "${needed}" and why it would not work (US law expects it considered)`,
        });
      }
    }
  }
  if (jurisdiction === 'uk') {
    if (!letter.consultedOn) {
      problems.push({
        path: 'consultedOn',
        expected: 'the date the employee was consulted (required before refusing)',
      });
    } else if (letter.consultedOn > letter.date) {
      problems.push({ path: 'consultedOn', expected: 'a date on or before the letter’s date' });
    }
    if (!letter.flexibleWorkingGround) {
      problems.push({
        path: 'flexibleWorkingGround',
        expected: `one of ${flexibleWorkingGrounds.join(', ')} (the statutory ground for refusing)`,
      });
    }
  }
  return problems;
}
