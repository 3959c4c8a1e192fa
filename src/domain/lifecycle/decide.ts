import { hasWords, type PrivateText } from '../../privacy/private-text.js';
import { commandRelations, relationOf } from '../access.js';
import { type CommandPayload, commandPayloads } from '../commands.js';
import type { Decided, Decision, Refused } from '../decision.js';
import type { Effect, LifecycleEvent, ReminderKind } from '../effects.js';
import { encodeDenialAlternatives, withHrNote } from '../hr-words.js';
import {
  type AccommodationRequest,
  type AuditEntry,
  type ReleasableField,
  releasableFields,
  type SensitiveFields,
} from '../request.js';
import type { Actor } from '../roles.js';
import type { CommandType, RequestStatus } from '../statuses.js';
import { addBusinessDays, addCalendarDays, readableDate } from './business-days.js';
import {
  acknowledgeDue,
  decisionDue,
  dueAtOf,
  employeeDue,
  isHrOverdue,
  type PlannedReminder,
  pauseHrClock,
  remindersFor,
  resumeHrClock,
  reviewDecisionDue,
  reviewStartsAt,
  waitingOnOf,
} from './clock.js';
import { tellManagerOfEnd, tellManagerOfPattern } from './manager-notice.js';
import { defaultPolicy, type LifecyclePolicy, zoneOr } from './policy.js';
import {
  alreadyDone,
  alreadySubmitted,
  invalidPayload,
  notFound,
  notPermitted,
  notYours,
  refuse,
  tooSoon,
  wrongStatus,
} from './refusals.js';
import { lifecycle, statusAfter } from './table.js';

/**
 * The only way a request changes (DESIGN.md section 3). Given the record as read, a command, who
 * gives it and the time, it returns the next record with its audit entry and effects, or a refusal
 * in plain words. It reads no clock and touches no store: the same inputs give the same answer, so
 * a retried or replayed command decides the same thing and the outbox's stable ids do the rest.
 */
export function decide(
  request: AccommodationRequest | null,
  command: { readonly type: CommandType; readonly payload: unknown },
  actor: Actor,
  now: Date,
  policy: LifecyclePolicy = defaultPolicy,
): Decision {
  const refused = permit(request, command.type, actor, now, policy);
  if (refused) return refused;
  const parsed = commandPayloads[command.type].safeParse(command.payload ?? {});
  if (!parsed.success) return invalidPayload(parsed.error);
  const context: Context = { request, actor, now, at: now.toISOString(), policy, type: command.type };
  // The table keys each handler by its command, so the payload's type matches by construction.
  const handler = handlers[command.type] as Handler<CommandType>;
  return handler(context, parsed.data);
}

/**
 * Everything about a command that does not depend on its payload: who may, from which status, and
 * whether it is time. `availableActions` asks this same question, so a button is shown exactly when
 * pressing it (with a filled-in form) can work.
 */
export function permit(
  request: AccommodationRequest | null,
  type: CommandType,
  actor: Actor,
  now: Date,
  policy: LifecyclePolicy = defaultPolicy,
): Refused | null {
  if (request === null && type !== 'submit') return notFound();
  if (request?.status === 'purged') return notFound();

  const allowed = commandRelations[type];
  const relation = relationOf(actor, request);
  if (!allowed.includes(relation)) {
    // Telling a colleague "only the employee can" is kinder than "not permitted" and leaks nothing.
    return allowed.includes('owner') && relation !== 'system' ? notYours() : notPermitted(type, allowed);
  }
  if (request === null) return null;
  if (type === 'submit' && request.status !== 'draft') return alreadySubmitted();

  if (statusAfter(request.status, type) === undefined) {
    if (type === 'erase' && request.status === 'closed')
      return alreadyDone(
        request,
        actor.id,
        'This request is already closed; what is left of it is deleted at the end of the retention period.',
      );
    if (lifecycle[type].to === request.status) return alreadyDone(request, actor.id);
    if (type === 'request_update') return updateNotOpen(request);
    return wrongStatus(type, request, actor.id);
  }
  return timing(request, type, now, policy, actor);
}

/** Rules about time and about what was already said, beyond the status table. */
function timing(
  request: AccommodationRequest,
  type: CommandType,
  now: Date,
  policy: LifecyclePolicy,
  actor: Actor,
): Refused | null {
  const employeeZone = zoneOr(request.work.timeZone, policy.calendar);
  switch (type) {
    case 'request_update': {
      const due = dueAtOf(request, policy);
      if (!isHrOverdue(request, now, policy)) {
        if (waitingOnOf(request) !== 'hr') return updateNotOpen(request);
        return tooSoon(
          due
            ? `HR’s answer isn’t due yet: it is due by ${readableDate(due, employeeZone)}. If you haven’t heard by then, you can ask for an update here.`
            : 'HR’s answer isn’t due yet. If it is late, you can ask for an update here.',
        );
      }
      if (request.lastUpdateRequestedAt) {
        const next = nextUpdateAllowedAt(request, policy);
        if (now < next)
          return tooSoon(
            `You asked HR for an update on ${readableDate(request.lastUpdateRequestedAt, employeeZone)}. You can ask again from ${readableDate(next, employeeZone)}.`,
          );
      }
      return null;
    }
    case 'provider_pending':
      if (waitingOnOf(request) === 'provider')
        return alreadyDone(request, actor.id, 'You already told HR that you asked your provider.');
      return null;
    case 'request_extension':
      if (request.extension && request.extension.decidedAt === undefined)
        return alreadyDone(
          request,
          actor.id,
          `You already asked for an extension on ${readableDate(request.extension.requestedAt, employeeZone)}; HR will answer it.`,
        );
      return null;
    case 'decline_extension':
      if (!request.extension || request.extension.decidedAt !== undefined)
        return refuse(
          'wrong_status',
          'There is no extension request waiting for an answer. To change the dates, use Extend or Adjust.',
        );
      return null;
    case 'mark_review_due': {
      const at = reviewStartsAt(request, policy);
      if (at && now < at) return tooSoon(`The review starts on ${readableDate(at, employeeZone)}.`);
      return null;
    }
    case 'close_after_grace': {
      const at = addCalendarDays(request.statusChangedAt, policy.closeGraceDays);
      if (now < at)
        return tooSoon(`This request closes by itself on ${readableDate(at, policy.calendar.timeZone)}.`);
      return null;
    }
    case 'purge': {
      const at = addCalendarDays(request.closedAt ?? request.statusChangedAt, policy.retentionDays);
      if (now < at)
        return tooSoon(
          `This request is kept until ${readableDate(at, policy.calendar.timeZone)} (retention).`,
        );
      return null;
    }
    default:
      return null;
  }
}

function updateNotOpen(request: AccommodationRequest): Refused {
  const waiting = waitingOnOf(request);
  if (waiting === 'employee')
    return refuse(
      'wrong_status',
      'HR is waiting on you at the moment, so there is no update to ask for. Your Home tab shows what HR asked.',
    );
  if (waiting === 'provider')
    return refuse(
      'wrong_status',
      'HR is waiting for your provider’s form, which goes to HR directly. You can ask your provider whether they sent it.',
    );
  return refuse('wrong_status', 'HR has already answered this request, so there is no update to ask for.');
}

/**
 * The audit entry for a refused attempt where the process wants one on record (someone outside HR
 * pressing an HR button). It changes nothing else, so it is appended on its own, not committed as a
 * transition.
 */
export function refusalAudit(
  request: AccommodationRequest,
  type: CommandType,
  actor: Actor,
  now: Date,
  refusal: Refused,
): AuditEntry | null {
  if (refusal.code !== 'not_permitted' && refusal.code !== 'not_yours') return null;
  return {
    at: now.toISOString(),
    actorRole: actor.role,
    actorId: actor.id,
    action: 'not_permitted',
    fromStatus: request.status,
    toStatus: request.status,
    subjectId: type,
  };
}

/** "Ask HR for an update" once per period: the next one opens this many business days later. */
export function nextUpdateAllowedAt(request: AccommodationRequest, policy: LifecyclePolicy): Date {
  if (!request.lastUpdateRequestedAt) return new Date(0);
  return addBusinessDays(request.lastUpdateRequestedAt, policy.updateRequestEveryDays, policy.calendar);
}

// ---------------------------------------------------------------------------------------------
// Handlers: one per command, each saying what changes and who is told.

interface Context {
  readonly request: AccommodationRequest | null;
  readonly actor: Actor;
  readonly now: Date;
  readonly at: string;
  readonly policy: LifecyclePolicy;
  readonly type: CommandType;
}

/** A context whose request exists: every command but submit. */
interface Existing extends Context {
  readonly request: AccommodationRequest;
}

type Handler<T extends CommandType> = (context: Context, payload: CommandPayload<T>) => Decision;

/** What a handler says about the next record; `step` does the rest the same way for all. */
interface Change {
  readonly status?: RequestStatus;
  readonly set?: Partial<AccommodationRequest>;
  /** Fields to remove from the record (a finished clock, a due date that no longer applies). */
  readonly unset?: readonly (keyof AccommodationRequest)[];
  readonly effects: readonly Effect[];
  readonly subjectId?: string;
}

/**
 * Builds the decision: the next record (version as read; the store bumps it), the audit entry, the
 * effects the handler named, then the reminders to cancel and schedule so that exactly the ones the
 * new record calls for are pending.
 */
function step(context: Context, change: Change): Decided {
  const before = context.request;
  if (before === null) throw new Error('step needs a request; submit builds its own');
  const status = change.status ?? before.status;
  const next: Record<string, unknown> = {
    ...before,
    ...change.set,
    status,
    updatedAt: context.at,
    statusChangedAt: status === before.status ? before.statusChangedAt : context.at,
    lastActorId: context.actor.id,
    lastAction: context.type,
  };
  for (const field of change.unset ?? []) delete next[field];
  const request = next as AccommodationRequest;
  return decided(context, before, request, change.effects, change.subjectId);
}

function decided(
  context: Context,
  before: AccommodationRequest | null,
  request: AccommodationRequest,
  effects: readonly Effect[],
  subjectId?: string,
): Decided {
  const audit: AuditEntry = {
    at: context.at,
    actorRole: context.actor.role,
    actorId: context.actor.id,
    action: context.type,
    ...(before ? { fromStatus: before.status } : { fromStatus: 'draft' as const }),
    toStatus: request.status,
    ...(subjectId ? { subjectId } : {}),
  };
  const reminders = reminderEffects(
    request.id,
    remindersFor(before, context.policy),
    remindersFor(request, context.policy),
  );
  return { ok: true, request, audit, effects: [...effects, ...reminders] };
}

/** Cancels what the new record no longer calls for; schedules what is new or moved. */
function reminderEffects(
  requestId: string,
  before: readonly PlannedReminder[],
  after: readonly PlannedReminder[],
): Effect[] {
  const effects: Effect[] = [];
  const planned = new Map<ReminderKind, string>(before.map((r) => [r.reminder, r.at]));
  const wanted = new Set(after.map((r) => r.reminder));
  for (const { reminder } of before)
    if (!wanted.has(reminder)) effects.push({ kind: 'cancel_reminder', requestId, reminder });
  for (const { reminder, at } of after)
    if (planned.get(reminder) !== at) effects.push({ kind: 'schedule_reminder', requestId, reminder, at });
  return effects;
}

// Effect helpers: each names one audience.

const card = (r: AccommodationRequest): Effect => ({ kind: 'hr_card', requestId: r.id });
const thread = (r: AccommodationRequest, event: LifecycleEvent, letter?: string): Effect =>
  letter
    ? { kind: 'hr_thread', requestId: r.id, event, letter }
    : { kind: 'hr_thread', requestId: r.id, event };
const tellEmployee = (r: AccommodationRequest, event: LifecycleEvent, letter?: string): Effect =>
  letter
    ? { kind: 'employee_dm', requestId: r.id, event, letter }
    : { kind: 'employee_dm', requestId: r.id, event };
const home = (userId: string): Effect => ({ kind: 'refresh_home', userId });

/** The EAP coordinator hears status and dates, and only about an employee who agreed. */
function tellEap(r: AccommodationRequest, event: LifecycleEvent): Effect[] {
  return r.disclosure.eapMayTrackStatus ? [{ kind: 'eap_dm', requestId: r.id, event }] : [];
}

/** An approved arrangement is in place, and its manager (if told) still thinks it applies. */
const inPlace = (r: AccommodationRequest) => r.status === 'approved' || r.status === 'review_due';
const noNotice = { set: {}, effects: [] } as const;

/** The fields of HR's running clock, cleared when nobody owes an answer. */
const clockFields: readonly (keyof AccommodationRequest)[] = ['dueAt', 'hrClock'];

const handlers: { readonly [T in CommandType]: Handler<T> } = {
  submit: (context, payload) => {
    const { at, now, policy, actor } = context;
    const { reference, teamId, sensitive, reviewDate, managerId, released, teamNoteReleased, ...facts } =
      payload;
    if (managerId !== undefined && managerId === actor.id)
      return refuse('invalid_payload', 'Your manager can’t be you. Please choose your manager.', {
        managerId: 'Please choose your manager, not yourself.',
      });
    const draft = context.request;
    const { teamNote: _unshared, ...withoutTeamNote } = sensitive;
    const request: AccommodationRequest = {
      id: reference,
      teamId,
      employeeId: actor.id,
      status: 'submitted',
      version: draft?.version ?? 0,
      createdAt: draft?.createdAt ?? at,
      updatedAt: at,
      statusChangedAt: at,
      submittedAt: at,
      ...facts,
      // Without consent to tell the manager, a note for the team has nobody to go to: not kept.
      sensitive: (facts.disclosure.shareScheduleWithManager ? sensitive : withoutTeamNote) as SensitiveFields,
      ...(reviewDate ? { reviewDate } : {}),
      // Without consent the app keeps no manager at all.
      ...(managerId && facts.disclosure.shareScheduleWithManager ? { managerId } : {}),
      ...(released?.length ? { released: releasable(released, sensitive) } : {}),
      ...(teamNoteReleased && facts.disclosure.shareScheduleWithManager && hasWords(sensitive.teamNote)
        ? { teamNoteReleased }
        : {}),
      waitingOn: 'hr',
      dueAt: acknowledgeDue(now, policy).toISOString(),
      hrClock: { decisionDueAt: decisionDue(now, policy).toISOString() },
      lastActorId: actor.id,
      lastAction: 'submit',
    };
    return decided(context, null, request, [
      card(request),
      // "Sent": the request is stored and HR will be told. The DM says no more than that.
      tellEmployee(request, 'submitted'),
      home(request.employeeId),
      ...tellEap(request, 'submitted'),
    ]);
  },

  acknowledge: (context) => {
    const { request, actor, policy } = context as Existing;
    const clock = resumeHrClock(request, context.now, policy);
    const next = { ...request, status: 'acknowledged' as const };
    return step(context, {
      status: 'acknowledged',
      set: {
        acknowledgedAt: context.at,
        // Whoever acknowledges an unassigned request is handling it until someone reassigns.
        assigneeId: request.assigneeId ?? actor.id,
        waitingOn: 'hr',
        dueAt: clock.decisionDueAt,
        hrClock: clock,
      },
      effects: [
        card(next),
        thread(next, 'acknowledged'),
        tellEmployee(next, 'acknowledged', 'hr_acknowledgment'),
        home(request.employeeId),
        ...(request.assigneeId ? [] : [home(actor.id)]),
        ...tellEap(next, 'acknowledged'),
      ],
    });
  },

  assign: (context, payload) => {
    const { request, actor } = context as Existing;
    if (payload.assigneeId === request.assigneeId)
      return alreadyDone(request, actor.id, `<@${payload.assigneeId}> is already handling this request.`);
    if (payload.assigneeId === request.employeeId)
      return refuse(
        'invalid_payload',
        'A request can’t be handled by the employee who made it. Please choose someone else in HR.',
        { assigneeId: 'Please choose someone in HR other than the employee.' },
      );
    return step(context, {
      set: { assigneeId: payload.assigneeId },
      subjectId: payload.assigneeId,
      effects: [
        card(request),
        thread(request, 'assigned'),
        home(payload.assigneeId),
        ...(request.assigneeId ? [home(request.assigneeId)] : []),
      ],
    });
  },

  request_documentation: (context, payload) => {
    const { request, actor, now, policy } = context as Existing;
    return step(context, {
      status: 'documentation_requested',
      set: {
        documentation: { requestedAt: context.at, requestedBy: actor.id, items: payload.items },
        hrClock: pauseHrClock(request, now, policy),
        waitingOn: 'employee',
        dueAt: employeeDue(request, now, policy).toISOString(),
      },
      effects: [
        card(request),
        thread(request, 'documentation_requested'),
        tellEmployee(request, 'documentation_requested', 'documentation_request'),
        tellEmployee(request, 'provider_form', 'provider_verification'),
        home(request.employeeId),
        ...tellEap(request, 'documentation_requested'),
      ],
    });
  },

  provider_pending: (context) => {
    const { request } = context as Existing;
    const documentation = request.documentation ?? {
      requestedAt: request.statusChangedAt,
      requestedBy: 'unknown',
      items: ['session_days_and_times' as const],
    };
    return step(context, {
      // The provider answers HR directly; the employee's part is done, so nobody reminds them.
      set: { waitingOn: 'provider', documentation: { ...documentation, providerAskedAt: context.at } },
      effects: [
        card(request),
        thread(request, 'provider_pending'),
        // The employee hears that HR was told, so the button's press has an answer.
        tellEmployee(request, 'provider_pending'),
        home(request.employeeId),
      ],
    });
  },

  documentation_received: (context) => {
    const { request, now, policy } = context as Existing;
    const clock = resumeHrClock(request, now, policy);
    return step(context, {
      status: 'acknowledged',
      set: {
        ...(request.documentation
          ? { documentation: { ...request.documentation, receivedAt: context.at } }
          : {}),
        waitingOn: 'hr',
        dueAt: clock.decisionDueAt,
        hrClock: clock,
      },
      effects: [
        card(request),
        thread(request, 'documentation_received'),
        tellEmployee(request, 'documentation_received'),
        home(request.employeeId),
        ...tellEap(request, 'documentation_received'),
      ],
    });
  },

  offer_alternative: (context, payload) => {
    const { request, actor, now, policy } = context as Existing;
    const respondBy = employeeDue(request, now, policy).toISOString();
    return step(context, {
      status: 'alternative_offered',
      set: {
        alternative: { offeredAt: context.at, offeredBy: actor.id, pattern: payload.pattern, respondBy },
        sensitive: { ...request.sensitive, alternativeExplanation: payload.explanation },
        hrClock: pauseHrClock(request, now, policy),
        waitingOn: 'employee',
        dueAt: respondBy,
      },
      effects: [
        card(request),
        thread(request, 'alternative_offered'),
        tellEmployee(request, 'alternative_offered', 'alternative_offer'),
        home(request.employeeId),
        ...tellEap(request, 'alternative_offered'),
      ],
    });
  },

  accept_alternative: (context) => answerAlternative(context as Existing, 'accepted'),

  decline_alternative: (context, payload) =>
    answerAlternative(context as Existing, 'declined', payload.comment),

  approve: (context, payload) => {
    const { request: before, actor, at } = context as Existing;
    if (payload.managerId !== undefined && payload.managerId === before.employeeId)
      return refuse('invalid_payload', 'The manager can’t be the employee. Please choose their manager.', {
        managerId: 'Please choose the employee’s manager, not the employee.',
      });
    // HR may name the manager only where the employee agreed the manager be told.
    const managerId =
      before.disclosure.shareScheduleWithManager && payload.managerId ? payload.managerId : before.managerId;
    const request = managerId ? { ...before, managerId } : before;
    const told = tellManagerOfPattern(request, 'approved', at);
    const next = { ...request, status: 'approved' as const };
    return step(context, {
      status: 'approved',
      set: {
        approval: {
          approvedAt: at,
          approvedBy: actor.id,
          pattern: payload.pattern,
          reviewDate: payload.reviewDate,
        },
        reviewDate: payload.reviewDate,
        decidedAt: at,
        waitingOn: 'nobody',
        ...(managerId ? { managerId } : {}),
        ...told.set,
      },
      unset: clockFields,
      effects: [
        card(next),
        thread(next, 'approved'),
        tellEmployee(next, 'approved', 'approval'),
        // The approved pattern only, and only with the employee's consent (manager projection).
        ...told.effects,
        home(request.employeeId),
        ...tellEap(next, 'approved'),
      ],
    });
  },

  deny: (context, payload) => {
    const { request, actor, at } = context as Existing;
    const next = { ...request, status: 'denied' as const };
    return step(context, {
      status: 'denied',
      set: {
        denial: {
          deniedAt: at,
          deniedBy: actor.id,
          reason: payload.reason,
          ...(payload.reconsiderBy ? { reconsiderBy: payload.reconsiderBy } : {}),
          ...(payload.consultedOn ? { consultedOn: payload.consultedOn } : {}),
          ...(payload.flexibleWorkingGround ? { flexibleWorkingGround: payload.flexibleWorkingGround } : {}),
        },
        sensitive: {
          ...request.sensitive,
          denialExplanation: payload.explanation,
          denialAlternatives: encodeDenialAlternatives(payload.alternativesConsidered),
          denialReconsideration: payload.reconsideration,
        },
        decidedAt: at,
        waitingOn: 'nobody',
      },
      unset: clockFields,
      effects: [
        card(next),
        thread(next, 'denied'),
        tellEmployee(next, 'denied', 'denial'),
        home(request.employeeId),
        ...tellEap(next, 'denied'),
      ],
    });
  },

  add_note: (context, payload) => {
    const { request, actor, at } = context as Existing;
    return step(context, {
      set: { sensitive: withHrNote(request.sensitive, { at, by: actor.id, text: payload.text }) },
      effects: [thread(request, 'note_added')],
    });
  },

  close: (context) => {
    const { request } = context as Existing;
    const next = { ...request, status: 'closed' as const };
    // Closing an arrangement in place ends it for the manager too.
    const told = inPlace(request) ? tellManagerOfEnd(request, 'ended') : noNotice;
    return step(context, {
      status: 'closed',
      set: { closedAt: context.at, waitingOn: 'nobody', ...told.set },
      unset: clockFields,
      effects: [
        card(next),
        thread(next, 'closed'),
        tellEmployee(next, 'closed'),
        ...told.effects,
        home(request.employeeId),
        ...tellEap(next, 'closed'),
      ],
    });
  },

  withdraw: (context) => {
    const { request } = context as Existing;
    const next = { ...request, status: 'withdrawn' as const };
    const told = inPlace(request) ? tellManagerOfEnd(request, 'withdrawn') : noNotice;
    return step(context, {
      status: 'withdrawn',
      set: { waitingOn: 'nobody', ...told.set },
      unset: clockFields,
      effects: [
        card(next),
        thread(next, 'withdrawn'),
        tellEmployee(next, 'withdrawn'),
        ...told.effects,
        home(request.employeeId),
        ...(request.assigneeId ? [home(request.assigneeId)] : []),
        ...tellEap(next, 'withdrawn'),
      ],
    });
  },

  request_update: (context) => {
    const { request } = context as Existing;
    return step(context, {
      set: { lastUpdateRequestedAt: context.at },
      // An event in the card's thread with the status inquiry letter, once; no status change.
      effects: [
        card(request),
        thread(request, 'update_requested', 'status_inquiry'),
        tellEmployee(request, 'update_requested'),
        home(request.employeeId),
        ...(request.assigneeId ? [home(request.assigneeId)] : []),
      ],
    });
  },

  mark_review_due: (context) => {
    const { request, now, policy } = context as Existing;
    const next = { ...request, status: 'review_due' as const };
    return step(context, {
      status: 'review_due',
      set: { waitingOn: 'hr', dueAt: reviewDueAt(request, now, policy) },
      effects: [
        card(next),
        thread(next, 'review_due'),
        tellEmployee(next, 'review_due'),
        home(request.employeeId),
        ...tellEap(next, 'review_due'),
      ],
    });
  },

  request_extension: (context, payload) => {
    const { request, now, policy, at } = context as Existing;
    const endDate = request.approval?.pattern.endDate;
    if (endDate !== undefined && payload.until <= endDate)
      return refuse(
        'invalid_payload',
        `Some answers need another look: the new end date needs to be after the current one (${endDate}). Nothing was saved yet.`,
        { until: `Please choose a date after ${endDate}.` },
      );
    const next = { ...request, status: 'review_due' as const };
    return step(context, {
      status: 'review_due',
      set: {
        extension: { requestedAt: at, until: payload.until },
        waitingOn: 'hr',
        dueAt:
          request.status === 'review_due' && request.dueAt
            ? request.dueAt
            : extensionDueAt(request, now, policy),
      },
      effects: [
        card(next),
        thread(next, 'extension_requested', 'extension_request'),
        tellEmployee(next, 'extension_requested'),
        home(request.employeeId),
        ...tellEap(next, 'extension_requested'),
      ],
    });
  },

  extend: (context, payload) => {
    const { request, at } = context as Existing;
    const approval = request.approval;
    if (!approval)
      return refuse(
        'wrong_status',
        'This request has no approved arrangement to extend. Please approve a working pattern instead.',
      );
    if (payload.endDate < approval.pattern.startDate)
      return refuse(
        'invalid_payload',
        `Some answers need another look: the end date needs to be on or after the start date (${approval.pattern.startDate}). Nothing was saved yet.`,
        { endDate: 'Please choose a date on or after the start date.' },
      );
    const pattern = {
      ...approval.pattern,
      endDate: payload.endDate,
      ...(payload.hours ? { hours: payload.hours } : {}),
      ...(payload.remoteDays ? { remoteDays: payload.remoteDays } : {}),
    };
    const told = tellManagerOfPattern(request, 'extended', at);
    const next = { ...request, status: 'approved' as const };
    return step(context, {
      status: 'approved',
      set: {
        approval: { ...approval, pattern, reviewDate: payload.reviewDate },
        reviewDate: payload.reviewDate,
        ...(request.extension && request.extension.decidedAt === undefined
          ? { extension: { ...request.extension, decidedAt: at, outcome: 'extended' as const } }
          : {}),
        waitingOn: 'nobody',
        ...told.set,
      },
      unset: clockFields,
      effects: [
        card(next),
        thread(next, 'extended'),
        tellEmployee(next, 'extended', 'approval'),
        ...told.effects,
        home(request.employeeId),
        ...tellEap(next, 'extended'),
      ],
    });
  },

  end: (context) => {
    const { request, at } = context as Existing;
    const next = { ...request, status: 'ended' as const };
    const told = tellManagerOfEnd(request, 'ended');
    return step(context, {
      status: 'ended',
      set: {
        waitingOn: 'nobody',
        ...told.set,
        ...(request.extension && !request.extension.decidedAt
          ? { extension: { ...request.extension, decidedAt: at, outcome: 'ended' as const } }
          : {}),
      },
      unset: clockFields,
      effects: [
        card(next),
        thread(next, 'ended'),
        tellEmployee(next, 'ended'),
        ...told.effects,
        home(request.employeeId),
        ...tellEap(next, 'ended'),
      ],
    });
  },

  decline_extension: (context) => {
    const { request, at } = context as Existing;
    const extension = request.extension;
    if (!extension) return refuse('wrong_status', 'There is no extension request waiting for an answer.');
    return step(context, {
      // Still up for review, and nobody owes an answer: the arrangement runs to its end date as
      // approved. The employee may ask again; HR may still extend, adjust or end it.
      set: { extension: { ...extension, decidedAt: at, outcome: 'declined' }, waitingOn: 'nobody' },
      unset: clockFields,
      effects: [
        card(request),
        thread(request, 'extension_declined'),
        tellEmployee(request, 'extension_declined'),
        home(request.employeeId),
        ...tellEap(request, 'extension_declined'),
      ],
    });
  },

  erase: (context) => {
    const { request, at } = context as Existing;
    const next = { ...request, status: 'closed' as const };
    const told = inPlace(request) ? tellManagerOfEnd(request, 'withdrawn') : noNotice;
    return step(context, {
      status: 'closed',
      set: {
        closedAt: at,
        waitingOn: 'nobody',
        ...told.set,
        // What the employee never gave HR goes now; what HR received is kept until retention ends.
        sensitive: keptForRetention(request),
      },
      unset: clockFields,
      effects: [
        card(next),
        thread(next, 'erased'),
        { kind: 'delete_slack_posts', requestId: request.id },
        ...told.effects,
        home(request.employeeId),
        ...tellEap(next, 'closed'),
      ],
    });
  },

  purge: (context) => {
    const { request } = context as Existing;
    return step(context, {
      status: 'purged',
      set: { sensitive: {}, waitingOn: 'nobody' },
      unset: [...clockFields, 'released'],
      // Everything the app posted about the request goes from Slack where Slack allows, HR's card
      // and its thread included: nothing of it is left to show once the record is gone.
      effects: [
        { kind: 'delete_slack_posts', requestId: request.id, everything: true },
        home(request.employeeId),
      ],
    });
  },

  // Written to the audit trail only: the record itself is read by the export, not changed.
  record_export: (context) => step(context, { effects: [] }),

  release: (context, payload) => {
    const { request, actor } = context as Existing;
    const empty = payload.fields.filter((field) => !hasWords(request.sensitive[field]));
    if (empty.length > 0)
      return refuse(
        'invalid_payload',
        'Some answers need another look: there is nothing written there to share. Nothing was shared.',
        Object.fromEntries(empty.map((field) => [field, 'Nothing is written here to share.'])),
      );
    const already = new Set(request.released ?? []);
    if (payload.fields.every((field) => already.has(field)))
      return alreadyDone(request, actor.id, 'HR can already read what you chose to share.');
    return step(context, {
      set: { released: releasable([...already, ...payload.fields], request.sensitive) },
      effects: [card(request), thread(request, 'text_released'), home(request.employeeId)],
    });
  },

  close_after_grace: (context) => {
    const { request, at } = context as Existing;
    const next = { ...request, status: 'closed' as const };
    return step(context, {
      status: 'closed',
      set: { closedAt: at, waitingOn: 'nobody' },
      unset: clockFields,
      effects: [card(next), thread(next, 'closed'), home(request.employeeId)],
    });
  },
};

/** Only fields that hold text can be released; the order is kept stable for comparisons. */
function releasable(fields: readonly ReleasableField[], sensitive: SensitiveFields): ReleasableField[] {
  return releasableFields.filter((field) => fields.includes(field) && hasWords(sensitive[field]));
}

function answerAlternative(
  context: Existing,
  response: 'accepted' | 'declined',
  comment?: PrivateText,
): Decision {
  const { request, now, policy, at } = context;
  const clock = resumeHrClock(request, now, policy);
  const status = response === 'accepted' ? 'accepted' : 'acknowledged';
  const next = { ...request, status } as AccommodationRequest;
  const sensitive: SensitiveFields = hasWords(comment)
    ? { ...request.sensitive, declineComment: comment }
    : request.sensitive;
  // A new comment is new text: a release of an earlier one does not cover it.
  const released = comment
    ? request.released?.filter((field) => field !== 'declineComment')
    : request.released;
  return step(context, {
    status,
    set: {
      ...(request.alternative ? { alternative: { ...request.alternative, response, respondedAt: at } } : {}),
      sensitive,
      ...(released ? { released } : {}),
      waitingOn: 'hr',
      dueAt: clock.decisionDueAt,
      hrClock: clock,
    },
    effects: [
      card(next),
      thread(next, response === 'accepted' ? 'alternative_accepted' : 'alternative_declined'),
      tellEmployee(next, response === 'accepted' ? 'alternative_accepted' : 'alternative_declined'),
      home(request.employeeId),
      ...tellEap(next, response === 'accepted' ? 'alternative_accepted' : 'alternative_declined'),
    ],
  });
}

/** HR's answer on a review is due by the review (or end) date, and never in the past. */
function reviewDueAt(request: AccommodationRequest, now: Date, policy: LifecyclePolicy): string {
  const due = reviewDecisionDue(request, policy);
  const soonest = addBusinessDays(now, policy.acknowledgeWithinDays, policy.calendar);
  return (due && due > soonest ? due : soonest).toISOString();
}

/**
 * HR answers an extension asked early within its usual decision time, or by the review date if
 * that comes first, and never sooner than it could acknowledge.
 */
function extensionDueAt(request: AccommodationRequest, now: Date, policy: LifecyclePolicy): string {
  const usual = addBusinessDays(now, policy.decideWithinDays, policy.calendar);
  const review = reviewDecisionDue(request, policy);
  const soonest = addBusinessDays(now, policy.acknowledgeWithinDays, policy.calendar);
  const due = review && review < usual ? review : usual;
  return (due > soonest ? due : soonest).toISOString();
}

/** After "delete my data": only what the employee released to HR, and HR's own words, remain. */
function keptForRetention(request: AccommodationRequest): SensitiveFields {
  const released = new Set<string>(request.released ?? []);
  const kept: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(request.sensitive)) {
    if (value === undefined) continue;
    if (hrFields.has(name as keyof SensitiveFields) || released.has(name)) kept[name] = value;
  }
  return kept as SensitiveFields;
}

const hrFields = new Set<keyof SensitiveFields>([
  'alternativeExplanation',
  'denialExplanation',
  'denialAlternatives',
  'denialReconsideration',
  'hrNotes',
]);
