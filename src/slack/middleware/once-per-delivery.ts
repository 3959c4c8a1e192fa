import { createHash } from 'node:crypto';
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../../logger.js';
import type { Store } from '../../store/types.js';
import { installKeyOf } from '../install-key.js';

/** Slack retries within minutes; a replayed capture is refused by its timestamp after five. A day is plenty. */
const REMEMBER_SECONDS = 86_400;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/**
 * What makes one delivery itself, whatever carries it: Slack's own id for it where it gives one
 * (an event's `event_id`; the `trigger_id` of a command, a shortcut, a click or a submission, with
 * the click's `action_ts`; the view a close belongs to), otherwise a hash of the whole body. Slack's
 * retries and a replay of captured bytes carry the same id; a second click is a new one.
 */
export function deliveryId(body: unknown): string | undefined {
  if (!isObject(body)) return undefined;
  // Nothing is done for these: answered afresh each time.
  if (body.type === 'url_verification' || body.type === 'block_suggestion' || body.ssl_check !== undefined)
    return undefined;
  const eventId = text(body.event_id);
  if (body.type === 'event_callback' && eventId) return `event:${eventId}`;
  const kind = text(body.type) ?? (text(body.command) ? 'command' : 'unknown');
  const triggerId = text(body.trigger_id);
  if (kind === 'block_actions' && Array.isArray(body.actions)) {
    const stamps = body.actions.map((action) => (isObject(action) ? text(action.action_ts) : undefined));
    if (triggerId) return `block_actions:${triggerId}:${stamps.join(',')}`;
  }
  if (kind === 'view_closed' && isObject(body.view) && text(body.view.id)) {
    return `view_closed:${String(body.view.id)}:${text(body.view.hash) ?? ''}`;
  }
  if (triggerId) return `${kind}:${triggerId}`;
  return `${kind}:body:${sha256(JSON.stringify(body))}`;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/**
 * Runs every listener at most once per delivery, across every replica on the same Redis: the
 * delivery's id is claimed atomically (SET NX with a day's expiry) before anything else is done,
 * and a delivery already claimed is acknowledged empty and dropped. One place for every kind of
 * request, so a new button cannot forget it.
 *
 * If Redis cannot be reached the request goes on unclaimed: whatever it would write fails on its own
 * with a "try again" for the person, and a click that only shows something should still work.
 */
export function oncePerDeliveryMiddleware(store: Store, logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const { body, next } = args;
    const id = deliveryId(body);
    const install = installKeyOf(body);
    if (!id || !install) {
      await next();
      return;
    }
    let first = true;
    try {
      first = await claimOnceFor(store, install, id);
    } catch (error) {
      logger.warn({ err: error, kind: id.split(':')[0] }, 'could not check a Slack delivery for repeats');
    }
    if (first) {
      await next();
      return;
    }
    logger.info(
      { kind: id.split(':')[0], retry: (args.context as Json).retryNum ?? null },
      'ignored a repeated Slack delivery',
    );
    if ('ack' in args) await (args.ack as () => Promise<void>)();
  };
}

/**
 * Waits for the claim's own answer, however late: a replica whose event loop is backed up reads
 * Redis's answer late, and going on without it let two replicas both do one delivery (the
 * benchmark's scale-out run saw it). The wait is still bounded: the store fails a command after
 * about connectWaitMs + its command timeout, and then the request goes on unclaimed, as above.
 */
async function claimOnceFor(store: Store, install: string, id: string): Promise<boolean> {
  // Hashed: ids come from the request, and a forged one may be any length.
  const earlier = await store.claimOnce(install, `delivery:${sha256(id)}`, 'done', REMEMBER_SECONDS);
  return earlier === null;
}
