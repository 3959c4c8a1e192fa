import type { ReminderKind } from '../domain/effects.js';

/** Which outbox entry a job delivers: the store holds the entry itself. */
export interface EntryRef {
  readonly teamId: string;
  readonly entryId: string;
}

export interface ReminderRef {
  readonly teamId: string;
  /** The request's reference; for `draft_idle`, the draft's id (a draft has no reference yet). */
  readonly requestId: string;
  readonly reminder: ReminderKind;
  /** Whose draft, for `draft_idle`: drafts are kept per person, not per reference. */
  readonly userId?: string;
}

/**
 * How committed effects reach the worker. Two implementations, one behaviour: BullMQ on the app's
 * Redis, and an in-process loop for the demo's in-memory store. Either way the store's outbox is
 * the truth: a job only says "look at this entry", so a duplicate job, a replay or a second worker
 * finds the entry settled and does nothing.
 */
export interface EffectQueue {
  readonly kind: 'bullmq' | 'in-process';
  /** Queues delivery of committed entries; an entry already queued is not queued twice. */
  enqueue(entries: readonly EntryRef[]): Promise<void>;
  /** Queues an entry again even if an old finished job has its id (a revived dead letter). */
  requeue(entry: EntryRef): Promise<void>;
  /** One delayed job per (request, reminder): scheduling again moves it, never doubles it. */
  scheduleReminder(reminder: ReminderRef, at: Date): Promise<void>;
  cancelReminder(reminder: ReminderRef): Promise<void>;
  /**
   * Runs the retention sweep (closing finished requests after their grace period, purging closed
   * ones after retention) every `everyMs` over every workspace with data, whichever worker picks it
   * up: one schedule however many replicas ask for it, and never two runs at once.
   */
  scheduleRetention(everyMs: number): Promise<void>;
  /** Starts working on this process; stop with the returned function. */
  startWorker(handlers: WorkerHandlers): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface WorkerHandlers {
  /** Delivers one entry; the outcome says whether to try again and when. */
  deliver(entry: EntryRef, attempt: number): Promise<EntryOutcome>;
  /** Does a reminder; `later` asks for it again then (quiet hours, a channel's pace), same job id. */
  remind(reminder: ReminderRef): Promise<RemindOutcome>;
  /** Re-queues entries that were committed but never queued. */
  sweep(): Promise<void>;
  /** One retention run over every workspace with data: closes and purges what is due. */
  retention(): Promise<void>;
}

export type RemindOutcome = undefined | { readonly later: Date };

export type EntryOutcome =
  | { readonly kind: 'done' }
  /** Already done, dead or unknown: nothing to do. */
  | { readonly kind: 'settled' }
  /** Try again after `afterMs`; `counts` is false for waiting that is not a failure. */
  | { readonly kind: 'retry'; readonly afterMs: number; readonly counts: boolean }
  | { readonly kind: 'dead' };

/** A job id from an entry id: stable, so BullMQ refuses a second job for the same entry. */
export function deliveryJobId({ teamId, entryId }: EntryRef): string {
  return `deliver.${teamId}.${entryId}`.replaceAll(':', '.');
}

export function reminderJobId({ teamId, requestId, reminder }: ReminderRef): string {
  return `remind.${teamId}.${requestId}.${reminder}`.replaceAll(':', '.');
}

/** The retention schedule: one id, so a second replica's schedule replaces the first. */
export const RETENTION_SCHEDULER = 'retention';

/**
 * Earlier versions kept one retention schedule per workspace (`retention.<team>`), for the bot
 * token's workspace only; the one schedule now covers every workspace, so those are removed.
 */
export function isPerWorkspaceRetentionScheduler(id: string): boolean {
  return id.startsWith(`${RETENTION_SCHEDULER}.`);
}
