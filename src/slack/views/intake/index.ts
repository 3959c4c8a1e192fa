import type { IntakeStep } from '../../../domain/draft.js';
import type { Jurisdiction } from '../../../domain/request.js';
import type { View } from '../blocks.js';
import { disclosureStepView } from './disclosure.js';
import { helpStepView } from './help.js';
import { type StepViewOptions, scheduleStepView } from './schedule.js';
import { workStepView } from './work.js';

export { disclosureStepView } from './disclosure.js';
export { helpStepView } from './help.js';
export { intakeCallbackIds, intakeInputIds, reviewIds } from './ids.js';
export { stepTitles } from './inputs.js';
export {
  accommodationChoices,
  accommodationShortLabels,
  commonTimeZones,
  yesNo,
} from './options.js';
export {
  editWordingView,
  preparingReviewView,
  type ReviewStepViewOptions,
  reviewStepView,
} from './review.js';
export { type StepViewOptions, scheduleStepView } from './schedule.js';
export { type WorkStepViewOptions, workStepView } from './work.js';

export interface FormStepOptions extends StepViewOptions {
  readonly profileTimeZone?: string;
  /** The manager the workspace profile names, offered until the employee picks one. */
  readonly profileManagerId?: string;
  readonly defaultJurisdiction: Jurisdiction;
}

/** The form for one of steps 1 to 4; the review has its own builder since it needs the letter. */
export function intakeStepView(step: Exclude<IntakeStep, 'review'>, options: FormStepOptions): View {
  switch (step) {
    case 'schedule':
      return scheduleStepView(options);
    case 'work':
      return workStepView(options);
    case 'help':
      return helpStepView(options);
    case 'disclosure':
      return disclosureStepView(options);
  }
}
