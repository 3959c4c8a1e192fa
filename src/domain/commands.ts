import { z } from 'zod';
import { typedByPerson } from '../privacy/private-text.js';
import {
  AccommodationType,
  DenialAlternativeKind,
  DenialReason,
  Disclosure,
  DocumentationItem,
  FlexibleWorkingGround,
  IsoDate,
  Reference,
  ReleasableField,
  TreatmentSchedule,
  TypedText,
  Weekday,
  WorkingHours,
  WorkingPattern,
  WorkPattern,
} from './request.js';
import { type CommandType, commandTypes } from './statuses.js';
import { textLimits } from './text-limits.js';

/**
 * What each command carries, checked with zod at the boundary and again inside `decide`. HR's
 * forms ask only what their command needs, so each schema is that form's whole content. Messages
 * are written for the person filling the form and never repeat what they typed.
 */

const required = (what: string, max: number) =>
  z
    .string({ error: `Please fill in ${what}.` })
    .trim()
    .min(1, `Please fill in ${what}.`)
    .max(max, `Please keep ${what} under ${max} characters.`);

const Empty = z.object({}).strict();

/** The employee's own words from the draft; the private note never leaves the draft. */
const SubmittedWords = z
  .object({
    reasonOwnWords: TypedText.optional(),
    constraintsNote: TypedText.optional(),
    otherAccommodation: TypedText.optional(),
    coveragePlan: TypedText.optional(),
    statementOfNeed: TypedText.optional(),
    privateNote: TypedText.optional(),
    teamNote: TypedText.optional(),
  })
  .strict();

export const SubmitPayload = z
  .object({
    /** From the store's `nextReference`: the reference is routing data the store hands out. */
    reference: Reference,
    teamId: z.string().min(1),
    schedule: TreatmentSchedule,
    work: WorkPattern,
    accommodations: z.array(AccommodationType).min(1),
    disclosure: Disclosure,
    sensitive: SubmittedWords,
    reviewDate: IsoDate.optional(),
    /** The manager the employee named; told anything only with `disclosure.shareScheduleWithManager`. */
    managerId: z.string().min(1).optional(),
    /** Fields the employee released on the "what HR will read" screen before sending. */
    released: z.array(ReleasableField).optional(),
    /** The note for the team, released to the manager (kept only with consent and a note). */
    teamNoteReleased: z.literal(true).optional(),
  })
  .strict()
  .refine((p) => p.schedule.endDate >= p.schedule.startDate, {
    path: ['schedule', 'endDate'],
    message: 'The end date needs to be on or after the start date.',
  });

export const AcknowledgePayload = Empty;

export const AssignPayload = z
  .object({ assigneeId: z.string().min(1, 'Please choose who handles it.') })
  .strict();

/**
 * The EEOC allows a medical inquiry only when the need is neither obvious nor already known: HR
 * confirms both before the documentation request goes out, and asks only for work terms.
 */
export const RequestDocumentationPayload = z
  .object({
    needNotObvious: z.literal(true, {
      error: 'Please confirm that the need for this change is not obvious.',
    }),
    notAlreadyDocumented: z.literal(true, {
      error: 'Please confirm that the need is not already documented.',
    }),
    items: z
      .array(DocumentationItem, { error: 'Please choose what the provider should confirm.' })
      .min(1, 'Please choose what the provider should confirm.'),
  })
  .strict();

export const ProviderPendingPayload = Empty;
export const DocumentationReceivedPayload = Empty;

export const OfferAlternativePayload = z
  .object({
    pattern: WorkingPattern,
    explanation: required('a short explanation', 600),
  })
  .strict();

export const AcceptAlternativePayload = Empty;

export const DeclineAlternativePayload = z
  .object({
    /** Private until the employee releases it. */
    comment: z
      .string()
      .trim()
      .max(1000, 'Please keep your comment under 1000 characters.')
      .transform((text) => typedByPerson(text))
      .optional(),
  })
  .strict();

export const ApprovePayload = z
  .object({
    pattern: WorkingPattern,
    reviewDate: IsoDate,
    /**
     * The manager to tell, when the employee agreed to it and did not name one: HR knows who
     * manages whom. Ignored without the employee's consent.
     */
    managerId: z.string().min(1).optional(),
  })
  .strict()
  .refine((p) => p.reviewDate >= p.pattern.startDate, {
    path: ['reviewDate'],
    message: 'The review date needs to be on or after the start date.',
  });

export const DenialAlternative = z
  .object({
    /** Absent on denials written before kinds were asked: read as "other". */
    kind: DenialAlternativeKind.optional(),
    alternative: required('the alternative considered', textLimits.line),
    whyNot: required('why that alternative would not work', textLimits.line),
  })
  .strict();
export type DenialAlternative = z.infer<typeof DenialAlternative>;

/**
 * A denial states its reason, explains it, shows the alternatives weighed and the way back: how to
 * ask for reconsideration and by when. Each text goes into the letter as one line, so each has a
 * letter line's length. What a jurisdiction's law adds (US: leave and reassignment weighed; UK: the
 * consultation date and the statutory ground) the letter's own schema checks before this is given.
 */
export const DenyPayload = z
  .object({
    reason: DenialReason,
    explanation: required('the explanation', textLimits.line),
    alternativesConsidered: z
      .array(DenialAlternative, { error: 'Please list the alternatives considered.' })
      .min(1, 'Please list at least one alternative considered and why it would not work.')
      .max(6, 'Please list at most 6 alternatives.'),
    reconsideration: required('how to ask for reconsideration', textLimits.line),
    reconsiderBy: IsoDate.optional(),
    consultedOn: IsoDate.optional(),
    flexibleWorkingGround: FlexibleWorkingGround.optional(),
  })
  .strict();

export const AddNotePayload = z.object({ text: required('the note', 2000) }).strict();

export const ClosePayload = Empty;
export const WithdrawPayload = Empty;
export const RequestUpdatePayload = Empty;
export const MarkReviewDuePayload = Empty;

export const RequestExtensionPayload = z.object({ until: IsoDate }).strict();

/** HR extends an arrangement: new end and review dates, and new hours if they change. */
export const ExtendPayload = z
  .object({
    endDate: IsoDate,
    reviewDate: IsoDate,
    hours: z.array(WorkingHours).min(1).max(7).optional(),
    remoteDays: z.array(Weekday).optional(),
  })
  .strict()
  .refine((p) => p.reviewDate <= p.endDate, {
    path: ['reviewDate'],
    message: 'The review date needs to be on or before the new end date.',
  });

/** HR keeps the arrangement's dates as they are: the extension asked for is not given. */
export const DeclineExtensionPayload = Empty;

export const EndPayload = Empty;
export const ErasePayload = Empty;
export const PurgePayload = Empty;
export const CloseAfterGracePayload = Empty;

/**
 * The employee shares some of their words with HR, after the "what HR will read" preview. The
 * privacy layer checks the exact text first (text that names a health detail cannot be released)
 * and only then gives this command; `decide` records which fields, never the text.
 */
export const ReleasePayload = z
  .object({
    fields: z
      .array(ReleasableField, { error: 'Please choose what to share with HR.' })
      .min(1, 'Please choose what to share with HR.'),
  })
  .strict();

export const commandPayloads = {
  submit: SubmitPayload,
  acknowledge: AcknowledgePayload,
  assign: AssignPayload,
  request_documentation: RequestDocumentationPayload,
  provider_pending: ProviderPendingPayload,
  documentation_received: DocumentationReceivedPayload,
  offer_alternative: OfferAlternativePayload,
  accept_alternative: AcceptAlternativePayload,
  decline_alternative: DeclineAlternativePayload,
  approve: ApprovePayload,
  deny: DenyPayload,
  add_note: AddNotePayload,
  close: ClosePayload,
  withdraw: WithdrawPayload,
  request_update: RequestUpdatePayload,
  mark_review_due: MarkReviewDuePayload,
  request_extension: RequestExtensionPayload,
  extend: ExtendPayload,
  end: EndPayload,
  erase: ErasePayload,
  purge: PurgePayload,
  close_after_grace: CloseAfterGracePayload,
  release: ReleasePayload,
  record_export: Empty,
  decline_extension: DeclineExtensionPayload,
} as const satisfies Record<CommandType, z.ZodType>;

export type CommandPayload<T extends CommandType> = z.infer<(typeof commandPayloads)[T]>;

/** A command as `decide` takes it: its type and its payload, checked against the type's schema. */
export type Command = {
  [T in CommandType]: { readonly type: T; readonly payload: CommandPayload<T> };
}[CommandType];

/** The same as a zod schema, for listeners and the worker that parse commands from outside. */
export const Command = z.discriminatedUnion(
  'type',
  commandTypes.map((type) =>
    z.object({ type: z.literal(type), payload: commandPayloads[type] }),
  ) as unknown as [
    z.ZodObject<{ type: z.ZodLiteral<CommandType>; payload: z.ZodType }>,
    ...z.ZodObject<{ type: z.ZodLiteral<CommandType>; payload: z.ZodType }>[],
  ],
) as unknown as z.ZodType<Command>;

/** A command whose payload is whatever arrived: `decide` checks it. */
export interface UncheckedCommand {
  readonly type: CommandType;
  readonly payload: unknown;
}
