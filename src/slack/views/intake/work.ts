import { intakeLimits } from '../../../domain/intake.js';
import { workFields } from '../../../domain/intake-fields.js';
import { section, type View } from '../blocks.js';
import { intakeCallbackIds } from './ids.js';
import { checkboxesInput, selectInput, stepModal, textInput, timeInput } from './inputs.js';
import { constraintChoices, dayChoices, timeZoneChoices } from './options.js';
import type { StepViewOptions } from './schedule.js';

export interface WorkStepViewOptions extends StepViewOptions {
  /** The time zone from the employee's Slack profile, used until they pick one. */
  readonly profileTimeZone?: string;
}

/** Step 2: the working pattern today, so the change asked for can be put in its terms. */
export function workStepView({ draft, privateMetadata, notes, profileTimeZone }: WorkStepViewOptions): View {
  const work = draft.work ?? {};
  const zone = work.timeZone ?? profileTimeZone;
  return stepModal({
    step: 'work',
    callbackId: intakeCallbackIds.work,
    privateMetadata,
    notes,
    blocks: [
      section('Now your usual working pattern, so the change you ask for fits around it.'),
      checkboxesInput({
        id: workFields.days,
        label: 'Days you usually work',
        choices: dayChoices,
        selected: work.days,
      }),
      timeInput({ id: workFields.start, label: 'Your workday usually starts at', initial: work.start }),
      timeInput({ id: workFields.end, label: 'Your workday usually ends at', initial: work.end }),
      selectInput({
        id: workFields.timeZone,
        label: 'Your time zone',
        placeholder: 'Pick a time zone',
        choices: timeZoneChoices(zone),
        selected: zone,
      }),
      checkboxesInput({
        id: workFields.constraints,
        label: 'Anything about your role that affects timing',
        optional: true,
        choices: constraintChoices,
        selected: work.constraints,
      }),
      textInput({
        id: workFields.note,
        label: 'Anything else about your work HR should know',
        hint:
          `A short note of up to ${intakeLimits.constraintsNote} characters, like “I cover the front desk until 1pm”; ` +
          'it goes into your letter. It’s stored encrypted. Please leave out health details.',
        optional: true,
        multiline: true,
        initial: draft.sensitive.constraintsNote,
      }),
    ],
  });
}
