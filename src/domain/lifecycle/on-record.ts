import { can } from '../access.js';
import type { Decided, Decision, Refused } from '../decision.js';
import type { AccommodationRequest, AuditEntry } from '../request.js';
import { type Actor, systemActor } from '../roles.js';
import type { CommandType } from '../statuses.js';
import { refusalAudit } from './decide.js';
import { refuse } from './refusals.js';

/**
 * What goes on a request's trail without changing it: someone looked at it, or someone tried what
 * they may not do. Each is decided here, purely, as a transition whose record is the one read and
 * which has no effects; the store writes its audit entry with `requests.record`, checked against the
 * record's version in the same atomic step. So the trail the employee is shown cannot miss an
 * opening, and nothing reaches the audit log except through a decision.
 */

/** What can be looked at, and the permission each needs. */
const looks = { letter: 'view_letter', history: 'view_history' } as const;
export type Look = keyof typeof looks;

/** `actor` opened the request's letter or its history. Refused for anyone who may not look. */
export function looked(request: AccommodationRequest, actor: Actor, now: Date, what: Look): Decision {
  if (!can(actor, looks[what], request))
    return refuse(
      'not_permitted',
      'Only the employee and the HR team can see this request. Nothing was shown.',
    );
  // The letter's entry keeps the shape older versions wrote (no subject), so trails read the same.
  return unchanged(request, {
    ...entryOf(request, actor, now),
    action: 'viewed',
    ...(what === 'history' ? { subjectId: 'history' } : {}),
  });
}

/**
 * Someone outside HR pressed an HR button (`attempted`: the command, or the view, they tried).
 * Null when the refusal is not one the process records (a wrong status, a form to fix).
 */
export function refusedOnRecord(
  request: AccommodationRequest,
  attempted: CommandType,
  actor: Actor,
  now: Date,
  refusal: Refused,
): Decided | null {
  const entry = refusalAudit(request, attempted, actor, now, refusal);
  return entry ? unchanged(request, entry) : null;
}

/** Someone who may not look pressed an HR view button: on the record, and nothing shown. */
export function refusedLook(request: AccommodationRequest, actor: Actor, now: Date, view: string): Decided {
  return unchanged(request, { ...entryOf(request, actor, now), action: 'not_permitted', subjectId: view });
}

/** The app reminded someone (`reminder`: which reminder), on the record like everything it does. */
export function reminded(request: AccommodationRequest, reminder: string, now: Date): Decided {
  return unchanged(request, {
    ...entryOf(request, systemActor, now),
    action: 'reminded',
    subjectId: reminder,
  });
}

function entryOf(request: AccommodationRequest, actor: Actor, now: Date) {
  return {
    at: now.toISOString(),
    actorRole: actor.role,
    actorId: actor.id,
    fromStatus: request.status,
    toStatus: request.status,
  } satisfies Partial<AuditEntry>;
}

/** The record exactly as read (the store bumps only its version), with the entry and no effects. */
function unchanged(request: AccommodationRequest, audit: AuditEntry): Decided {
  return { ok: true, request, audit, effects: [] };
}

/**
 * The trail of a request found again without its data key: a backup from before its purge was
 * restored. Its purge was decided (by `decide`) when it happened, but that entry is not in the
 * backup, so the trail is put back to what the purge left: the reference existed and was purged, by
 * the system, found at `now`. There is no readable record left to decide on, and nothing else
 * changes. The store lays this down; it writes no entry of its own making.
 */
export function purgeFoundAgain(now: Date): AuditEntry {
  return {
    at: now.toISOString(),
    actorRole: systemActor.role,
    actorId: systemActor.id,
    action: 'purge',
    toStatus: 'purged',
  };
}
