import type { types } from '@slack/bolt';
import { type IntakeStep, intakeSteps } from '../../../domain/draft.js';
import { stepNumber } from '../../../domain/intake.js';
import { context, escapeMrkdwn, type KnownBlock, modal, plain, type View } from '../blocks.js';
import type { Choice } from './options.js';

/**
 * Input builders for the intake forms. Every input uses its field id as both block_id and
 * action_id (see src/domain/intake-fields.ts), and shows what the draft already holds, so
 * re-opening a step never loses what was typed.
 */

type Option = types.PlainTextOption;

interface InputSpec {
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  readonly optional?: boolean;
}

const option = (choice: Choice): Option => ({
  text: plain(choice.text),
  value: choice.value,
  ...(choice.description ? { description: plain(choice.description) } : {}),
});

function input(spec: InputSpec, element: types.InputBlock['element']): KnownBlock {
  return {
    type: 'input',
    block_id: spec.id,
    label: plain(spec.label),
    ...(spec.hint ? { hint: plain(spec.hint) } : {}),
    optional: spec.optional ?? false,
    element,
  };
}

export function checkboxesInput(
  spec: InputSpec & { readonly choices: readonly Choice[]; readonly selected?: readonly string[] },
): KnownBlock {
  const options = spec.choices.map(option);
  const initial = options.filter((o) => spec.selected?.includes(o.value ?? ''));
  return input(spec, {
    type: 'checkboxes',
    action_id: spec.id,
    options,
    ...(initial.length > 0 ? { initial_options: initial } : {}),
  });
}

export function radioInput(
  spec: InputSpec & { readonly choices: readonly Choice[]; readonly selected?: string },
): KnownBlock {
  const options = spec.choices.map(option);
  const initial = options.find((o) => o.value === spec.selected);
  return input(spec, {
    type: 'radio_buttons',
    action_id: spec.id,
    options,
    ...(initial ? { initial_option: initial } : {}),
  });
}

export function selectInput(
  spec: InputSpec & {
    readonly choices: readonly Choice[];
    readonly selected?: string;
    readonly placeholder: string;
  },
): KnownBlock {
  const options = spec.choices.map(option);
  const initial = options.find((o) => o.value === spec.selected);
  return input(spec, {
    type: 'static_select',
    action_id: spec.id,
    placeholder: plain(spec.placeholder),
    options,
    ...(initial ? { initial_option: initial } : {}),
  });
}

export function timeInput(spec: InputSpec & { readonly initial?: string }): KnownBlock {
  return input(spec, {
    type: 'timepicker',
    action_id: spec.id,
    placeholder: plain('Pick a time'),
    ...(spec.initial ? { initial_time: spec.initial } : {}),
  });
}

export function dateInput(spec: InputSpec & { readonly initial?: string }): KnownBlock {
  return input(spec, {
    type: 'datepicker',
    action_id: spec.id,
    placeholder: plain('Pick a date'),
    ...(spec.initial ? { initial_date: spec.initial } : {}),
  });
}

export function numberInput(spec: InputSpec & { readonly initial?: number }): KnownBlock {
  return input(spec, {
    type: 'number_input',
    action_id: spec.id,
    is_decimal_allowed: false,
    ...(spec.initial !== undefined ? { initial_value: String(spec.initial) } : {}),
  });
}

/**
 * Free text. No `max_length`: the intake's own limit check says by how much a text is over,
 * which reads better than Slack's generic refusal (Slack still caps input at 3,000).
 */
export function textInput(
  spec: InputSpec & {
    readonly initial?: string;
    readonly multiline?: boolean;
    readonly placeholder?: string;
  },
): KnownBlock {
  return input(spec, {
    type: 'plain_text_input',
    action_id: spec.id,
    multiline: spec.multiline ?? false,
    ...(spec.placeholder ? { placeholder: plain(spec.placeholder) } : {}),
    // Slack refuses an initial value over 3,000 characters; a longer saved text would be a bug
    // elsewhere, but the form must still open.
    ...(spec.initial ? { initial_value: [...spec.initial].slice(0, 3000).join('') } : {}),
  });
}

export const stepTitles: Readonly<Record<IntakeStep, string>> = {
  schedule: 'Your sessions',
  work: 'Your work today',
  help: 'What would help',
  disclosure: 'What to share',
  review: 'Review and send',
};

export interface StepFrame {
  readonly step: IntakeStep;
  readonly callbackId: string;
  readonly blocks: KnownBlock[];
  readonly privateMetadata: string;
  /** Friendly notes from the step before, shown at the top. */
  readonly notes?: readonly string[];
  readonly submit?: string;
}

/** Every step's modal: its title, "Step N of 5", notes, the form; closing keeps the draft. */
export function stepModal(frame: StepFrame): View {
  const notes = (frame.notes ?? []).map((note) => context(`:bulb: ${escapeMrkdwn(note)}`));
  return modal({
    callbackId: frame.callbackId,
    title: stepTitles[frame.step],
    blocks: [
      context(`Step ${stepNumber(frame.step)} of ${intakeSteps.length} · ${stepTitles[frame.step]}`),
      ...notes,
      ...frame.blocks,
    ],
    submit: frame.submit ?? 'Next',
    close: 'Save for later',
    privateMetadata: frame.privateMetadata,
    notifyOnClose: true,
  });
}
