/**
 * The request's statuses and the names of what can happen to it. They live apart from the
 * lifecycle table so the record schema (request.ts) and the table can both import them without a
 * cycle.
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

/**
 * Statuses in which the process is still running for the employee: they may withdraw, and
 * deleting their data withdraws first. `approved` and `review_due` are open because an
 * arrangement in place is still theirs to end.
 */
export const openStatuses: readonly RequestStatus[] = [
  'submitted',
  'acknowledged',
  'documentation_requested',
  'alternative_offered',
  'accepted',
  'approved',
  'review_due',
];

/** A decision was reached and nothing more is asked of anyone: these close after a grace period. */
export const finishedStatuses: readonly RequestStatus[] = ['denied', 'withdrawn', 'ended'];

/** Who the process is waiting on. A clock runs only for `hr` (HR's) or `employee`/`provider`. */
export const waitingOnValues = ['hr', 'employee', 'provider', 'nobody'] as const;
export type WaitingOn = (typeof waitingOnValues)[number];

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

/**
 * Every command `decide` understands. The audit trail records the command's name as its action, so
 * the names are part of the stored format: add, never rename.
 */
export const commandTypes = [
  'submit',
  'acknowledge',
  'assign',
  'request_documentation',
  'provider_pending',
  'documentation_received',
  'offer_alternative',
  'accept_alternative',
  'decline_alternative',
  'approve',
  'deny',
  'add_note',
  'close',
  'withdraw',
  'request_update',
  'mark_review_due',
  'request_extension',
  'extend',
  'end',
  'erase',
  'purge',
  'close_after_grace',
  'release',
  'decline_extension',
  'record_export',
] as const;
export type CommandType = (typeof commandTypes)[number];

/**
 * The event names of the first status table. Audit entries written by older versions carry them,
 * so they stay readable; new entries carry a `CommandType`.
 */
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
