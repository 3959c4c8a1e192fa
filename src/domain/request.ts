import { z } from 'zod';
import { roles } from './roles.js';
import { requestEvents, requestStatuses } from './status.js';

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

/** Every free-text field: C2 at least, C3 wherever the detector or the employee says so. Sealed at rest. */
export const SensitiveFields = z.object({
  reasonOwnWords: z.string().optional(),
  constraintsNote: z.string().optional(),
  otherAccommodation: z.string().optional(),
  coveragePlan: z.string().optional(),
  statementOfNeed: z.string().optional(),
  /** Only ever shown back to the employee. */
  privateNote: z.string().optional(),
});
export type SensitiveFields = z.infer<typeof SensitiveFields>;
export const sensitiveFieldNames = Object.keys(SensitiveFields.shape) as (keyof SensitiveFields)[];

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
  /** When the next reminder fires for whoever the process is waiting on. */
  dueAt: z.string().optional(),
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
    z.enum(requestEvents),
    z.enum(['created', 'edited', 'viewed', 'exported', 'reminded', 'update_requested']),
  ]),
  fromStatus: z.enum(requestStatuses).optional(),
  toStatus: z.enum(requestStatuses).optional(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
