import type { IntakeStep } from '../../../domain/draft.js';
import {
  disclosureFields,
  helpFields,
  scheduleFields,
  wordingFields,
  workFields,
} from '../../../domain/intake-fields.js';

/**
 * Every id the intake's listeners and end-to-end tests match on. Inputs use their field id as both
 * block_id and action_id (src/domain/intake-fields.ts, re-exported here); buttons have their own.
 */

export const intakeCallbackIds = {
  schedule: 'intake_schedule',
  work: 'intake_work',
  help: 'intake_help',
  disclosure: 'intake_disclosure',
  review: 'intake_review',
  editWording: 'intake_edit_wording',
  /** Shown while the letter is being put together. */
  preparing: 'intake_preparing',
} as const satisfies Record<IntakeStep | 'editWording' | 'preparing', string>;

export const intakeInputIds = {
  schedule: scheduleFields,
  work: workFields,
  help: helpFields,
  disclosure: disclosureFields,
  wording: wordingFields,
} as const;

export const reviewIds = {
  wordingBlock: 'intake_review_wording_actions',
  editWording: 'intake_review_edit_wording',
  redraft: 'intake_review_redraft',
  stepsBlock: 'intake_review_step_actions',
  /** "Change …" buttons; each button's value is the step too. */
  editStep: {
    schedule: 'intake_review_edit_schedule',
    work: 'intake_review_edit_work',
    help: 'intake_review_edit_help',
    disclosure: 'intake_review_edit_disclosure',
  },
} as const satisfies {
  wordingBlock: string;
  editWording: string;
  redraft: string;
  stepsBlock: string;
  editStep: Record<Exclude<IntakeStep, 'review'>, string>;
};
