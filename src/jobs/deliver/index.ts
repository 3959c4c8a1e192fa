import type { Audience, OutboxEntry } from '../../domain/effects.js';
import { sendingTo } from '../../privacy/audience.js';
import { postingAbout } from '../../slack/app-posts.js';
import { NotYetError } from '../slack-failure.js';
import type { DeliveryContext } from './context.js';
import { deliverEmployeeDm } from './employee-dm.js';
import { deliverHrCard } from './hr-card.js';
import { deliverHrThread } from './hr-thread.js';
import {
  deliverDeletePosts,
  deliverEapDm,
  deliverManagerDm,
  deliverRefreshHome,
  deliverReminderChange,
} from './others.js';

export type { DeliveryContext } from './context.js';

/** Effects that act on HR's card, or on what was posted after it: they go in the order decided. */
const ORDERED = new Set<OutboxEntry['effect']['kind']>(['hr_card', 'hr_thread', 'delete_slack_posts']);

/**
 * Does what one outbox entry asks. Messages are built now, from the record as it is and the
 * audience's projection, so the outbox itself never holds a word of content. Card updates, thread
 * replies and deletions of one request wait for the earlier ones still pending, so a card is never
 * posted twice by two updates racing, and a thread reply never comes before its card.
 */
export async function performEffect(ctx: DeliveryContext, entry: OutboxEntry): Promise<void> {
  // Every Slack call the delivery makes carries its audience to the outbound guard, and whatever
  // it posts about a request is remembered with it, for the request's purge to delete.
  const { effect, teamId } = entry;
  const work = () => sendingTo(audiences[effect.kind], () => perform(ctx, entry));
  await ('requestId' in effect ? postingAbout({ teamId, requestIds: [effect.requestId] }, work) : work());
}

/** Who each kind of effect speaks to. Refreshing a Home tab shows a person their own screen. */
const audiences: Readonly<Record<OutboxEntry['effect']['kind'], Audience>> = {
  hr_card: 'hr',
  hr_thread: 'hr',
  delete_slack_posts: 'hr',
  employee_dm: 'employee',
  refresh_home: 'employee',
  manager_dm: 'manager',
  eap_dm: 'eap',
  schedule_reminder: 'log',
  cancel_reminder: 'log',
};

async function perform(ctx: DeliveryContext, entry: OutboxEntry): Promise<void> {
  const { teamId, effect } = entry;
  if (ORDERED.has(effect.kind) && 'requestId' in effect) {
    const earlier = (await ctx.services.store.outbox.pending(teamId, effect.requestId)).find(
      (other) => ORDERED.has(other.effect.kind) && isBefore(other.id, entry.id),
    );
    if (earlier) throw new NotYetError('earlier_effect_pending');
  }
  switch (effect.kind) {
    case 'hr_card':
      return deliverHrCard(ctx, teamId, effect.requestId);
    case 'hr_thread':
      return deliverHrThread(ctx, teamId, entry.id, effect);
    case 'employee_dm':
      return deliverEmployeeDm(ctx, teamId, entry.id, effect);
    case 'manager_dm':
      return deliverManagerDm(ctx, teamId, effect);
    case 'eap_dm':
      return deliverEapDm(ctx, teamId, effect.requestId);
    case 'refresh_home':
      return deliverRefreshHome(ctx, teamId, effect.userId);
    case 'schedule_reminder':
    case 'cancel_reminder':
      return deliverReminderChange(ctx, teamId, effect);
    case 'delete_slack_posts':
      return deliverDeletePosts(ctx, teamId, effect.requestId, effect.everything === true);
  }
}

/** Entry ids are `<request>:<version>:<index>`: earlier versions first, then earlier indexes. */
function isBefore(a: string, b: string): boolean {
  const [va = 0, ia = 0] = (/:(\d+):(\d+)$/.exec(a) ?? []).slice(1).map(Number);
  const [vb = 0, ib = 0] = (/:(\d+):(\d+)$/.exec(b) ?? []).slice(1).map(Number);
  return va < vb || (va === vb && ia < ib);
}
