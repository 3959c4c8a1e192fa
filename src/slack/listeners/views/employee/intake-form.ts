import type { IntakeStep } from '../../../../domain/draft.js';
import { intakeSteps } from '../../../../domain/draft.js';
import {
  type IntakeContext,
  type StepResult,
  validateDisclosureStep,
  validateHelpStep,
  validateScheduleStep,
  validateWorkStep,
} from '../../../../domain/intake.js';
import { StoreNotDurableError } from '../../../../store/types.js';
import { readDisclosureStep, readHelpStep, readScheduleStep, readWorkStep } from '../../../state.js';
import { modal, section, type View } from '../../../views/blocks.js';
import { intakeInputIds } from '../../../views/intake/index.js';

/** What the intake's modal handlers share: how each form is read, and what they answer with. */

export type FormStep = Exclude<IntakeStep, 'review'>;

/** Each form step: how to read its inputs and check them. Pure functions from the domain. */
export const forms: Record<FormStep, (values: unknown, context: IntakeContext) => StepResult> = {
  schedule: (values, context) => validateScheduleStep(readScheduleStep(values), context),
  work: (values, context) => validateWorkStep(readWorkStep(values), context),
  help: (values, context) => validateHelpStep(readHelpStep(values), context),
  disclosure: (values, context) => validateDisclosureStep(readDisclosureStep(values), context),
};

/** Where a "could not save" message goes: the first input of the form, so Slack shows it inline. */
export const firstInput: Record<FormStep | 'wording', string> = {
  schedule: intakeInputIds.schedule.days,
  work: intakeInputIds.work.days,
  help: intakeInputIds.help.accommodations,
  disclosure: intakeInputIds.disclosure.reason,
  wording: intakeInputIds.wording.statementOfNeed,
};

export const COULD_NOT_SAVE =
  'I couldn’t save that just now. Everything you typed is still here: please press the button again in a moment.';

/** Redis has the write but could not confirm it is safe (REDIS_DURABILITY): said as it is. */
export const SAVED_NOT_SAFE =
  'I saved that, but couldn’t yet confirm it is stored safely. Everything you typed is still here: please press the button again in a moment to be sure.';

/** The note for a save that failed: not saved at all, or saved but not yet safe. */
export function couldNotSave(error: unknown): string {
  return error instanceof StoreNotDurableError ? SAVED_NOT_SAFE : COULD_NOT_SAVE;
}

export const goneView = (): View =>
  modal({
    callbackId: 'intake_gone',
    title: 'Already sent',
    close: 'Close',
    blocks: [
      section(
        'This draft has already been sent or deleted, so there’s nothing more to do here. ' +
          'Your requests are on the Home tab.',
      ),
    ],
  });

/** Keeps the furthest step reached, so going back to change something doesn't lose the place. */
export function furthest(current: IntakeStep, next: IntakeStep): IntakeStep {
  return intakeSteps.indexOf(next) > intakeSteps.indexOf(current) ? next : current;
}
