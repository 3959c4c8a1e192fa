/**
 * Who may do what, as data: one row per thing a person can send the app (a button's action id, a
 * form's callback id, sent or closed, the command, the shortcut, an event). The test beside it
 * (authorisation.test.ts) sends every row as every person through the real app and checks the
 * table; a listener registered without a row here fails that test, so a new button cannot ship
 * without saying who may press it.
 *
 * - `target`: what the row names and acts on. `request`: a sent request, by its reference (the
 *   button's value or the form's private_metadata). `draft`: a draft in progress, by the draft id
 *   in the modal's metadata. `self`: nothing but the person's own things (their Home, their draft,
 *   their data). `install`: Slack's own notices about the install, sent by Slack alone.
 * - `mayAct`: who may act on someone's request or draft through this row: `owner` is the person
 *   whose request or draft it is; everyone else acts on another's. A request or draft of another
 *   team (another install) is nobody's to act on from here: there is no column for it because it is
 *   empty for every row.
 */

export const people = ['owner', 'another employee', 'HR', 'EAP', 'manager', 'another team'] as const;
export type Who = (typeof people)[number];

export type Target = 'request' | 'draft' | 'self' | 'install';
export type Kind =
  | 'action'
  | 'view_submission'
  | 'view_closed'
  | 'command'
  | 'shortcut'
  | 'event'
  | 'message';

export interface Row {
  readonly kind: Kind;
  /** The action id, callback id, command, or event type; `message` for direct messages. */
  readonly id: string;
  readonly target: Target;
  readonly mayAct: readonly Who[];
}

const ownerOnly: readonly Who[] = ['owner'];
const hrOnly: readonly Who[] = ['HR'];
const everyone: readonly Who[] = people;

const self = (kind: Kind, id: string): Row => ({ kind, id, target: 'self', mayAct: everyone });
const onRequest = (kind: Kind, id: string, mayAct: readonly Who[]): Row => ({
  kind,
  id,
  target: 'request',
  mayAct,
});
const onDraft = (kind: Kind, id: string): Row => ({ kind, id, target: 'draft', mayAct: ownerOnly });

const intakeSteps = ['intake_schedule', 'intake_work', 'intake_help', 'intake_disclosure'];
const hrButtons = [
  'hr_view_request',
  'hr_history',
  'hr_assign_to_me',
  'hr_reassign',
  'hr_acknowledge',
  'hr_request_documentation',
  'hr_documentation_received',
  'hr_offer_alternative',
  'hr_approve',
  'hr_deny',
  'hr_close',
  'hr_end',
  'hr_extend',
  'hr_adjust',
  'hr_decline_extension',
  'hr_add_note',
];
const hrForms = [
  'hr_form_reassign',
  'hr_form_request_documentation',
  'hr_form_offer_alternative',
  'hr_form_approve',
  'hr_form_deny',
  'hr_form_close',
  'hr_form_end',
  'hr_form_extend',
  'hr_form_adjust',
  'hr_form_add_note',
];

export const authorisationTable: readonly Row[] = [
  // The person's own things: their DM, their Home, their draft, their data.
  self('message', 'message'),
  self('command', '/accommodation'),
  self('shortcut', 'start_accommodation_request'),
  self('event', 'app_home_opened'),
  self('action', 'privacy_notice_accept'),
  self('action', 'home_read_notice'),
  self('action', 'home_start_request'),
  self('action', 'home_continue_draft'),
  // The nudge about a draft left alone: turning nudges off is the person's own preference.
  self('action', 'draft_nudge_off'),
  self('action', 'assistant_start_request'),
  self('action', 'assistant_topic_1'),
  self('action', 'assistant_topic_2'),
  self('action', 'assistant_topic_3'),
  self('action', 'home_delete_data'),
  self('action', 'home_export_data'),
  self('action', 'what_i_wrote_open'),
  self('view_submission', 'delete_my_data'),
  // HR's Home tab pages through the queue; anyone else pressing it just gets their own Home.
  self('action', 'hr_home_page_prev'),
  self('action', 'hr_home_page_next'),
  // Slack's notices about the install: not a person's to send (tested in uninstall.test.ts).
  { kind: 'event', id: 'app_uninstalled', target: 'install', mayAct: [] },
  { kind: 'event', id: 'tokens_revoked', target: 'install', mayAct: [] },

  // The employee's request, from their Home tab and its confirmation.
  onRequest('action', 'home_request_view', ownerOnly),
  onRequest('action', 'home_request_withdraw', ownerOnly),
  onRequest('action', 'home_request_ask_update', ownerOnly),
  onRequest('view_submission', 'withdraw_request', ownerOnly),
  // At a review (the DM that asks, and the Home tab): ask for an extension, or end it now.
  onRequest('action', 'home_request_extension', ownerOnly),
  onRequest('action', 'home_request_end', ownerOnly),
  onRequest('view_submission', 'employee_extension_request_form', ownerOnly),
  onRequest('view_submission', 'employee_end_arrangement_form', ownerOnly),
  // The employee's answers to HR, from their DM.
  onRequest('action', 'employee_accept_alternative', ownerOnly),
  onRequest('action', 'employee_decline_alternative', ownerOnly),
  onRequest('view_submission', 'employee_decline_alternative_form', ownerOnly),
  onRequest('action', 'employee_provider_pending', ownerOnly),
  onRequest('action', 'employee_who_has_seen', ownerOnly),
  onRequest('action', 'employee_open_letter', ownerOnly),
  onRequest('action', 'employee_letter_pdf', ownerOnly),

  // A draft in progress, named by the modal's metadata.
  onDraft('action', 'intake_review_edit_wording'),
  onDraft('action', 'intake_review_redraft'),
  onDraft('action', 'intake_review_edit_schedule'),
  onDraft('action', 'intake_review_edit_work'),
  onDraft('action', 'intake_review_edit_help'),
  onDraft('action', 'intake_review_edit_disclosure'),
  ...intakeSteps.flatMap((step) => [onDraft('view_submission', step), onDraft('view_closed', step)]),
  onDraft('view_closed', 'intake_review'),
  onDraft('view_closed', 'intake_preparing'),
  onDraft('view_submission', 'intake_edit_wording'),
  onDraft('view_submission', 'intake_review'),

  // HR's card and forms: HR only, and never on their own request. The history (who saw or did
  // what) is the employee's too: their disclosure ledger.
  ...hrButtons.map((id) => onRequest('action', id, id === 'hr_history' ? ['owner', 'HR'] : hrOnly)),
  ...hrForms.map((id) => onRequest('view_submission', id, hrOnly)),
];
