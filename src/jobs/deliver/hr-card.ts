import { availableActions } from '../../domain/lifecycle/actions.js';
import { projectForHr } from '../../domain/projections.js';
import type { AccommodationRequest } from '../../domain/request.js';
import type { Actor } from '../../domain/roles.js';
import { directMessageChannel } from '../../slack/direct-messages.js';
import { hrDestinations } from '../../slack/hr-recipients.js';
import { section } from '../../slack/views/blocks.js';
import { hrRequestCard } from '../../slack/views/hr-card.js';
import type { SlackMessage } from '../../slack/views/messages.js';
import { lifecyclePolicy } from '../../workflows/lifecycle-policy.js';
import type { DeliveryContext } from './context.js';

export const HR_CARD = 'hr_card';

/**
 * The card is read by every HR member at once, so its buttons are the ones any HR member (not the
 * assignee in particular) may press: "Assign to me" stays on it after someone took the request.
 */
const anyHrMember: Actor = { role: 'hr', id: 'any-hr-member' };

/**
 * HR's card for a request: posted once to each HR destination, then updated in place
 * (`chat.update`) on every change, withdrawal and deletion included. Where it was posted is kept in
 * the store, so a retry, a restart or another worker updates the same message instead of posting a
 * second one. Built from HR's projection: no free text the employee has not released.
 */
export async function deliverHrCard(ctx: DeliveryContext, teamId: string, requestId: string): Promise<void> {
  const { store } = ctx.services;
  const request = await store.requests.get(teamId, requestId);
  const message = request && request.status !== 'purged' ? cardOf(ctx, request) : tombstone(requestId);
  const posts = (await store.outbox.posts(teamId, requestId)).filter((p) => p.kind === HR_CARD);
  for (const post of posts) {
    await ctx.client.chat.update({
      channel: post.channel,
      ts: post.ts,
      text: message.text,
      blocks: message.blocks,
    });
  }
  // A request that is gone gets no new card, only its old ones turned into a tombstone.
  if (!request || request.status === 'purged') return;
  const posted = new Set(posts.map((p) => p.channel));
  for (const destination of await hrDestinations(ctx.services, ctx.client)) {
    const channel = /^[UW]/.test(destination)
      ? await directMessageChannel(ctx.client, destination)
      : destination;
    if (posted.has(channel)) continue;
    const reply = await ctx.client.chat.postMessage({ channel, text: message.text, blocks: message.blocks });
    if (reply.ts)
      await store.outbox.rememberPost(teamId, requestId, {
        kind: HR_CARD,
        channel: reply.channel ?? channel,
        ts: reply.ts,
      });
  }
}

function cardOf(ctx: DeliveryContext, request: AccommodationRequest): SlackMessage {
  const now = ctx.services.now();
  const actions = availableActions(request, anyHrMember, now, lifecyclePolicy(ctx.services.config));
  return hrRequestCard(projectForHr(request), actions, now);
}

function tombstone(requestId: string): SlackMessage {
  const text = `Request ${requestId} was deleted at the end of its retention period.`;
  return { text, blocks: [section(text)] };
}
