import { webApi } from '@slack/bolt';
import type { AppConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { sendingTo } from '../privacy/audience.js';
import { createGuardedFetch } from '../privacy/guard.js';
import type { AppServices } from '../services.js';
import { rememberingAppPosts } from '../slack/app-posts.js';
import { hrDestinations } from '../slack/hr-recipients.js';
import type { DeadLetter } from '../store/types.js';
import { bullEffectQueue } from './bullmq-queue.js';
import { performEffect } from './deliver/index.js';
import type { EffectQueue } from './effect-queue.js';
import { inProcessEffectQueue } from './in-process-queue.js';
import { defaultRetryPolicy, entryDeliverer, type RetryPolicy, sweepOutbox } from './outbox-worker.js';
import { remindHandler } from './reminders.js';
import { retentionHandler } from './retention.js';

/** BullMQ on the app's Redis, or, with no REDIS_URL (the demo), the same worker in this process. */
export function createEffectQueue(config: AppConfig, logger: Logger): EffectQueue {
  const sweepEveryMs = config.worker.sweepSeconds * 1000;
  return config.redisUrl
    ? bullEffectQueue({ url: config.redisUrl, keyPrefix: config.redisKeyPrefix, logger, sweepEveryMs })
    : inProcessEffectQueue({ logger, sweepEveryMs });
}

/**
 * The worker's own Slack client: it does not retry by itself (`retries: 0`) and hands a 429 back
 * at once (`rejectRateLimitedCalls`), so the worker alone decides when to try again, honouring
 * Retry-After, within its bound. Its calls leave through the same outbound guard as the app's.
 */
export function workerSlackClient(
  config: AppConfig,
  logger: Logger,
  store: AppServices['store'],
): webApi.WebClient {
  return new webApi.WebClient(config.slack.botToken, {
    ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 10_000,
    // Posts in an employee's DM are remembered as theirs (deliveries say whose), for Delete my data.
    fetch: rememberingAppPosts(createGuardedFetch({ logger }), store, logger),
  });
}

export interface OutboxWorkerOptions {
  /** Defaults to `workerSlackClient`. */
  readonly client?: webApi.WebClient;
  readonly policy?: Partial<RetryPolicy>;
}

/** Starts delivering the outbox on this process (inside the app, or alone with `npm run worker`). */
export async function startOutboxWorker(
  services: AppServices,
  options: OutboxWorkerOptions = {},
): Promise<() => Promise<void>> {
  const { store, logger, config, effects: queue } = services;
  const client = options.client ?? workerSlackClient(config, logger, store);
  const context = { services, client, queue };
  const policy: RetryPolicy = {
    ...defaultRetryPolicy,
    maxAttempts: config.worker.maxAttempts,
    baseDelayMs: config.worker.retryBaseMs,
    ...options.policy,
  };
  const deliver = entryDeliverer({
    store,
    logger,
    policy,
    now: services.now,
    perform: (entry) => performEffect(context, entry),
    announceDead: (letter) => announceDeadLetter(context, letter),
  });
  return queue.startWorker({
    deliver,
    remind: remindHandler(context),
    sweep: async () => {
      const queued = await sweepOutbox(store, async (entries) => {
        for (const entry of entries) await queue.requeue(entry);
      });
      if (queued > 0) logger.info({ queued }, 'outbox sweep queued stored messages again');
    },
    retention: retentionHandler(services),
  });
}

/** HR hears that a message could not be delivered: the request and the kind, never its content. */
async function announceDeadLetter(
  context: { services: AppServices; client: webApi.WebClient },
  letter: DeadLetter,
): Promise<void> {
  const { entry } = letter;
  const about = 'requestId' in entry.effect ? ` about ${entry.effect.requestId}` : '';
  const text =
    `A Slack message${about} (${entry.effect.kind}) could not be delivered after ${letter.attempts} ` +
    `${letter.attempts === 1 ? 'try' : 'tries'} (${letter.reason}). It is kept: ` +
    `\`npm run --silent cli -- outbox retry ${entry.id}\` sends it again.`;
  for (const destination of await hrDestinations(context.services, context.client)) {
    await sendingTo('hr', () => context.client.chat.postMessage({ channel: destination, text }));
  }
}
