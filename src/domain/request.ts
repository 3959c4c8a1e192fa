import { IANAZone } from 'luxon';
import { z } from 'zod';
import { typedByPerson } from '../privacy/private-text.js';
import { roles } from './roles.js';
import { commandTypes, requestEvents, requestStatuses, waitingOnValues } from './statuses.js';

/**
 * The accommodation request and its parts, by data class (DESIGN.md section 2):
 * C0 routing and C1 work facts are plain fields; everything the employee typed in their own words
 * lives under `sensitive` (C2/C3), which the store seals field by field before it touches Redis.
 */

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const Weekday = z.enum(weekdays);
export type Weekday = z.infer<typeof Weekday>;

/** Day names as people read them; letters, drafting and views all use this one table. */
export const weekdayNames: Readonly<Record<Weekday, string>> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
export const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:mm (24-hour)');

export const treatmentFormats = ['in_person', 'virtual', 'hybrid'] as const;

export const TreatmentSchedule = z.object({
  days: z.array(Weekday).min(1),
  sessionStart: ClockTime,
  sessionEnd: ClockTime,
  /** Minutes each way between work and the session. */
  travelMinutes: z.number().int().min(0).max(240),
  startDate: IsoDate,
  endDate: IsoDate,
  format: z.enum(treatmentFormats),
});
export type TreatmentSchedule = z.infer<typeof TreatmentSchedule>;

export const workConstraints = ['recurring_meetings', 'on_call', 'customer_hours', 'shift_work'] as const;

export const WorkPattern = z.object({
  days: z.array(Weekday).min(1),
  start: ClockTime,
  end: ClockTime,
  timeZone: z.string().min(1),
  constraints: z.array(z.enum(workConstraints)),
});
export type WorkPattern = z.infer<typeof WorkPattern>;

export const accommodationTypes = [
  'leave_early_start_late',
  'shifted_hours',
  'compressed_week',
  'remote_on_treatment_days',
  'reduced_hours',
  'intermittent_leave',
  'swap_shifts_oncall',
  'protected_calendar',
  'other',
] as const;
export const AccommodationType = z.enum(accommodationTypes);
export type AccommodationType = z.infer<typeof AccommodationType>;

export const jurisdictions = ['us', 'uk', 'ca'] as const;
export const Jurisdiction = z.enum(jurisdictions);
export type Jurisdiction = z.infer<typeof Jurisdiction>;

/** How much the employee tells HR about why. The default names no condition. */
export const reasonChoices = ['functional', 'program', 'own_words'] as const;
export const ReasonChoice = z.enum(reasonChoices);
export type ReasonChoice = z.infer<typeof ReasonChoice>;

export const Disclosure = z.object({
  reason: ReasonChoice,
  shareScheduleWithManager: z.boolean(),
  eapMayTrackStatus: z.boolean(),
  jurisdiction: Jurisdiction,
});
export type Disclosure = z.infer<typeof Disclosure>;

/**
 * The employee's own words, as read from a form, a command or storage: `PrivateText`, which no view,
 * letter, prompt or log builder accepts, until the employee releases them (privacy/private-text.ts).
 */
export const TypedText = z.string().transform((text) => typedByPerson(text));

/** Every free-text field: C2 at least, C3 wherever the detector or the employee says so. Sealed at rest. */
export const SensitiveFields = z.object({
  reasonOwnWords: TypedText.optional(),
  constraintsNote: TypedText.optional(),
  otherAccommodation: TypedText.optional(),
  coveragePlan: TypedText.optional(),
  statementOfNeed: TypedText.optional(),
  /** Only ever shown back to the employee. */
  privateNote: TypedText.optional(),
  /** The employee's optional comment on declining HR's alternative: private until released. */
  declineComment: TypedText.optional(),
  /**
   * A short note for the team, in the employee's words: their manager reads it with the approved
   * pattern only if they agreed the manager be told and sent it (`teamNoteReleased`).
   */
  teamNote: TypedText.optional(),
  /**
   * HR's own words. HR may write a health detail into them as easily as anyone, so they are sealed
   * like the employee's. Lists are kept as one JSON value per concept (read them through
   * `hr-words.ts`), because the store seals string fields one by one.
   */
  alternativeExplanation: z.string().optional(),
  denialExplanation: z.string().optional(),
  /** JSON: `[{ alternative, whyNot }]`, see `DenialAlternatives` in hr-words.ts. */
  denialAlternatives: z.string().optional(),
  denialReconsideration: z.string().optional(),
  /** JSON: `[{ at, by, text }]`, see `HrNotes` in hr-words.ts. HR-only. */
  hrNotes: z.string().optional(),
});
export type SensitiveFields = z.infer<typeof SensitiveFields>;
export const sensitiveFieldNames = Object.keys(SensitiveFields.shape) as (keyof SensitiveFields)[];

/**
 * The employee's fields whose text they may release to HR after seeing exactly what HR will read.
 * The private note is not among them: it is never released.
 */
export const releasableFields = [
  'reasonOwnWords',
  'constraintsNote',
  'otherAccommodation',
  'coveragePlan',
  'statementOfNeed',
  'declineComment',
] as const satisfies readonly (keyof SensitiveFields)[];
export const ReleasableField = z.enum(releasableFields);
export type ReleasableField = z.infer<typeof ReleasableField>;

/**
 * A working pattern as structured choices (C1): which hours on which days, between two dates.
 * Different days may have different hours (leave at 15:30 on session days, usual hours otherwise).
 */
export const WorkingHours = z.object({
  days: z.array(Weekday).min(1),
  start: ClockTime,
  end: ClockTime,
});
export type WorkingHours = z.infer<typeof WorkingHours>;

export const WorkingPattern = z
  .object({
    hours: z.array(WorkingHours).min(1).max(7),
    /** Days worked from home, if any. */
    remoteDays: z.array(Weekday).optional(),
    startDate: IsoDate,
    endDate: IsoDate,
    timeZone: z
      .string()
      .refine((zone) => IANAZone.isValidZone(zone), 'Please choose a time zone such as America/Chicago.'),
  })
  .refine((pattern) => pattern.endDate >= pattern.startDate, {
    path: ['endDate'],
    message: 'Please choose an end date on or after the start date.',
  })
  .refine(
    (pattern) => {
      const days = pattern.hours.flatMap((entry) => entry.days);
      return new Set(days).size === days.length;
    },
    { path: ['hours'], message: 'Please give each day its hours only once.' },
  );
export type WorkingPattern = z.infer<typeof WorkingPattern>;

/** What HR may ask a provider to confirm: work terms only, so no request can ask for a diagnosis. */
export const documentationItems = [
  'session_days_and_times',
  'expected_duration',
  'time_needed_away_from_work',
  'remote_work_on_session_days',
  'review_date',
] as const;
export const DocumentationItem = z.enum(documentationItems);
export type DocumentationItem = z.infer<typeof DocumentationItem>;

export const denialReasons = ['undue_hardship', 'essential_function', 'not_effective', 'other'] as const;
export const DenialReason = z.enum(denialReasons);
export type DenialReason = z.infer<typeof DenialReason>;

/** What kind of other arrangement a denial weighed; US law expects leave and reassignment among them. */
export const denialAlternativeKinds = ['leave', 'reassignment', 'schedule', 'remote', 'other'] as const;
export const DenialAlternativeKind = z.enum(denialAlternativeKinds);
export type DenialAlternativeKind = z.infer<typeof DenialAlternativeKind>;

/** Employment Rights Act 1996 s.80G(1)(b): the only business reasons a flexible working refusal may rest on. */
export const flexibleWorkingGrounds = [
  'additional_costs',
  'customer_demand',
  'reorganise_work',
  'recruit_staff',
  'quality',
  'performance',
  'insufficient_work',
  'structural_changes',
] as const;
export const FlexibleWorkingGround = z.enum(flexibleWorkingGrounds);
export type FlexibleWorkingGround = z.infer<typeof FlexibleWorkingGround>;

export const Documentation = z.object({
  requestedAt: z.string(),
  requestedBy: z.string(),
  items: z.array(DocumentationItem).min(1),
  /** When the employee said they had asked their provider (the provider answers HR directly). */
  providerAskedAt: z.string().optional(),
  receivedAt: z.string().optional(),
});

export const AlternativeOffer = z.object({
  offeredAt: z.string(),
  offeredBy: z.string(),
  pattern: WorkingPattern,
  respondBy: z.string(),
  response: z.enum(['accepted', 'declined']).optional(),
  respondedAt: z.string().optional(),
});

export const Approval = z.object({
  approvedAt: z.string(),
  approvedBy: z.string(),
  pattern: WorkingPattern,
  reviewDate: IsoDate,
});

export const Denial = z.object({
  deniedAt: z.string(),
  deniedBy: z.string(),
  reason: DenialReason,
  /** The date the employee may ask for reconsideration until (absent on denials from before it was asked). */
  reconsiderBy: IsoDate.optional(),
  /** UK: when HR consulted the employee, which must come before a refusal. */
  consultedOn: IsoDate.optional(),
  /** UK: the statutory ground for refusing the request as a flexible working request. */
  flexibleWorkingGround: FlexibleWorkingGround.optional(),
});

export const ExtensionAsk = z.object({
  requestedAt: z.string(),
  until: IsoDate,
  decidedAt: z.string().optional(),
  /** HR's answer: extended (possibly with changed hours), declined (dates kept), or ended. */
  outcome: z.enum(['extended', 'declined', 'ended']).optional(),
});

/**
 * HR's decision clock. It runs in business days and pauses while the process waits on the employee
 * or their provider: `pausedDaysLeft` holds what was left when it paused, `decisionDueAt` is unset
 * meanwhile.
 */
export const HrClock = z.object({
  decisionDueAt: z.string().optional(),
  pausedDaysLeft: z.number().int().min(0).optional(),
});

export const Reference = z.string().regex(/^ACC-\d{4}-\d{4,}$/, 'a reference like ACC-2026-0042');

export const AccommodationRequest = z.object({
  id: Reference,
  teamId: z.string().min(1),
  employeeId: z.string().min(1),
  status: z.enum(requestStatuses),
  /** Incremented on every write; the store refuses a write made from an older version. */
  version: z.number().int().nonnegative(),
  createdAt: z.string(),
  updatedAt: z.string(),
  statusChangedAt: z.string(),
  submittedAt: z.string().optional(),
  reviewDate: IsoDate.optional(),
  /** Who the process waits on now; absent on records written before it existed (read as derived). */
  waitingOn: z.enum(waitingOnValues).optional(),
  /** When the answer of whoever the process waits on is due (an ISO instant). */
  dueAt: z.string().optional(),
  acknowledgedAt: z.string().optional(),
  decidedAt: z.string().optional(),
  closedAt: z.string().optional(),
  /** The employee's manager, told the approved pattern only if the employee agreed. */
  managerId: z.string().min(1).optional(),
  /** When the manager was told an approved pattern: later changes reach them only if they were. */
  managerToldAt: z.string().optional(),
  /** The last change the manager was told of (their Home shows its state); routing data only. */
  managerToldOf: z.enum(['approved', 'extended', 'ended', 'withdrawn']).optional(),
  /**
   * The employee released their note for the team to their manager: they saw it under "what your
   * manager reads" and sent it, and no health detail was found in it. The text stays sealed.
   */
  teamNoteReleased: z.literal(true).optional(),
  /** The HR member handling the request. */
  assigneeId: z.string().min(1).optional(),
  hrClock: HrClock.optional(),
  documentation: Documentation.optional(),
  alternative: AlternativeOffer.optional(),
  approval: Approval.optional(),
  denial: Denial.optional(),
  extension: ExtensionAsk.optional(),
  /** Who gave the last command and which: a late second click is told who acted first. */
  lastActorId: z.string().optional(),
  lastAction: z.enum(commandTypes).optional(),
  /** The last "Ask HR for an update": one per period, and only once HR's answer is overdue. */
  lastUpdateRequestedAt: z.string().optional(),
  /**
   * Which of the employee's fields they released to HR (the privacy layer's `release()` sets this
   * after the "what HR will read" preview, and clears an entry when that text changes). The text
   * itself stays sealed in `sensitive`.
   */
  released: z.array(ReleasableField).optional(),
  schedule: TreatmentSchedule,
  work: WorkPattern,
  accommodations: z.array(AccommodationType).min(1),
  disclosure: Disclosure,
  sensitive: SensitiveFields,
});
export type AccommodationRequest = z.infer<typeof AccommodationRequest>;

/** An audit entry is C0 only: who did what, when. Never the content of what they wrote. */
export const AuditEntry = z.object({
  at: z.string(),
  actorRole: z.enum(roles),
  actorId: z.string(),
  action: z.union([
    z.enum(commandTypes),
    // Names written by older versions; still read.
    z.enum(requestEvents),
    z.enum(['created', 'edited', 'viewed', 'exported', 'reminded', 'update_requested', 'not_permitted']),
  ]),
  /** The other person an action concerns (the new assignee), as an id. */
  subjectId: z.string().optional(),
  fromStatus: z.enum(requestStatuses).optional(),
  toStatus: z.enum(requestStatuses).optional(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
