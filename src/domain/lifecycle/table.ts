import { type CommandType, finishedStatuses, openStatuses, type RequestStatus } from '../statuses.js';

/**
 * The one table of the request's life (DESIGN.md section 3): from which statuses each command may
 * be given, and the status it leads to. Who may give it is `commandRelations` in access.ts; timing
 * and payload rules are in decide.ts. `null` in `from` means "no request yet" (submit).
 */
export interface TransitionRule {
  readonly from: readonly (RequestStatus | null)[];
  /** `'same'`: an event on the request that leaves its status as it is (audited all the same). */
  readonly to: RequestStatus | 'same';
}

/** Statuses where HR is the one expected to move next, so HR can be late. */
export const hrTurnStatuses: readonly RequestStatus[] = [
  'submitted',
  'acknowledged',
  'accepted',
  'review_due',
];

/** Any status a request that still exists can be in. */
const existing: readonly RequestStatus[] = [...openStatuses, ...finishedStatuses, 'closed'];

export const lifecycle: Readonly<Record<CommandType, TransitionRule>> = {
  submit: { from: [null, 'draft'], to: 'submitted' },
  acknowledge: { from: ['submitted'], to: 'acknowledged' },
  assign: { from: openStatuses, to: 'same' },
  request_documentation: { from: ['acknowledged'], to: 'documentation_requested' },
  provider_pending: { from: ['documentation_requested'], to: 'same' },
  documentation_received: { from: ['documentation_requested'], to: 'acknowledged' },
  offer_alternative: { from: ['acknowledged'], to: 'alternative_offered' },
  accept_alternative: { from: ['alternative_offered'], to: 'accepted' },
  decline_alternative: { from: ['alternative_offered'], to: 'acknowledged' },
  approve: { from: ['acknowledged', 'accepted'], to: 'approved' },
  deny: { from: ['acknowledged'], to: 'denied' },
  add_note: { from: existing, to: 'same' },
  close: { from: ['approved', ...finishedStatuses], to: 'closed' },
  withdraw: { from: openStatuses, to: 'withdrawn' },
  request_update: { from: hrTurnStatuses, to: 'same' },
  mark_review_due: { from: ['approved'], to: 'review_due' },
  request_extension: { from: ['approved', 'review_due'], to: 'review_due' },
  extend: { from: ['review_due'], to: 'approved' },
  end: { from: ['approved', 'review_due'], to: 'ended' },
  // HR answers an extension with no: the arrangement stays as it is until its end date.
  decline_extension: { from: ['review_due'], to: 'same' },
  // Deleting one's data winds the request down in one step: open ones are withdrawn and closed.
  erase: { from: [...openStatuses, ...finishedStatuses], to: 'closed' },
  purge: { from: ['closed'], to: 'purged' },
  close_after_grace: { from: finishedStatuses, to: 'closed' },
  // Releasing words to HR makes sense while HR still works on the request.
  release: { from: openStatuses, to: 'same' },
  // An administrator exported the person's whole record (a data-subject request): status unchanged.
  record_export: { from: existing, to: 'same' },
};

/** The status a command leads to from `from`, or undefined when the table has no such move. */
export function statusAfter(from: RequestStatus | null, command: CommandType): RequestStatus | undefined {
  const rule = lifecycle[command];
  if (!rule.from.includes(from)) return undefined;
  if (rule.to === 'same') return from ?? undefined;
  return rule.to;
}
