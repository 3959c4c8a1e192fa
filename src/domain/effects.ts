import { z } from 'zod';
import { Reference } from './request.js';

/**
 * What a decided change asks the world to do (DESIGN.md section 3). `decide` returns effects; the
 * store writes them to the request's outbox in the same atomic step as the record and its audit
 * entry; the outbox worker delivers them. An effect carries routing data (C0) only: ids and kinds.
 * What a message says is built at delivery time from the audience's projection, so the outbox never
 * holds a word the employee typed.
 */

/** Who an outbound thing is for. Every Slack call, view, letter, prompt and log line has one. */
export const audiences = ['employee', 'hr', 'eap', 'manager', 'channel', 'model', 'log'] as const;
export const Audience = z.enum(audiences);
export type Audience = z.infer<typeof Audience>;

/** Reminders and escalations, each scheduled and cancelled by effects with a stable id. */
export const reminderKinds = [
  'hr_acknowledge_due',
  'hr_decision_due',
  'hr_escalation',
  'employee_response_due',
  'review_due',
  'draft_idle',
  'close_after_grace',
] as const;
export const ReminderKind = z.enum(reminderKinds);
export type ReminderKind = z.infer<typeof ReminderKind>;

const requestId = Reference;

/**
 * The events effects name (`event` of the thread reply and the DMs). Wording is chosen at delivery
 * from these names; a name says what happened, never why.
 */
export const lifecycleEvents = [
  'submitted',
  'acknowledged',
  'assigned',
  'documentation_requested',
  'provider_form',
  'provider_pending',
  'documentation_received',
  'alternative_offered',
  'alternative_accepted',
  'alternative_declined',
  'approved',
  'denied',
  'note_added',
  'closed',
  'withdrawn',
  'update_requested',
  'review_due',
  'extension_requested',
  'extended',
  'extension_declined',
  'ended',
  'erased',
  'purged',
  'text_released',
] as const;
export type LifecycleEvent = (typeof lifecycleEvents)[number];

export const Effect = z.discriminatedUnion('kind', [
  /** Post HR's request card, or update it in place (chat.update) when it exists. */
  z.object({ kind: z.literal('hr_card'), requestId }),
  /**
   * A reply in the card's thread naming the event, never a reason; with `letter`, an "Open letter"
   * button for a letter to HR (a status inquiry, an extension request).
   */
  z.object({
    kind: z.literal('hr_thread'),
    requestId,
    event: z.string().min(1),
    letter: z.string().min(1).optional(),
  }),
  /** A DM to the employee about an event, optionally with a letter behind an "Open letter" button. */
  z.object({
    kind: z.literal('employee_dm'),
    requestId,
    event: z.string().min(1),
    letter: z.string().min(1).optional(),
  }),
  /** The approved working pattern (or its change) to the manager, only with the employee's consent. */
  z.object({ kind: z.literal('manager_dm'), requestId, event: z.string().min(1) }),
  /** Status and dates to a consenting employee's EAP coordinator. */
  z.object({ kind: z.literal('eap_dm'), requestId, event: z.string().min(1) }),
  /** Republish one person's Home tab. */
  z.object({ kind: z.literal('refresh_home'), userId: z.string().min(1) }),
  z.object({ kind: z.literal('schedule_reminder'), requestId, reminder: ReminderKind, at: z.string() }),
  z.object({ kind: z.literal('cancel_reminder'), requestId, reminder: ReminderKind }),
  /**
   * Delete what the app posted about the request where Slack allows: the employee's DMs about it
   * (an erase: HR keeps its card until retention ends), or, with `everything` (the purge), every
   * message and file remembered with it: HR's card and thread, DMs, reminders, letters, exports.
   */
  z.object({ kind: z.literal('delete_slack_posts'), requestId, everything: z.boolean().optional() }),
]);
export type Effect = z.infer<typeof Effect>;
export type EffectKind = Effect['kind'];

/**
 * An effect as stored in the outbox: `id` is stable (`<request>:<version>:<index>`), so a replayed
 * transition, a retried job or a second worker finds the same id and does nothing twice.
 */
export const OutboxEntry = z.object({
  id: z.string().min(1),
  teamId: z.string().min(1),
  effect: Effect,
  createdAt: z.string(),
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;

export function outboxEntryId(requestId: string, version: number, index: number): string {
  return `${requestId}:${version}:${index}`;
}
