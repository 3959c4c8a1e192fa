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
 * The message metadata every HR card carries: its event type and, in its payload, the request's
 * reference and nothing else (metadata is readable by any app in the channel with history access).
 */
export const HR_CARD_EVENT = 'accommodation_hr_card';

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
    // Slack may have taken an earlier try whose answer never reached the store (Slack slow to
    // answer, Redis or the worker killed in between): find that card rather than post a second.
    const found = await findPostedCard(ctx.client, channel, request);
    if (found) {
      await store.outbox.rememberPost(teamId, requestId, { kind: HR_CARD, channel, ts: found });
      await ctx.client.chat.update({ channel, ts: found, text: message.text, blocks: message.blocks });
      continue;
    }
    const reply = await ctx.client.chat.postMessage({
      channel,
      text: message.text,
      blocks: message.blocks,
      metadata: { event_type: HR_CARD_EVENT, event_payload: { reference: requestId } },
    });
    if (reply.ts)
      await store.outbox.rememberPost(teamId, requestId, {
        kind: HR_CARD,
        channel: reply.channel ?? channel,
        ts: reply.ts,
      });
  }
}

/** How far before the request's submission the look starts, for clocks that disagree a little. */
const LOOK_BACK_SECONDS = 3600;
/** At most this many messages are read per look (pages of 200), so a busy channel costs little. */
const LOOK_PAGE_SIZE = 200;
const LOOK_MAX_PAGES = 5;

/** Errors that mean the app may not read this conversation: it then posts, as it cannot look. */
const CANNOT_LOOK = new Set(['missing_scope', 'not_in_channel']);

/**
 * The ts of this request's card already in `channel`, posted by this app: the channel's history
 * since around the submission, newest first, for a message carrying the card's metadata and
 * this reference. The app reads only its own messages' metadata here, never anyone's text.
 */
async function findPostedCard(
  client: DeliveryContext['client'],
  channel: string,
  request: AccommodationRequest,
): Promise<string | undefined> {
  const since = Date.parse(request.submittedAt ?? request.createdAt);
  const oldest = Number.isFinite(since)
    ? String(Math.max(0, Math.floor(since / 1000) - LOOK_BACK_SECONDS))
    : '0';
  let cursor: string | undefined;
  for (let page = 0; page < LOOK_MAX_PAGES; page += 1) {
    let history: Awaited<ReturnType<typeof client.conversations.history>>;
    try {
      history = await client.conversations.history({
        channel,
        oldest,
        limit: LOOK_PAGE_SIZE,
        include_all_metadata: true,
        ...(cursor ? { cursor } : {}),
      });
    } catch (error) {
      if (CANNOT_LOOK.has(slackErrorCode(error) ?? '')) return undefined;
      throw error;
    }
    for (const candidate of history.messages ?? []) {
      const metadata = candidate.metadata;
      if (
        candidate.ts &&
        candidate.bot_id &&
        metadata?.event_type === HR_CARD_EVENT &&
        (metadata.event_payload as { reference?: unknown } | undefined)?.reference === request.id &&
        (await isOwnBot(client, candidate.bot_id))
      ) {
        return candidate.ts;
      }
    }
    cursor = history.response_metadata?.next_cursor;
    if (!history.has_more || !cursor) return undefined;
  }
  return undefined;
}

/** The app's own bot id, asked of Slack once per client and only when a candidate card is found. */
const ownBotIds = new WeakMap<object, Promise<string | undefined>>();
async function isOwnBot(client: DeliveryContext['client'], botId: string): Promise<boolean> {
  let own = ownBotIds.get(client);
  if (!own) {
    own = client.auth.test().then((identity) => identity.bot_id);
    own.catch(() => ownBotIds.delete(client));
    ownBotIds.set(client, own);
  }
  return (await own) === botId;
}

function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | null)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
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
