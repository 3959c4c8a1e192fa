import { commandRelations, relationOf } from './access.js';
import { statusAfter } from './lifecycle/table.js';
import type { Role } from './roles.js';
import {
  type CommandType,
  openStatuses,
  type RequestEvent,
  type RequestStatus,
  requestEvents,
  requestStatuses,
  statusLabels,
} from './statuses.js';

/**
 * The first status table's API, kept so callers compile while they move to `decide` and
 * `availableActions` (src/domain/lifecycle). It now reads the one lifecycle table, so it can no
 * longer disagree with `decide`.
 */
export { openStatuses, type RequestEvent, type RequestStatus, requestEvents, requestStatuses, statusLabels };

/** The command each old event name became. */
const commandOfEvent: Readonly<Record<RequestEvent, CommandType>> = {
  submit: 'submit',
  acknowledge: 'acknowledge',
  request_documentation: 'request_documentation',
  documentation_provided: 'documentation_received',
  offer_alternative: 'offer_alternative',
  accept_alternative: 'accept_alternative',
  decline_alternative: 'decline_alternative',
  approve: 'approve',
  deny: 'deny',
  mark_review_due: 'mark_review_due',
  request_extension: 'request_extension',
  extend: 'extend',
  end: 'end',
  withdraw: 'withdraw',
  close: 'close',
  purge: 'purge',
};

export type TransitionResult =
  | { readonly ok: true; readonly to: RequestStatus }
  | { readonly ok: false; readonly reason: 'not_allowed_from_status' | 'role_not_allowed' };

/**
 * @deprecated Use `decide` (src/domain/lifecycle/decide.ts): it also checks whose request it is,
 * timing and payloads, and returns the audit entry and effects.
 * The role is read as the request's own employee for `employee`, as in the old table.
 */
export function nextStatus(from: RequestStatus, event: RequestEvent, role: Role): TransitionResult {
  // The old table let the app close a finished request; that is now `close_after_grace`.
  const command = event === 'close' && role === 'system' ? 'close_after_grace' : commandOfEvent[event];
  const relation = relationOf(
    { role, id: role === 'employee' ? 'owner' : 'someone' },
    role === 'employee' ? { employeeId: 'owner' } : { employeeId: 'someone-else' },
  );
  if (!commandRelations[command].includes(relation)) return { ok: false, reason: 'role_not_allowed' };
  const to = statusAfter(from === 'draft' && command === 'submit' ? null : from, command);
  if (to === undefined) return { ok: false, reason: 'not_allowed_from_status' };
  return { ok: true, to };
}

/** @deprecated Use `availableActions` (src/domain/lifecycle/actions.ts). */
export function eventsAvailable(from: RequestStatus, role: Role): RequestEvent[] {
  return requestEvents.filter((event) => nextStatus(from, event, role).ok);
}
