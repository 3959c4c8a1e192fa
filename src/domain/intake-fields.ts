/**
 * The ids of the intake form's fields. The Slack views use each one as both the input block's
 * block_id and its element's action_id, so step validation can key its errors by them and the
 * listener can answer `response_action: 'errors'` without translating anything. Stable: drafts,
 * listeners and end-to-end tests depend on them.
 */

export const scheduleFields = {
  days: 'schedule_days',
  sessionStart: 'schedule_session_start',
  sessionEnd: 'schedule_session_end',
  travelMinutes: 'schedule_travel_minutes',
  startDate: 'schedule_start_date',
  endDate: 'schedule_end_date',
  weeks: 'schedule_weeks',
  format: 'schedule_format',
} as const;

export const workFields = {
  days: 'work_days',
  start: 'work_start',
  end: 'work_end',
  timeZone: 'work_time_zone',
  constraints: 'work_constraints',
  note: 'work_note',
} as const;

export const helpFields = {
  accommodations: 'help_accommodations',
  other: 'help_other',
  coveragePlan: 'help_coverage_plan',
} as const;

export const disclosureFields = {
  reason: 'disclosure_reason',
  ownWords: 'disclosure_own_words',
  shareWithManager: 'disclosure_share_with_manager',
  /** Who the manager is: a users_select, offered from the workspace profile when it names one. */
  manager: 'disclosure_manager',
  teamNote: 'disclosure_team_note',
  eapMayTrack: 'disclosure_eap_may_track',
  jurisdiction: 'disclosure_jurisdiction',
  privateNote: 'disclosure_private_note',
} as const;

/** The review step's "Edit wording" form. */
export const wordingFields = {
  statementOfNeed: 'wording_statement_of_need',
  coveragePlan: 'wording_coverage_plan',
} as const;
