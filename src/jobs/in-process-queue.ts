import type { Logger } from '../logger.js';
import {
  deliveryJobId,
  type EffectQueue,
  type EntryRef,
  type ReminderRef,
  reminderJobId,
  type WorkerHandlers,
} from './effect-queue.js';

/**
 * The effect queue for the demo's in-memory store (no Redis): the same worker behind timers in this
 * process. Like BullMQ, one job per entry id, the worker's own retry timing, reminders as timers
 * with stable ids, and a periodic sweep. Nothing here outlives the process, and neither does the
 * in-memory store it serves.
 */
export function inProcessEffectQueue(options: { readonly logger: Logger; readonly sweepEveryMs: number }) {
  const { logger } = options;
  const queued = new Set<string>();
  const backlog: EntryRef[] = [];
  const timers = new Map<string, NodeJS.Timeout>();
  const running = new Set<Promise<unknown>>();
  /** The retention timer; one run at a time, as on BullMQ (a busy period is skipped). */
  let retention: NodeJS.Timeout | undefined;
  let retentionRunning = false;
  let handlers: WorkerHandlers | undefined;
  let closed = false;

  const later = (key: string, ms: number, run: () => Promise<void>) => {
    const timer = setTimeout(() => {
      timers.delete(key);
      track(run());
    }, ms);
    timer.unref();
    timers.set(key, timer);
  };
  const track = (work: Promise<unknown>) => {
    const settled = work.catch((error: unknown) =>
      logger.warn({ code: (error as Error)?.name }, 'an in-process job failed; the sweep picks it up again'),
    );
    running.add(settled);
    void settled.finally(() => running.delete(settled));
  };

  const attemptDelivery = async (entry: EntryRef, attempt: number): Promise<void> => {
    const id = deliveryJobId(entry);
    if (!handlers || closed) {
      queued.delete(id);
      return;
    }
    try {
      const outcome = await handlers.deliver(entry, attempt);
      if (outcome.kind === 'retry') {
        later(id, outcome.afterMs, () => attemptDelivery(entry, outcome.counts ? attempt + 1 : attempt));
        return;
      }
    } catch (error) {
      // The store itself failed: let go, and let the sweep find the entry again.
      logger.warn(
        { code: (error as Error)?.name },
        'delivery could not reach the store; the sweep retries it',
      );
    }
    queued.delete(id);
  };

  const runRetention = () => {
    if (!handlers || closed || retentionRunning) return;
    retentionRunning = true;
    track(
      handlers.retention().finally(() => {
        retentionRunning = false;
      }),
    );
  };

  const start = (entry: EntryRef) => {
    const id = deliveryJobId(entry);
    if (queued.has(id)) return;
    queued.add(id);
    if (handlers) later(id, 0, () => attemptDelivery(entry, 1));
    else backlog.push(entry);
  };

  const queue: EffectQueue = {
    kind: 'in-process',

    async enqueue(entries) {
      for (const entry of entries) start(entry);
    },

    async requeue(entry) {
      start(entry);
    },

    async scheduleReminder(reminder: ReminderRef, at: Date) {
      const id = reminderJobId(reminder);
      clearTimeout(timers.get(id));
      // setTimeout holds at most about 24.8 days; a later reminder re-arms itself on the way.
      const wait = Math.max(0, at.getTime() - Date.now());
      const step = Math.min(wait, 2 ** 31 - 1);
      later(id, step, async () => {
        if (step < wait) await queue.scheduleReminder(reminder, at);
        else {
          const outcome = await handlers?.remind(reminder);
          if (outcome?.later) await queue.scheduleReminder(reminder, outcome.later);
        }
      });
    },

    async cancelReminder(reminder: ReminderRef) {
      const id = reminderJobId(reminder);
      clearTimeout(timers.get(id));
      timers.delete(id);
    },

    async scheduleRetention(everyMs) {
      clearInterval(retention);
      retention = setInterval(runRetention, everyMs);
      retention.unref();
      runRetention();
    },

    async startWorker(given) {
      handlers = given;
      if (retention) runRetention();
      for (const entry of backlog.splice(0)) later(deliveryJobId(entry), 0, () => attemptDelivery(entry, 1));
      const sweep = setInterval(() => track(given.sweep()), options.sweepEveryMs);
      sweep.unref();
      track(given.sweep());
      return async () => {
        clearInterval(sweep);
        handlers = undefined;
        await Promise.all(running);
      };
    },

    async close() {
      closed = true;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      clearInterval(retention);
      retention = undefined;
      await Promise.all(running);
    },
  };
  return queue;
}
