import { can, type ViewAction } from '../access.js';
import type { AccommodationRequest } from '../request.js';
import type { Actor } from '../roles.js';
import type { CommandType } from '../statuses.js';
import { permit } from './decide.js';
import { defaultPolicy, type LifecyclePolicy } from './policy.js';

/**
 * The buttons a person sees for a request, on every surface (Home, HR's card, `/accommodation
 * status`). A command button is listed exactly when `decide` would accept that command from this
 * person now, given a filled-in form: both ask `permit`. Labels are the words of issue 12.
 */
export const actionIds = [
  'assign_to_me',
  'reassign',
  'acknowledge',
  'request_documentation',
  'documentation_received',
  'offer_alternative',
  'approve',
  'deny',
  'close',
  'add_note',
  'extend',
  'adjust',
  'decline_extension',
  'end',
  'accept_alternative',
  'decline_alternative',
  'provider_pending',
  'request_update',
  'request_extension',
  'withdraw',
  'view_request',
  'history',
] as const;
export type ActionId = (typeof actionIds)[number];

export interface Action {
  /** Stable: listeners use it as the button's action id suffix. */
  readonly id: ActionId;
  readonly label: string;
  /** The command the button leads to, or absent for a view (a modal that only shows). */
  readonly command?: CommandType;
  readonly view?: ViewAction;
  /** A button that opens a form first (HR's modals, the extension date, a decline comment). */
  readonly opensForm: boolean;
  readonly style?: 'primary' | 'danger';
}

interface ActionSpec extends Action {
  /** Beyond `permit`: when this particular button applies (assign to me vs reassign). */
  readonly when?: (request: AccommodationRequest, actor: Actor) => boolean;
}

/** In the order the buttons appear: the likely next step first, then the rest, then views. */
const specs: readonly ActionSpec[] = [
  {
    id: 'assign_to_me',
    label: 'Assign to me',
    command: 'assign',
    opensForm: false,
    when: (r, a) => r.assigneeId !== a.id,
  },
  {
    id: 'reassign',
    label: 'Reassign',
    command: 'assign',
    opensForm: true,
    when: (r) => r.assigneeId !== undefined,
  },
  { id: 'acknowledge', label: 'Acknowledge', command: 'acknowledge', opensForm: false, style: 'primary' },
  {
    id: 'request_documentation',
    label: 'Ask for documentation',
    command: 'request_documentation',
    opensForm: true,
  },
  {
    id: 'documentation_received',
    label: 'Documentation received',
    command: 'documentation_received',
    opensForm: false,
  },
  { id: 'offer_alternative', label: 'Offer an alternative', command: 'offer_alternative', opensForm: true },
  { id: 'approve', label: 'Approve', command: 'approve', opensForm: true, style: 'primary' },
  { id: 'deny', label: 'Deny', command: 'deny', opensForm: true, style: 'danger' },
  { id: 'extend', label: 'Extend', command: 'extend', opensForm: true, style: 'primary' },
  // At a review: new dates (Extend), new hours too (Adjust), or no extension (Keep the end date).
  { id: 'adjust', label: 'Adjust', command: 'extend', opensForm: true },
  { id: 'decline_extension', label: 'Keep the end date', command: 'decline_extension', opensForm: false },
  { id: 'end', label: 'End', command: 'end', opensForm: true },
  { id: 'close', label: 'Close', command: 'close', opensForm: true },
  { id: 'add_note', label: 'Add note', command: 'add_note', opensForm: true },
  {
    id: 'accept_alternative',
    label: 'Accept',
    command: 'accept_alternative',
    opensForm: false,
    style: 'primary',
  },
  { id: 'decline_alternative', label: 'Decline', command: 'decline_alternative', opensForm: true },
  { id: 'provider_pending', label: 'I’ve asked my provider', command: 'provider_pending', opensForm: false },
  { id: 'request_update', label: 'Ask HR for an update', command: 'request_update', opensForm: false },
  { id: 'request_extension', label: 'Ask for an extension', command: 'request_extension', opensForm: true },
  { id: 'withdraw', label: 'Withdraw', command: 'withdraw', opensForm: true, style: 'danger' },
  { id: 'view_request', label: 'View request', view: 'view_request', opensForm: false },
  { id: 'history', label: 'History', view: 'view_history', opensForm: false },
];

/**
 * Commands that never get a button: the app gives the system's, submit is the intake's last step,
 * and "Delete my data" is one button for all of a person's data, not one per request.
 */
export const commandsWithoutButtons: readonly CommandType[] = [
  'submit',
  'erase',
  'mark_review_due',
  'purge',
  'close_after_grace',
  // Released from the "what HR will read" preview, which the privacy layer owns.
  'release',
  // The administrator's export of a person's whole record, from the command line.
  'record_export',
];

export function availableActions(
  request: AccommodationRequest,
  actor: Actor,
  now: Date,
  policy: LifecyclePolicy = defaultPolicy,
): Action[] {
  const actions: Action[] = [];
  for (const { when, ...action } of specs) {
    if (when && !when(request, actor)) continue;
    if (action.command !== undefined) {
      if (permit(request, action.command, actor, now, policy) !== null) continue;
    } else if (action.view !== undefined) {
      // A purged request has nothing left to view.
      if (request.status === 'purged' || !can(actor, action.view, request)) continue;
    }
    actions.push(action);
  }
  return actions;
}
