import { z } from 'zod';
import { AccommodationType, Disclosure, SensitiveFields, TreatmentSchedule, WorkPattern } from './request.js';

export const intakeSteps = ['schedule', 'work', 'help', 'disclosure', 'review'] as const;
export const IntakeStep = z.enum(intakeSteps);
export type IntakeStep = z.infer<typeof IntakeStep>;

/**
 * A request being written. Saved after every step so nothing typed is lost; every part is optional
 * until the review step checks the whole.
 */
export const Draft = z.object({
  draftId: z.string().min(1),
  step: IntakeStep,
  startedAt: z.string(),
  updatedAt: z.string(),
  schedule: TreatmentSchedule.partial().optional(),
  work: WorkPattern.partial().optional(),
  accommodations: z.array(AccommodationType).optional(),
  disclosure: Disclosure.partial().optional(),
  /** The manager the employee named (a Slack user id): told anything only with their consent. */
  managerId: z.string().min(1).optional(),
  sensitive: SensitiveFields,
});
export type Draft = z.infer<typeof Draft>;

/** One turn of the assistant chat, already redacted: placeholders stand where health details were. */
export const RedactedTurn = z.object({
  role: z.enum(['user', 'assistant']),
  content: z.string(),
  at: z.string(),
});
export type RedactedTurn = z.infer<typeof RedactedTurn>;

/** Per (team, user) state that lives only while the employee is active (idle TTL). */
export const Conversation = z.object({
  teamId: z.string().min(1),
  userId: z.string().min(1),
  draft: Draft.optional(),
  turns: z.array(RedactedTurn),
  updatedAt: z.string(),
});
export type Conversation = z.infer<typeof Conversation>;

/** Per-user facts that outlive a conversation: C0 only. */
export const EmployeeProfile = z.object({
  teamId: z.string().min(1),
  userId: z.string().min(1),
  noticeAcceptedAt: z.string().optional(),
  /** The kind note about Slack keeping DM history is said once. */
  historyNoteShownAt: z.string().optional(),
  /** The employee turned off the nudge about a draft left alone (from the nudge's own button). */
  draftNudgesOffAt: z.string().optional(),
});
export type EmployeeProfile = z.infer<typeof EmployeeProfile>;
