import type { DenialReason } from '../../../domain/request.js';
import { context, type KnownBlock, modal, section, type View } from '../blocks.js';
import { dateInput, selectInput, textInput } from '../intake/inputs.js';
import type { Choice } from '../intake/options.js';
import { DENIAL_ALTERNATIVE_SLOTS, hrBlocks, hrFormIds } from './ids.js';
import { userInput } from './inputs.js';
import { type PatternDefaults, patternInputs } from './pattern-form.js';

/** HR's three decisions: offer another pattern, approve one, or deny with reasons. */

export function offerAlternativeForm(reference: string, defaults: PatternDefaults): View {
  return modal({
    callbackId: hrFormIds.offerAlternative,
    title: 'Offer an alternative',
    submit: 'Offer it',
    privateMetadata: reference,
    blocks: [
      section(`The working pattern you can offer for *${reference}* instead of what was asked.`),
      ...patternInputs(defaults),
      textInput({
        id: hrBlocks.explanation,
        label: 'Why this, in a sentence or two',
        multiline: true,
        optional: true,
        placeholder: 'e.g. The team needs cover until 4:30, so an earlier start works better.',
      }),
      context('The employee can accept or decline it, with a comment if they wish.'),
    ],
  });
}

export function approveForm(spec: {
  readonly reference: string;
  readonly defaults: PatternDefaults;
  readonly reviewDate: string;
  /** Only when the employee agreed that their manager be told the approved pattern. */
  readonly manager?: { readonly initial?: string };
}): View {
  const blocks: KnownBlock[] = [
    section(`The working pattern you approve for *${spec.reference}*.`),
    ...patternInputs(spec.defaults),
    dateInput({ id: hrBlocks.reviewDate, label: 'Review date', initial: spec.reviewDate }),
  ];
  if (spec.manager)
    blocks.push(
      userInput({
        id: hrBlocks.manager,
        label: 'Manager to tell',
        hint: 'The employee agreed that their manager be told the approved days and hours, and nothing else.',
        optional: true,
        ...(spec.manager.initial ? { initial: spec.manager.initial } : {}),
      }),
    );
  else blocks.push(context('The employee has not agreed that their manager be told, so nobody else is.'));
  blocks.push(context('The approval letter goes to the employee.'));
  return modal({
    callbackId: hrFormIds.approve,
    title: 'Approve',
    submit: 'Approve',
    privateMetadata: spec.reference,
    blocks,
  });
}

export const denialReasonChoices: readonly Choice<DenialReason>[] = [
  { value: 'undue_hardship', text: 'Undue hardship' },
  { value: 'essential_function', text: 'It would remove an essential function of the job' },
  { value: 'not_effective', text: 'It would not be effective' },
  { value: 'other', text: 'Other' },
];

/**
 * Every part of a denial is asked and none may be empty: the inputs are optional to Slack so the
 * app can say precisely, beside each field, what is missing (response_action "errors").
 */
export function denyForm(reference: string): View {
  const blocks: KnownBlock[] = [
    section(
      `Deny *${reference}*. The denial letter goes to the employee with each of these, so please write them for the employee to read.`,
    ),
    selectInput({
      id: hrBlocks.reason,
      label: 'Reason',
      placeholder: 'Choose the reason',
      choices: denialReasonChoices,
      optional: true,
    }),
    textInput({ id: hrBlocks.explanation, label: 'Explanation', multiline: true, optional: true }),
  ];
  for (let n = 1; n <= DENIAL_ALTERNATIVE_SLOTS; n++) {
    blocks.push(
      textInput({
        id: hrBlocks.alternative(n),
        label: `Alternative considered ${n}`,
        optional: true,
        ...(n === 1 ? { placeholder: 'e.g. An earlier start on session days' } : {}),
      }),
      textInput({ id: hrBlocks.whyNot(n), label: `Why alternative ${n} would not work`, optional: true }),
    );
  }
  blocks.push(
    textInput({
      id: hrBlocks.reconsideration,
      label: 'How to ask for reconsideration',
      multiline: true,
      optional: true,
      placeholder: 'e.g. Reply to this letter within 10 business days, or ask for a meeting with …',
    }),
  );
  return modal({
    callbackId: hrFormIds.deny,
    title: 'Deny',
    submit: 'Deny',
    privateMetadata: reference,
    blocks,
  });
}
