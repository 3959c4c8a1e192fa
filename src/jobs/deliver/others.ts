import type { ReminderKind } from '../../domain/effects.js';
import type { ManagerEvent } from '../../domain/lifecycle/manager-notice.js';
import { projectForEap, projectForManager } from '../../domain/projections.js';
import { defaultLocale } from '../../letters/index.js';
import { fileOf } from '../../slack/app-posts.js';
import { isEmployeeDm } from '../../slack/delete-app-posts.js';
import { tellInDm } from '../../slack/direct-messages.js';
import { publishHome } from '../../slack/publish-home.js';
import { hrStatusLabels } from '../../slack/views/hr-card.js';
import { managerNoticeText } from '../../slack/views/manager/notice.js';
import { shortDate } from '../../slack/views/text.js';
import type { AppPost, SlackPost } from '../../store/types.js';
import type { DeliveryContext } from './context.js';

/**
 * The simpler effects. The manager's and the EAP coordinator's messages are built from their own
 * projections (the approved pattern and dates; status and dates), so nothing else can reach them.
 */

export async function deliverRefreshHome(
  ctx: DeliveryContext,
  teamId: string,
  userId: string,
): Promise<void> {
  await publishHome(ctx.services, ctx.client, { teamId, userId });
}

/**
 * The manager's DM: built from their projection, which holds the approved days, hours and dates
 * and where the arrangement stands, and nothing the employee or HR wrote. A manager no longer on
 * record, or consent since taken back, means nothing is sent.
 */
export async function deliverManagerDm(
  ctx: DeliveryContext,
  teamId: string,
  effect: { readonly requestId: string; readonly event: string },
): Promise<void> {
  const request = await ctx.services.store.requests.get(teamId, effect.requestId);
  const managerId = request?.managerId;
  const view = request ? projectForManager(request) : null;
  if (!view || !managerId) return;
  const event = isManagerEvent(effect.event)
    ? effect.event
    : view.state === 'in_place'
      ? 'approved'
      : 'ended';
  const locale = defaultLocale[ctx.services.config.defaultJurisdiction];
  await tellInDm(ctx.client, managerId, managerNoticeText(view, event, locale));
}

const managerEvents: readonly string[] = [
  'approved',
  'extended',
  'ended',
  'withdrawn',
] satisfies ManagerEvent[];
const isManagerEvent = (event: string): event is ManagerEvent => managerEvents.includes(event);

export async function deliverEapDm(ctx: DeliveryContext, teamId: string, requestId: string): Promise<void> {
  const request = await ctx.services.store.requests.get(teamId, requestId);
  if (!request) return;
  const view = projectForEap(request);
  if (!view.consented) return;
  // The EAP user group as well as the listed ids: a worker on its own lists the group itself.
  await ctx.services.roles.refreshIfStale(ctx.client);
  const coordinators = new Set([...ctx.services.config.eap.userIds, ...ctx.services.roles.current().eapIds]);
  // Status and dates only, in the words HR's surfaces use for a third person's request.
  const dates = [
    `since ${shortDate(view.statusChangedAt)}`,
    view.reviewDate ? `review ${shortDate(view.reviewDate)}` : undefined,
    view.endsOn ? `ends ${shortDate(view.endsOn)}` : undefined,
  ].filter(Boolean);
  const text = `${view.reference} (<@${view.employeeId}>): ${hrStatusLabels[view.status]}, ${dates.join(', ')}.`;
  for (const coordinator of coordinators) {
    if (coordinator === view.employeeId) continue;
    await tellInDm(ctx.client, coordinator, text);
  }
}

export async function deliverReminderChange(
  ctx: DeliveryContext,
  teamId: string,
  effect:
    | {
        readonly kind: 'schedule_reminder';
        readonly requestId: string;
        readonly reminder: ReminderKind;
        readonly at: string;
      }
    | { readonly kind: 'cancel_reminder'; readonly requestId: string; readonly reminder: ReminderKind },
): Promise<void> {
  const ref = { teamId, requestId: effect.requestId, reminder: effect.reminder };
  if (effect.kind === 'cancel_reminder') return ctx.queue.cancelReminder(ref);
  const at = new Date(effect.at);
  if (Number.isNaN(at.getTime())) throw new Error('a reminder has no valid time');
  await ctx.queue.scheduleReminder(ref, at);
}

/**
 * Deletes what the app posted about the request from Slack and forgets it.
 * - An erase (Delete my data): the employee's DMs about it, also from the employee's own list.
 *   HR's card and its thread stay: they are HR's record until retention ends.
 * - A purge (`everything`): every message and file remembered with the request (HR's card and its
 *   thread, DMs to the employee, the manager and EAP, reminders, letters, exports), newest first so
 *   a thread's replies go before the card they hang from.
 * A failure is thrown for the worker to retry; what is already gone counts as done, and what was
 * deleted is forgotten at once, so a retry deletes only the rest.
 */
export async function deliverDeletePosts(
  ctx: DeliveryContext,
  teamId: string,
  requestId: string,
  everything = false,
): Promise<void> {
  const { store } = ctx.services;
  const request = await store.requests.get(teamId, requestId);
  const all = await store.outbox.posts(teamId, requestId);
  const posts = everything ? all : all.filter(isEmployeeDm);
  // One Slack message may be remembered under two kinds (as HR's card and as a post about it).
  const seen = new Set<string>();
  const targets = [...posts]
    .sort((a, b) => newestFirst(a) - newestFirst(b))
    .filter((post) => {
      const id = fileOf(post) ?? `${post.channel} ${post.ts}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
  for (const post of targets) {
    const file = fileOf(post);
    try {
      if (file) await ctx.client.files.delete({ file });
      else await ctx.client.chat.delete({ channel: post.channel, ts: post.ts });
    } catch (error) {
      const code = (error as { data?: { error?: string } }).data?.error;
      if (!code || !ALREADY_GONE.has(code)) throw error;
    }
    await store.outbox.forgetPosts(
      teamId,
      requestId,
      posts.filter(
        (other) =>
          (fileOf(other) ?? `${other.channel} ${other.ts}`) === (file ?? `${post.channel} ${post.ts}`),
      ),
    );
  }
  if (request)
    await store.appPosts.forget(
      teamId,
      request.employeeId,
      posts.map((post): AppPost => {
        const file = fileOf(post);
        return file ? { kind: 'file', id: file } : { kind: 'message', channel: post.channel, ts: post.ts };
      }),
    );
  if (everything) await store.outbox.forgetPosts(teamId, requestId);
}

/** Files first (they have no ts), then messages from the newest: a thread's replies before its card. */
const newestFirst = (post: SlackPost) => (fileOf(post) ? Number.NEGATIVE_INFINITY : -Number(post.ts));

/** Slack's answers that mean the message or file is already gone: nothing left to delete. */
const ALREADY_GONE = new Set(['message_not_found', 'channel_not_found', 'file_not_found', 'file_deleted']);
