import { projectForHr } from '../../domain/projections.js';
import { statusLabels } from '../../domain/status.js';
import { directMessageChannel } from '../../slack/direct-messages.js';
import { hrDestinations } from '../../slack/hr-recipients.js';
import { context, type KnownBlock, section } from '../../slack/views/blocks.js';
import { hrRequestCard } from '../../slack/views/hr-card.js';
import type { SlackMessage } from '../../slack/views/messages.js';
import type { DeliveryContext } from './context.js';

export const HR_CARD = 'hr_card';

/**
 * HR's card for a request: posted once to each HR destination, then updated in place
 * (`chat.update`) on every change, withdrawal and deletion included. Where it was posted is kept in
 * the store, so a retry, a restart or another worker updates the same message instead of posting a
 * second one. Built from HR's projection: no free text the employee has not released.
 */
export async function deliverHrCard(ctx: DeliveryContext, teamId: string, requestId: string): Promise<void> {
  const { store } = ctx.services;
  const request = await store.requests.get(teamId, requestId);
  const message = request && request.status !== 'purged' ? cardOf(request) : tombstone(requestId);
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

function cardOf(request: Parameters<typeof projectForHr>[0]): SlackMessage {
  const view = projectForHr(request);
  const card = hrRequestCard({
    id: view.reference,
    employeeId: view.employeeId,
    schedule: { ...view.schedule, days: [...view.schedule.days] },
    work: { ...view.work, days: [...view.work.days], constraints: [...view.work.constraints] },
    accommodations: [...view.accommodations],
    disclosure: {
      reason: view.reasonChoice,
      shareScheduleWithManager: view.shareScheduleWithManager,
      eapMayTrackStatus: view.eapMayTrackStatus,
      jurisdiction: view.jurisdiction,
    },
  });
  const status: KnownBlock = context(`*Status:* ${statusLabels[view.status]}`);
  return { text: card.text, blocks: [...card.blocks.slice(0, 2), status, ...card.blocks.slice(2)] };
}

function tombstone(requestId: string): SlackMessage {
  const text = `Request ${requestId} was deleted at the end of its retention period.`;
  return { text, blocks: [section(text)] };
}
