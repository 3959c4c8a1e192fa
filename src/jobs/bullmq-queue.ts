import { DelayedError, type Job, Queue, Worker } from 'bullmq';
import type { RedisOptions } from 'ioredis';
import type { Logger } from '../logger.js';
import { openRedis } from '../store/redis-connection.js';
import {
  deliveryJobId,
  type EffectQueue,
  type EntryRef,
  isPerWorkspaceRetentionScheduler,
  RETENTION_SCHEDULER,
  type ReminderRef,
  reminderJobId,
  type WorkerHandlers,
} from './effect-queue.js';

export interface BullQueueOptions {
  /** redis://..., redis+cluster://... or redis+sentinel://... (store/redis-connection.ts). Never echoed. */
  readonly url: string;
  /** The app's key prefix; BullMQ's keys go under `{<prefix>-jobs}`, one hash tag for Cluster. */
  readonly keyPrefix: string;
  readonly logger: Logger;
  /** How often the recovery sweep runs (a BullMQ job scheduler: once per period, whatever the replicas). */
  readonly sweepEveryMs: number;
  /** Deliveries one process runs at once. */
  readonly concurrency?: number;
  readonly connection?: RedisOptions;
}

const QUEUE_NAME = 'outbox';
const SWEEP_SCHEDULER = 'outbox-sweep';
/**
 * Periodic work that must never run twice at once (the retention purge), on a queue of its own
 * whose global concurrency is 1: across every worker of every replica, one such job is active at a
 * time, and a run that outlasts its period holds the next one back instead of overlapping it.
 */
const MAINTENANCE_QUEUE = 'maintenance';

interface DeliverData extends EntryRef {
  /** Our own count of failed tries: waits that are not failures do not add to it. */
  readonly attempt: number;
}

/** BullMQ's own prefix for this installation: a hash tag, so all its keys share a Cluster slot. */
export function bullPrefix(keyPrefix: string): string {
  return `{${keyPrefix}-jobs}`;
}

/**
 * The effect queue on BullMQ, on the app's own Redis. Job ids come from outbox entry ids, so adding
 * the same entry twice (a replay, the sweep, a second replica) leaves one job. The worker, not
 * BullMQ's retry counter, decides when to try again (Slack's Retry-After, or the backoff), by
 * moving the job to the delayed set; BullMQ's own attempts only cover a crash of the processor
 * itself (Redis unreachable mid-delivery), after which the sweep still finds the entry pending.
 */
export function bullEffectQueue(options: BullQueueOptions): EffectQueue {
  const { logger } = options;
  const connect = () => {
    // BullMQ's blocking commands need a connection that waits rather than failing requests.
    const redis = openRedis(options.url, { ...options.connection, maxRetriesPerRequest: null });
    // Connection errors carry no content, but may carry the host: log the code only.
    redis.on('error', (error: NodeJS.ErrnoException) =>
      logger.debug({ code: error.code ?? error.name }, 'job queue connection problem'),
    );
    return redis;
  };
  const connection = connect();
  const prefix = bullPrefix(options.keyPrefix);
  const queue = new Queue(QUEUE_NAME, {
    connection,
    prefix,
    defaultJobOptions: {
      attempts: 25,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: { age: 24 * 3600, count: 10_000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    },
  });
  queue.on('error', (error) => logger.debug({ code: error.name }, 'job queue problem'));
  const maintenance = new Queue(MAINTENANCE_QUEUE, {
    connection,
    prefix,
    // A failed run is not retried: the next period's run does the same work.
    defaultJobOptions: { attempts: 1, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
  });
  maintenance.on('error', (error) => logger.debug({ code: error.name }, 'job queue problem'));
  let oneAtATime: Promise<unknown> | undefined;
  const maintenanceOneAtATime = () => {
    oneAtATime ??= maintenance.setGlobalConcurrency(1).catch((error: unknown) => {
      oneAtATime = undefined;
      throw error;
    });
    return oneAtATime;
  };

  const add = (entry: EntryRef) => ({
    name: 'deliver',
    data: { ...entry, attempt: 1 } satisfies DeliverData,
    opts: { jobId: deliveryJobId(entry) },
  });

  const finished = async (jobId: string): Promise<boolean | undefined> => {
    const job = await queue.getJob(jobId);
    if (!job) return undefined;
    const state = await job.getState();
    return state === 'completed' || state === 'failed' || state === 'unknown';
  };

  return {
    kind: 'bullmq',

    async enqueue(entries) {
      if (entries.length > 0) await queue.addBulk(entries.map(add));
    },

    async requeue(entry) {
      const jobId = deliveryJobId(entry);
      const done = await finished(jobId);
      if (done === false) return; // waiting, delayed or active: it will run
      if (done) await queue.remove(jobId);
      const job = add(entry);
      await queue.add(job.name, job.data, job.opts);
    },

    async scheduleReminder(reminder, at) {
      const jobId = reminderJobId(reminder);
      const existing = await queue.getJob(jobId);
      if (existing) {
        if ((await existing.getState()) === 'active') return;
        await existing.remove();
      }
      await queue.add('remind', reminder, { jobId, delay: Math.max(0, at.getTime() - Date.now()) });
    },

    async cancelReminder(reminder) {
      const existing = await queue.getJob(reminderJobId(reminder));
      if (existing && (await existing.getState()) !== 'active') await existing.remove();
    },

    async scheduleRetention(everyMs) {
      await maintenanceOneAtATime();
      await maintenance.upsertJobScheduler(RETENTION_SCHEDULER, { every: everyMs }, { name: 'retention' });
      for (const scheduler of await maintenance.getJobSchedulers()) {
        const id = scheduler.id ?? scheduler.key;
        if (isPerWorkspaceRetentionScheduler(id)) await maintenance.removeJobScheduler(id);
      }
    },

    async startWorker(handlers: WorkerHandlers) {
      await maintenanceOneAtATime();
      const maintenanceConnection = connect();
      const maintenanceWorker = new Worker(
        MAINTENANCE_QUEUE,
        async (job: Job) => {
          if (job.name === 'retention') return handlers.retention();
          return undefined;
        },
        { connection: maintenanceConnection, prefix, concurrency: 1, lockDuration: 90_000 },
      );
      maintenanceWorker.on('error', (error) => logger.debug({ code: error.name }, 'job worker problem'));
      maintenanceWorker.on('failed', (job, error) =>
        logger.warn(
          { job: job?.name, code: error.name },
          'a maintenance job failed; it runs again next period',
        ),
      );
      const workerConnection = connect();
      const worker = new Worker(
        QUEUE_NAME,
        async (job: Job, token?: string) => {
          if (job.name === 'deliver') return deliverJob(job, token, handlers);
          if (job.name === 'remind') {
            const outcome = await handlers.remind(job.data as ReminderRef);
            // Same job, same id, moved: a reminder held back never becomes two.
            if (outcome?.later && token) {
              await job.moveToDelayed(outcome.later.getTime(), token);
              throw new DelayedError();
            }
            return undefined;
          }
          if (job.name === 'sweep') return handlers.sweep();
          return undefined;
        },
        {
          connection: workerConnection,
          prefix,
          concurrency: options.concurrency ?? 4,
          lockDuration: 90_000,
        },
      );
      worker.on('error', (error) => logger.debug({ code: error.name }, 'job worker problem'));
      worker.on('failed', (job, error) => {
        if (error instanceof DelayedError) return;
        logger.warn({ job: job?.name, code: error.name }, 'a job failed; it is retried or swept up later');
      });
      // On start, then once per period across all replicas.
      await queue.upsertJobScheduler(
        SWEEP_SCHEDULER,
        { every: options.sweepEveryMs },
        { name: 'sweep', opts: { removeOnComplete: true, removeOnFail: true } },
      );
      await handlers
        .sweep()
        .catch((error: unknown) =>
          logger.warn({ code: (error as Error)?.name }, 'the first outbox sweep failed; it runs again soon'),
        );
      return async () => {
        // With Redis gone, a graceful close waits for it forever: give it a moment, then force.
        await Promise.all([
          closeWithin(
            () => worker.close(),
            () => worker.close(true),
          ),
          closeWithin(
            () => maintenanceWorker.close(),
            () => maintenanceWorker.close(true),
          ),
        ]);
        workerConnection.disconnect();
        maintenanceConnection.disconnect();
      };
    },

    async close() {
      await Promise.all([closeWithin(() => queue.close()), closeWithin(() => maintenance.close())]);
      connection.disconnect();
    },
  };
}

/** How long a graceful close may wait for Redis before it is cut short. */
const CLOSE_WITHIN_MS = 2_000;

/** A graceful close, or, past the limit, the forced one (or none): shutdown never hangs on Redis. */
async function closeWithin(graceful: () => Promise<void>, forced?: () => Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), CLOSE_WITHIN_MS);
  });
  const outcome = await Promise.race([
    graceful().then(
      () => 'closed' as const,
      () => 'closed' as const,
    ),
    late,
  ]);
  clearTimeout(timer);
  if (outcome === 'late' && forced)
    await Promise.race([forced().catch(() => undefined), delay(CLOSE_WITHIN_MS)]);
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function deliverJob(job: Job, token: string | undefined, handlers: WorkerHandlers) {
  const data = job.data as DeliverData;
  const attempt = data.attempt ?? 1;
  const outcome = await handlers.deliver({ teamId: data.teamId, entryId: data.entryId }, attempt);
  if (outcome.kind !== 'retry') return outcome.kind;
  await job.updateData({ ...data, attempt: outcome.counts ? attempt + 1 : attempt });
  await job.moveToDelayed(Date.now() + outcome.afterMs, token);
  throw new DelayedError();
}
