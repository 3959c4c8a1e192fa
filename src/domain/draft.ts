import { z } from 'zod';
import { forItsAuthor } from '../privacy/private-text.js';
import {
  AccommodationType,
  Disclosure,
  SensitiveFields,
  TreatmentSchedule,
  TypedText,
  WorkPattern,
} from './request.js';

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

/** The words of a draft or request as plain text, for their author's own screens only. */
export type AuthorWords = { readonly [K in keyof SensitiveFields]?: string };

/** A draft as its author's own forms show it: their words given back to them as text. */
export type AuthorDraft = Omit<Draft, 'sensitive'> & { readonly sensitive: AuthorWords };

/** The words back to their author (the one audience they go to as typed). */
export function wordsForItsAuthor(sensitive: SensitiveFields): AuthorWords {
  return Object.fromEntries(
    Object.entries(sensitive).map(([field, text]) => [field, forItsAuthor(text as never) as string]),
  ) as AuthorWords;
}

export function draftForItsAuthor(draft: Draft): AuthorDraft {
  return { ...draft, sensitive: wordsForItsAuthor(draft.sensitive) };
}

/**
 * One turn of the assistant chat, already redacted: placeholders stand where health details were.
 * The words stay `PrivateText` on both sides (redaction is a detector and can miss, and an answer can
 * quote the question): the chat is never released, so the redactor, `maskForModel` and the author's
 * own screens are its only ways out, as for the intake's fields.
 */
export const RedactedTurn = z.object({
  role: z.enum(['user', 'assistant']),
  content: TypedText,
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
