/**
 * Callback ids of HR's modals and the block ids of their inputs. A block id is also the name the
 * form reader and the error mapping use, so an error from `decide` lands beside its field.
 */
export const hrFormIds = {
  reassign: 'hr_form_reassign',
  requestDocumentation: 'hr_form_request_documentation',
  offerAlternative: 'hr_form_offer_alternative',
  approve: 'hr_form_approve',
  deny: 'hr_form_deny',
  close: 'hr_form_close',
  end: 'hr_form_end',
  extend: 'hr_form_extend',
  adjust: 'hr_form_adjust',
  addNote: 'hr_form_add_note',
  /** A modal that only shows (History, a refusal): nothing to submit. */
  info: 'hr_info',
} as const;

export const hrBlocks = {
  assignee: 'hr_assignee',
  confirmations: 'hr_confirmations',
  items: 'hr_items',
  days: 'hr_days',
  start: 'hr_start',
  end: 'hr_end',
  startDate: 'hr_start_date',
  endDate: 'hr_end_date',
  remoteDays: 'hr_remote_days',
  reviewDate: 'hr_review_date',
  manager: 'hr_manager',
  explanation: 'hr_explanation',
  reason: 'hr_reason',
  alternative: (n: number) => `hr_alternative_${n}`,
  whyNot: (n: number) => `hr_why_not_${n}`,
  whyNotLeave: 'hr_why_not_leave',
  whyNotReassignment: 'hr_why_not_reassignment',
  reconsideration: 'hr_reconsideration',
  reconsiderBy: 'hr_reconsider_by',
  consultedOn: 'hr_consulted_on',
  flexibleWorkingGround: 'hr_flexible_working_ground',
  note: 'hr_note',
} as const;

/** How many "alternative considered" pairs the Deny form offers. */
export const DENIAL_ALTERNATIVE_SLOTS = 3;
