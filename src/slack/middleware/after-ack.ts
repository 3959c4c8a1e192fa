import { AsyncLocalStorage } from 'node:async_hooks';
import type { EffectQueue } from '../../jobs/effect-queue.js';

/**
 * Work a listener starts that must not reach Slack before the listener has acknowledged: effects
 * committed while a request is being handled are queued for delivery only once the handling is
 * over (and so has acked). A listener commits, acks, and the worker delivers after.
 */
type Deferred = Array<() => Promise<void>>;
const pending = new AsyncLocalStorage<Deferred>();

/** Runs one request's handling, then starts what it deferred. */
export async function runThenFlush(handle: () => Promise<void>): Promise<void> {
  const deferred: Deferred = [];
  try {
    await pending.run(deferred, handle);
  } finally {
    for (const start of deferred) void start().catch(() => {});
  }
}

/**
 * The effect queue as listeners see it: `enqueue` inside a request waits for the request to end.
 * Nothing is lost if the process dies in between: the worker's sweep queues committed entries that
 * were never queued.
 */
export function deferredUntilAcked(queue: EffectQueue): EffectQueue {
  return {
    kind: queue.kind,
    requeue: (entry) => queue.requeue(entry),
    scheduleReminder: (reminder, at) => queue.scheduleReminder(reminder, at),
    cancelReminder: (reminder) => queue.cancelReminder(reminder),
    scheduleRetention: (everyMs) => queue.scheduleRetention(everyMs),
    startWorker: (handlers) => queue.startWorker(handlers),
    close: () => queue.close(),
    enqueue: async (entries) => {
      const deferred = pending.getStore();
      if (!deferred) return queue.enqueue(entries);
      deferred.push(() => queue.enqueue(entries));
    },
  };
}
