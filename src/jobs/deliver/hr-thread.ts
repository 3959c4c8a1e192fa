import { projectForHr } from '../../domain/projections.js';
import { extensionRequestText, statusInquiryText } from '../../slack/hr-letter.js';
import { slackProfile } from '../../slack/profile.js';
import { section } from '../../slack/views/blocks.js';
import { NotYetError } from '../slack-failure.js';
import type { DeliveryContext } from './context.js';
import { HR_CARD } from './hr-card.js';
import { hrThreadSentence } from './wording.js';

/**
 * An event as a reply in the card's thread, naming no reason. It waits for the card to be posted
 * (the card is an earlier effect of the same request), and remembers each reply, so a retry after a
 * partial failure posts only where it had not yet.
 */
export async function deliverHrThread(
  ctx: DeliveryContext,
  teamId: string,
  entryId: string,
  effect: { readonly requestId: string; readonly event: string; readonly letter?: string },
): Promise<void> {
  const { store } = ctx.services;
  const request = await store.requests.get(teamId, effect.requestId);
  if (!request) return;
  const posts = await store.outbox.posts(teamId, effect.requestId);
  const cards = posts.filter((p) => p.kind === HR_CARD);
  if (cards.length === 0) throw new NotYetError('card_not_posted');
  const kind = `thread:${entryId}`;
  const done = new Set(posts.filter((p) => p.kind === kind).map((p) => p.channel));
  const text = hrThreadSentence(effect.event, request.id, request.employeeId);
  const blocks = [section(text)];
  if (effect.letter === 'status_inquiry' && request.submittedAt) {
    const employee = await slackProfile(ctx.client, request.employeeId);
    const inquiry = statusInquiryText(ctx.services, projectForHr(request), employee.name, ctx.services.now());
    if (inquiry)
      blocks.push({
        type: 'section',
        text: { type: 'plain_text', text: inquiry.slice(0, 2900), emoji: false },
      });
  }
  if (effect.letter === 'extension_request') {
    const employee = await slackProfile(ctx.client, request.employeeId);
    const letter = extensionRequestText(
      ctx.services,
      projectForHr(request),
      employee.name,
      ctx.services.now(),
    );
    if (letter)
      blocks.push({
        type: 'section',
        text: { type: 'plain_text', text: letter.slice(0, 2900), emoji: false },
      });
  }
  for (const card of cards) {
    if (done.has(card.channel)) continue;
    const reply = await ctx.client.chat.postMessage({
      channel: card.channel,
      thread_ts: card.ts,
      text,
      blocks,
    });
    if (reply.ts)
      await store.outbox.rememberPost(teamId, effect.requestId, {
        kind,
        channel: card.channel,
        ts: reply.ts,
      });
  }
}
