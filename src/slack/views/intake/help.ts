import { helpFields } from '../../../domain/intake-fields.js';
import { section, type View } from '../blocks.js';
import { intakeCallbackIds } from './ids.js';
import { checkboxesInput, stepModal, textInput } from './inputs.js';
import { accommodationChoices } from './options.js';
import type { StepViewOptions } from './schedule.js';

/** Step 3: what would help, and how the work stays covered. */
export function helpStepView({ draft, privateMetadata, notes }: StepViewOptions): View {
  return stepModal({
    step: 'help',
    callbackId: intakeCallbackIds.help,
    privateMetadata,
    notes,
    blocks: [
      section('What would make your sessions work alongside your job? Pick as many as fit.'),
      checkboxesInput({
        id: helpFields.accommodations,
        label: 'What would help',
        choices: accommodationChoices,
        selected: draft.accommodations,
      }),
      textInput({
        id: helpFields.other,
        label: 'If something else, what is it?',
        hint: 'A few words about the arrangement, in work terms.',
        optional: true,
        initial: draft.sensitive.otherAccommodation,
      }),
      textInput({
        id: helpFields.coveragePlan,
        label: 'How your work would be covered',
        hint: 'A few lines on handovers, meetings or who covers what. It helps HR plan. You can change it later.',
        optional: true,
        multiline: true,
        initial: draft.sensitive.coveragePlan,
      }),
    ],
  });
}
