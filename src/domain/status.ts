import type { Role } from './roles.js';

/**
 * The request's life (DESIGN.md section 3). The whole lifecycle is modelled now, even where the Slack
 * surfaces come later, so that HR's process, EAP tracking and retention only add screens.
 */
export const requestStatuses = [
  'draft',
  'submitted',
  'acknowledged',
  'documentation_requested',
  'alternative_offered',
  'accepted',
  'approved',
  'review_due',
  'denied',
  'withdrawn',
  'ended',
  'closed',
  'purged',
] as const;
export type RequestStatus = (typeof requestStatuses)[number];

export const requestEvents = [
  'submit',
  'acknowledge',
  'request_documentation',
  'documentation_provided',
  'offer_alternative',
  'accept_alternative',
  'decline_alternative',
  'approve',
  'deny',
  'mark_review_due',
  'request_extension',
  'extend',
  'end',
  'withdraw',
  'close',
  'purge',
] as const;
export type RequestEvent = (typeof requestEvents)[number];

interface Transition {
  readonly from: readonly RequestStatus[];
  readonly to: RequestStatus;
  readonly by: readonly Role[];
}

/** Statuses in which the employee is still waiting on the process and may withdraw. */
export const openStatuses: readonly RequestStatus[] = [
  'submitted',
  'acknowledged',
  'documentation_requested',
  'alternative_offered',
  'accepted',
  'approved',
  'review_due',
];

/** The one table of (status, event) -> status, with the roles allowed to cause each event. */
export const transitions: Readonly<Record<RequestEvent, Transition>> = {
  submit: { from: ['draft'], to: 'submitted', by: ['employee'] },
  acknowledge: { from: ['submitted'], to: 'acknowledged', by: ['hr'] },
  request_documentation: { from: ['acknowledged'], to: 'documentation_requested', by: ['hr'] },
  // Documentation goes from the provider to HR directly; either side can record that it arrived.
  documentation_provided: { from: ['documentation_requested'], to: 'acknowledged', by: ['employee', 'hr'] },
  offer_alternative: { from: ['acknowledged'], to: 'alternative_offered', by: ['hr'] },
  accept_alternative: { from: ['alternative_offered'], to: 'accepted', by: ['employee'] },
  decline_alternative: { from: ['alternative_offered'], to: 'acknowledged', by: ['employee'] },
  approve: { from: ['acknowledged', 'accepted'], to: 'approved', by: ['hr'] },
  deny: { from: ['acknowledged'], to: 'denied', by: ['hr'] },
  mark_review_due: { from: ['approved'], to: 'review_due', by: ['system'] },
  request_extension: { from: ['approved'], to: 'review_due', by: ['employee'] },
  extend: { from: ['review_due'], to: 'approved', by: ['hr'] },
  end: { from: ['review_due'], to: 'ended', by: ['hr', 'system'] },
  withdraw: { from: openStatuses, to: 'withdrawn', by: ['employee'] },
  close: { from: ['approved', 'denied', 'withdrawn', 'ended'], to: 'closed', by: ['hr', 'system'] },
  purge: { from: ['closed'], to: 'purged', by: ['system'] },
};

export type TransitionResult =
  | { readonly ok: true; readonly to: RequestStatus }
  | { readonly ok: false; readonly reason: 'not_allowed_from_status' | 'role_not_allowed' };

/** Pure check of one event against the table; callers persist the result with a version check. */
export function nextStatus(from: RequestStatus, event: RequestEvent, role: Role): TransitionResult {
  const transition = transitions[event];
  if (!transition.by.includes(role)) return { ok: false, reason: 'role_not_allowed' };
  if (!transition.from.includes(from)) return { ok: false, reason: 'not_allowed_from_status' };
  return { ok: true, to: transition.to };
}

/** Events a role may cause from a status: what the surfaces offer as buttons. */
export function eventsAvailable(from: RequestStatus, role: Role): RequestEvent[] {
  return requestEvents.filter((event) => nextStatus(from, event, role).ok);
}

/** Words an employee reads for each status: plain, never clinical. */
export const statusLabels: Readonly<Record<RequestStatus, string>> = {
  draft: 'Draft',
  submitted: 'Sent to HR',
  acknowledged: 'HR is reviewing it',
  documentation_requested: 'HR asked for a form from your provider',
  alternative_offered: 'HR suggested another arrangement',
  accepted: 'You accepted HR’s suggestion',
  approved: 'Approved',
  review_due: 'Up for review',
  denied: 'Not approved',
  withdrawn: 'Withdrawn',
  ended: 'Ended',
  closed: 'Closed',
  purged: 'Deleted',
};
