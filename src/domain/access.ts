import type { AccommodationRequest } from './request.js';
import type { Actor } from './roles.js';
import type { CommandType } from './statuses.js';

/**
 * Who someone is *to this request*. A Slack user has one role in the workspace (HR, EAP, an
 * employee, a manager), but what they may do depends on how they stand to the request in hand:
 * the employee who made it, anyone else, its HR handlers, its EAP coordinators, its manager.
 */
export const relations = ['owner', 'other_employee', 'hr', 'eap', 'manager', 'system'] as const;
export type Relation = (typeof relations)[number];

/** The routing facts access needs, so callers can ask without holding a whole record. */
export type AccessSubject = Pick<AccommodationRequest, 'employeeId'> &
  Partial<Pick<AccommodationRequest, 'managerId'>>;

/**
 * How an actor stands to a request. The employee comes first: an HR member who asks for an
 * accommodation is the employee on their own request and never its HR handler, so nobody can
 * approve their own request. A manager is this request's manager only if the employee named them.
 */
export function relationOf(actor: Actor, request: AccessSubject | null): Relation {
  if (actor.role === 'system') return 'system';
  // No request yet: whoever is making one is its employee, HR staff and managers included.
  if (request === null || actor.id === request.employeeId) return 'owner';
  if (actor.role === 'hr') return 'hr';
  if (actor.role === 'eap') return 'eap';
  if (request.managerId !== undefined && actor.id === request.managerId) return 'manager';
  return 'other_employee';
}

/** Who holds the HR and EAP roles: ids resolved from user groups or configured lists. */
export interface Directory {
  readonly hrIds: ReadonlySet<string>;
  readonly eapIds: ReadonlySet<string>;
}

/**
 * The actor for a Slack user. Pure: the middleware resolves the user groups (and caches them) and
 * passes the sets. HR wins over EAP when someone is in both, because HR's surfaces already show
 * more than EAP's. With a request in hand, the request's manager is a `manager`; `relationOf` still
 * makes the request's own employee the `owner`, whatever their role.
 */
export function resolveActor(userId: string, directory: Directory, request?: AccessSubject | null): Actor {
  if (directory.hrIds.has(userId)) return { role: 'hr', id: userId };
  if (directory.eapIds.has(userId)) return { role: 'eap', id: userId };
  if (request?.managerId !== undefined && request.managerId === userId && request.employeeId !== userId)
    return { role: 'manager', id: userId };
  return { role: 'employee', id: userId };
}

/** What someone may look at, besides the commands `decide` rules on. */
export const viewActions = [
  /** The request card and its details: C0 and C1, released text. */
  'view_request',
  /** The audit trail: who did what, when. */
  'view_history',
  /** A letter of the request. */
  'view_letter',
  /** The request as one row of EAP's tracking. */
  'view_tracking',
  /** The approved working pattern (the manager's whole view). */
  'view_approved_pattern',
] as const;
export type ViewAction = (typeof viewActions)[number];

const viewers: Readonly<Record<ViewAction, readonly Relation[]>> = {
  view_request: ['owner', 'hr'],
  view_history: ['owner', 'hr'],
  view_letter: ['owner', 'hr'],
  view_tracking: ['owner', 'hr', 'eap'],
  view_approved_pattern: ['owner', 'hr', 'manager'],
};

/**
 * May `actor` take `action` on `request`? For commands this is the permission part of `decide`
 * (status and timing aside); for views it is the whole rule. EAP sees a person's row only when that
 * employee agreed; a manager sees the pattern only when the employee agreed and it was approved.
 */
export function can(
  actor: Actor,
  action: ViewAction | CommandType,
  request: (AccessSubject & Partial<Pick<AccommodationRequest, 'disclosure' | 'approval' | 'status'>>) | null,
): boolean {
  const relation = relationOf(actor, request);
  if (isViewAction(action)) {
    if (request === null || !viewers[action].includes(relation)) return false;
    if (relation === 'eap') return request.disclosure?.eapMayTrackStatus === true;
    if (relation === 'manager')
      return request.disclosure?.shareScheduleWithManager === true && request.approval !== undefined;
    return true;
  }
  return commandRelations[action].includes(relation);
}

function isViewAction(action: string): action is ViewAction {
  return (viewActions as readonly string[]).includes(action);
}

/**
 * Who may give each command. The employee's commands are the owner's alone; HR's are HR's alone;
 * the app itself only moves time along (reviews falling due, closing after grace, purging after
 * retention) and never ends, expires or denies anything. EAP coordinators and managers give no
 * commands: they are told, they do not decide.
 */
export const commandRelations: Readonly<Record<CommandType, readonly Relation[]>> = {
  submit: ['owner'],
  acknowledge: ['hr'],
  assign: ['hr'],
  request_documentation: ['hr'],
  provider_pending: ['owner'],
  documentation_received: ['hr'],
  offer_alternative: ['hr'],
  accept_alternative: ['owner'],
  decline_alternative: ['owner'],
  approve: ['hr'],
  deny: ['hr'],
  add_note: ['hr'],
  close: ['hr'],
  withdraw: ['owner'],
  request_update: ['owner'],
  mark_review_due: ['system'],
  request_extension: ['owner'],
  extend: ['hr'],
  // An arrangement in place is the employee's to end too, at its review or any time before.
  end: ['hr', 'owner'],
  erase: ['owner'],
  purge: ['system'],
  close_after_grace: ['system'],
  release: ['owner'],
  decline_extension: ['hr'],
  // Given from the command line by an administrator answering a data-subject request.
  record_export: ['system'],
};
