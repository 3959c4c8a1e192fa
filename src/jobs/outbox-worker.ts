import { randomUUID } from 'node:crypto';
import type { OutboxEntry } from '../domain/effects.js';
import type { Logger } from '../logger.js';
import type { DeadLetter, Store } from '../store/types.js';
import type { EntryOutcome, EntryRef } from './effect-queue.js';
import { classifyFailure } from './slack-failure.js';

export interface RetryPolicy {
  /** Tries before a dead letter (the first one included). */
  readonly maxAttempts: number;
  /** The wait after the first failure; doubled each time after, up to `maxDelayMs`. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** How long one delivery may hold its entry before another worker may take it over. */
  readonly leaseMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 8,
  baseDelayMs: 2000,
  maxDelayMs: 10 * 60_000,
  leaseMs: 60_000,
};

export interface EntryDeliveryDeps {
  readonly store: Store;
  readonly logger: Logger;
  readonly policy: RetryPolicy;
  /** Does what the entry's effect asks (post, update, schedule...); throws on failure. */
  readonly perform: (entry: OutboxEntry) => Promise<void>;
  /** Tells people about a dead letter (HR's channel); best effort. */
  readonly announceDead?: (letter: DeadLetter) => Promise<void>;
  readonly now?: () => Date;
}

/**
 * Delivers one outbox entry, once, whatever the queue. A lease in the store keeps two workers from
 * delivering the same entry at the same time; marking it done is atomic, so a duplicate job finds
 * it settled. Failures are sorted into "try again" (with Slack's Retry-After when given, else a
 * doubling backoff) and "no use trying", and after the bound the entry becomes a dead letter that
 * the logs, HR's channel and `cli outbox list` show. Logs carry ids, kinds and error codes only.
 */
export function entryDeliverer(deps: EntryDeliveryDeps) {
  const owner = randomUUID();
  const now = deps.now ?? (() => new Date());
  const { store, logger, policy } = deps;

  return async function deliver(ref: EntryRef, attempt: number): Promise<EntryOutcome> {
    const { teamId, entryId } = ref;
    const claim = await store.outbox.claim(teamId, entryId, owner, policy.leaseMs);
    if (claim === 'settled') return { kind: 'settled' };
    if (claim === 'busy') return { kind: 'retry', afterMs: Math.min(policy.leaseMs, 1000), counts: false };
    const found = await store.outbox.get(teamId, entryId);
    if (found?.state !== 'pending') return { kind: 'settled' };
    const { entry } = found;
    try {
      await deps.perform(entry);
    } catch (error) {
      const failure = classifyFailure(error);
      await store.outbox.release(teamId, entryId, owner).catch(() => {});
      const waiting = failure.retry && failure.reason.startsWith('waiting_');
      if (waiting) return { kind: 'retry', afterMs: failure.afterMs ?? 500, counts: false };
      const log = { entryId, effect: entry.effect.kind, reason: failure.reason, attempt };
      if (failure.retry && attempt < policy.maxAttempts) {
        const afterMs = failure.afterMs ?? backoff(policy, attempt);
        logger.warn({ ...log, retryInMs: afterMs }, 'could not deliver to Slack yet; will try again');
        return { kind: 'retry', afterMs, counts: true };
      }
      const at = now();
      const letter: DeadLetter = { entry, reason: failure.reason, attempts: attempt, at: at.toISOString() };
      if (await store.outbox.markDead(teamId, entryId, { reason: failure.reason, attempts: attempt, at })) {
        logger.error(log, 'gave up delivering to Slack: a dead letter (npm run --silent cli -- outbox list)');
        await deps
          .announceDead?.(letter)
          .catch((announceError: unknown) =>
            logger.warn(
              { entryId, reason: classifyFailure(announceError).reason },
              'could not announce a dead letter',
            ),
          );
      }
      return { kind: 'dead' };
    }
    await store.outbox.markDone(teamId, entryId, now());
    return { kind: 'done' };
  };
}

/** 1x, 2x, 4x... the base, capped, with up to 20% jitter so retries of many entries spread out. */
export function backoff(policy: RetryPolicy, attempt: number): number {
  const plain = Math.min(policy.baseDelayMs * 2 ** Math.max(0, attempt - 1), policy.maxDelayMs);
  return Math.round(plain * (1 + Math.random() * 0.2));
}

/** Finds committed entries with no job (a crash between commit and enqueue) and queues them. */
export async function sweepOutbox(
  store: Store,
  enqueue: (entries: readonly EntryRef[]) => Promise<void>,
  options: { readonly quietMs?: number; readonly limit?: number; readonly now?: () => Date } = {},
): Promise<number> {
  const quietMs = options.quietMs ?? 10 * 60_000;
  let queued = 0;
  for (const { teamId, requestId } of await store.outbox.requestsWithPending(options.limit ?? 1000)) {
    const pending = await store.outbox.pending(teamId, requestId);
    if (pending.length === 0) {
      await store.outbox.forgetIfSettled(teamId, requestId, quietMs, options.now?.() ?? new Date());
      continue;
    }
    await enqueue(pending.map((entry) => ({ teamId, entryId: entry.id })));
    queued += pending.length;
  }
  return queued;
}
