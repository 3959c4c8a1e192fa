import type { webApi } from '@slack/bolt';
import { IANAZone } from 'luxon';
import type { ReminderKind } from '../domain/effects.js';
import { addBusinessDays, readableDate } from '../domain/lifecycle/business-days.js';
import { waitingOnOf } from '../domain/lifecycle/clock.js';
import type { AccommodationRequest } from '../domain/request.js';
import { systemActor } from '../domain/roles.js';
import { sendingTo } from '../privacy/audience.js';
import type { AppServices } from '../services.js';
import { postingAbout, postingFor } from '../slack/app-posts.js';
import { directMessageChannel } from '../slack/direct-messages.js';
import { section } from '../slack/views/blocks.js';
import { lifecyclePolicy } from '../workflows/lifecycle-policy.js';
import { recordReminder } from '../workflows/on-record.js';
import { runCommand } from '../workflows/run-command.js';
import { HR_CARD } from './deliver/hr-card.js';
import { nudgeIdleDraft } from './draft-nudge.js';
import type { ReminderRef, RemindOutcome } from './effect-queue.js';
import { deliverableAt } from './quiet-hours.js';

/** Slack allows about one message a second per channel; a reminder waits its turn. */
const PACE_MS = 1000;
/** How long a channel is held while a reminder is posted to it (a hung post frees it after this). */
const PACE_HOLD_SECONDS = 10;
/** How long "this reminder reached this channel" is remembered: longer than any clock runs. */
const REMEMBER_SECONDS = 180 * 24 * 3600;

type Client = webApi.WebClient;

/**
 * What a reminder does when its time comes. Changes of status go through `runCommand`, like every
 * change. Nudges and escalations look at the request as it is now: a paused HR clock (waiting on
 * the employee or their provider), an answer given, or a due date moved means no message, so a
 * late cancellation can never remind anyone wrongly. Nothing here expires or decides anything.
 *
 * Each message is sent at most once per (request, reminder, due date, channel), whatever the
 * number of replicas or retries (an atomic claim in the store), never in the recipient's quiet
 * hours (their own time zone; the job is moved to their morning), and at most one a second per
 * channel across all replicas (the job waits a second and tries again).
 */
export function remindHandler(context: { services: AppServices; client: Client }) {
  const { services } = context;
  const remind = remindOnAppClock(context);
  return async (ref: ReminderRef): Promise<RemindOutcome> => {
    const outcome = await remind(ref);
    // "Later" is decided on the app's clock; the job queue waits on the wall clock.
    if (!outcome?.later) return outcome;
    return { ...outcome, later: new Date(Date.now() + (outcome.later.getTime() - services.now().getTime())) };
  };
}

function remindOnAppClock(context: { services: AppServices; client: Client }) {
  const { services, client } = context;
  return async (ref: ReminderRef): Promise<RemindOutcome> => {
    const { teamId, requestId, reminder } = ref;
    // A draft has no request yet: its nudge reads the draft itself.
    if (reminder === 'draft_idle') return nudgeIdleDraft(services, client, ref);
    const request = await services.store.requests.get(teamId, requestId);
    if (!request) return undefined;
    switch (reminder) {
      case 'review_due':
        await runCommand(services, teamId, requestId, { type: 'mark_review_due', payload: {} }, systemActor);
        return undefined;
      case 'close_after_grace':
        await runCommand(
          services,
          teamId,
          requestId,
          { type: 'close_after_grace', payload: {} },
          systemActor,
        );
        return undefined;
      case 'hr_acknowledge_due':
      case 'hr_decision_due':
      case 'hr_escalation':
      case 'employee_response_due': {
        const due = stillDue(services, request, reminder);
        if (due === 'no') return undefined;
        if (due instanceof Date) return { later: due };
        return nudge(services, client, request, reminder);
      }
    }
  };
}

/**
 * Is this reminder still called for? 'yes'; 'no' (answered, paused, or waiting on someone else);
 * or the time it becomes due, when a due date moved later.
 */
function stillDue(
  services: AppServices,
  request: AccommodationRequest,
  reminder: ReminderKind,
): 'yes' | 'no' | Date {
  const now = services.now();
  if (!request.dueAt) return 'no';
  const waiting = waitingOnOf(request);
  if (reminder === 'employee_response_due') {
    if (waiting !== 'employee') return 'no';
  } else {
    // HR's clock is paused while HR waits on the employee or their provider: no reminder for HR.
    if (waiting !== 'hr') return 'no';
    if (reminder === 'hr_acknowledge_due' && request.status !== 'submitted') return 'no';
    if (reminder === 'hr_decision_due' && request.status === 'submitted') return 'no';
  }
  const at = dueAtFor(services, request, reminder);
  // A second's leeway: a delayed job can fire a moment before its time.
  return now.getTime() + PACE_MS >= at.getTime() ? 'yes' : at;
}

function dueAtFor(services: AppServices, request: AccommodationRequest, reminder: ReminderKind): Date {
  const due = new Date(request.dueAt ?? 0);
  if (reminder !== 'hr_escalation') return due;
  const policy = lifecyclePolicy(services.config);
  return addBusinessDays(due, policy.escalateAfterDays, policy.calendar);
}

interface Message {
  readonly audience: 'hr' | 'employee';
  readonly channel: string;
  /** The card's thread, for replies there. */
  readonly threadTs?: string;
  /** A reply that also shows in the channel (an escalation). */
  readonly broadcast?: boolean;
  /** Whose quiet hours apply. */
  readonly timeZone: string;
  /** Work reminders wait for a business day in `timeZone` (HR's weekend and holidays). */
  readonly workdaysOnly?: boolean;
  readonly text: string;
}

async function nudge(
  services: AppServices,
  client: Client,
  request: AccommodationRequest,
  reminder: ReminderKind,
): Promise<RemindOutcome> {
  const { store } = services;
  const teamId = request.teamId;
  const messages = await messagesFor(services, client, request, reminder);
  const now = services.now();
  // The dueAt makes a moved due date a new reminder; the same one is never sent twice.
  const key = `reminded:${request.id}:${reminder}:${request.dueAt}`;
  for (const message of messages) {
    const sentKey = `${key}:${message.channel}`;
    const wait = deliverableAt(
      now,
      message.timeZone,
      services.config.clocks.quietHours,
      message.workdaysOnly ? lifecyclePolicy(services.config).calendar : undefined,
    );
    if (wait) return { later: wait };
    // One post at a time per channel, across replicas, and the channel stays held for a second
    // after Slack has the post: the next one cannot land within a second of it.
    const pace = `pace:${message.channel}`;
    if ((await store.claimOnce(teamId, pace, request.id, PACE_HOLD_SECONDS)) !== null)
      return { later: new Date(now.getTime() + PACE_MS + Math.floor(Math.random() * 300)) };
    if ((await store.claimOnce(teamId, sentKey, now.toISOString(), REMEMBER_SECONDS)) !== null) {
      await store.holdClaim(teamId, pace, request.id, 1);
      continue;
    }
    const body = { channel: message.channel, text: message.text, blocks: [section(message.text)] };
    const send = () =>
      message.threadTs
        ? client.chat.postMessage({
            ...body,
            thread_ts: message.threadTs,
            reply_broadcast: message.broadcast === true,
          })
        : client.chat.postMessage(body);
    try {
      await postingAbout({ teamId, requestIds: [request.id] }, () =>
        sendingTo(message.audience, () =>
          // A reminder in the employee's DM is remembered as theirs, so Delete my data removes it too.
          message.audience === 'employee' ? postingFor({ teamId, userId: request.employeeId }, send) : send(),
        ),
      );
    } finally {
      await store.holdClaim(teamId, pace, request.id, PACE_MS);
    }
  }
  if ((await store.claimOnce(teamId, `${key}:audited`, 'x', REMEMBER_SECONDS)) === null)
    await recordReminder(services, teamId, request.id, reminder);
  return undefined;
}

/** Who hears each reminder, in their own words. None names a reason or quotes anyone. */
async function messagesFor(
  services: AppServices,
  client: Client,
  request: AccommodationRequest,
  reminder: ReminderKind,
): Promise<Message[]> {
  const hrZone = services.config.clocks.timeZone;
  const dueIn = (zone: string) => readableDate(request.dueAt ?? new Date(0), zone);
  const due = dueIn(hrZone);
  const cards = (await services.store.outbox.posts(request.teamId, request.id)).filter(
    (p) => p.kind === HR_CARD,
  );
  const inThreads = (text: string, broadcast = false): Message[] =>
    cards.map((card) => ({
      audience: 'hr',
      channel: card.channel,
      threadTs: card.ts,
      broadcast,
      // A channel has no one zone: HR's own, on HR's business days.
      timeZone: hrZone,
      workdaysOnly: true,
      text,
    }));
  /** An HR member's own Slack zone, for their quiet hours, business days and dates; else HR's. */
  const memberZone = async (userId: string) => {
    try {
      const profile = await services.profiles.load(client, { teamId: request.teamId, userId });
      const zone = profile.slackTimeZone;
      return zone && IANAZone.isValidZone(zone) ? zone : hrZone;
    } catch {
      return hrZone;
    }
  };
  const toPerson = async (userId: string, text: string, audience: Message['audience'], timeZone: string) => ({
    audience,
    channel: await directMessageChannel(client, userId),
    timeZone,
    text,
  });
  /** To an HR member, in their own zone: their quiet hours, their business days, their dates. */
  const toMember = async (userId: string, text: (due: string) => string): Promise<Message> => {
    const zone = await memberZone(userId);
    return { ...(await toPerson(userId, text(dueIn(zone)), 'hr', zone)), workdaysOnly: true };
  };
  switch (reminder) {
    case 'hr_acknowledge_due':
    case 'hr_decision_due': {
      const text = (due: string) =>
        reminder === 'hr_acknowledge_due'
          ? `Reminder: request ${request.id} is waiting to be acknowledged (it was due ${due}). Acknowledging it is one click on its card.`
          : `Reminder: a decision on request ${request.id} is due (${due}). If you need more time, tell the employee; the request stays open either way.`;
      // The assignee first, in their own zone; with nobody assigned, HR's card thread, where anyone
      // in HR can pick it up.
      if (request.assigneeId) return [await toMember(request.assigneeId, text)];
      return inThreads(text(due));
    }
    case 'hr_escalation': {
      const who = request.assigneeId ? `<@${request.assigneeId}> or anyone in HR` : 'Anyone in HR';
      const text = (due: string) =>
        `:warning: Request ${request.id} is overdue: HR’s answer was due ${due}. It stays open until HR answers. ${who} can pick it up from its card.`;
      const messages = inThreads(text(due), true);
      const backup = services.config.hr.backupUserId;
      if (backup && backup !== request.employeeId) messages.push(await toMember(backup, text));
      return messages;
    }
    case 'employee_response_due': {
      const zone = request.work.timeZone;
      const by = readableDate(request.dueAt ?? new Date(0), zone);
      const text = `A gentle reminder: HR is waiting for your answer on ${request.id} (they asked for it by ${by}). Nothing closes if you need longer; my Home tab has the details.`;
      return [await toPerson(request.employeeId, text, 'employee', zone)];
    }
    default:
      return [];
  }
}
