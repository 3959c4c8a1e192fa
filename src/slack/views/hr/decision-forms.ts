import type { DenialReason, FlexibleWorkingGround, Jurisdiction } from '../../../domain/request.js';
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

/** The two alternatives every denial weighs, in the words the letter gives them. */
export const fixedDenialAlternatives = {
  leave: 'Leave for the time you need away from work',
  reassignment: 'A move to a vacant job with hours that fit',
} as const;

export const flexibleWorkingGroundChoices: readonly Choice<FlexibleWorkingGround>[] = [
  { value: 'additional_costs', text: 'The burden of additional costs' },
  { value: 'customer_demand', text: 'Harm to meeting customer demand' },
  { value: 'reorganise_work', text: 'Unable to reorganise work among staff' },
  { value: 'recruit_staff', text: 'Unable to recruit additional staff' },
  { value: 'quality', text: 'Harm to quality' },
  { value: 'performance', text: 'Harm to performance' },
  { value: 'insufficient_work', text: 'Not enough work when they propose to work' },
  { value: 'structural_changes', text: 'Planned structural changes' },
];

/**
 * Every part of a denial is asked and none may be empty: the inputs are optional to Slack so the
 * app can say precisely, beside each field, what is missing (response_action "errors"). What the
 * letter's law adds is asked too: in the US why leave and a move to a vacant job would not work
 * (the EEOC expects both weighed); in the UK when the employee was consulted and the statutory
 * ground for refusing a flexible working request.
 */
export function denyForm(spec: {
  readonly reference: string;
  readonly jurisdiction: Jurisdiction;
  /** The suggested last day to ask for reconsideration. */
  readonly reconsiderBy: string;
}): View {
  const { reference, jurisdiction } = spec;
  const weighed =
    jurisdiction === 'us' ? 'US law expects it weighed.' : 'Leave it empty if it was not weighed.';
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
    textInput({
      id: hrBlocks.whyNotLeave,
      label: 'Why leave would not work',
      hint: `The letter says: “${fixedDenialAlternatives.leave}.” and then this. ${weighed}`,
      optional: true,
    }),
    textInput({
      id: hrBlocks.whyNotReassignment,
      label: 'Why a vacant job would not work',
      hint: `The letter says: “${fixedDenialAlternatives.reassignment}.” and then this. ${weighed}`,
      optional: true,
    }),
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
      placeholder: 'e.g. Reply to this letter, or ask for a meeting with …',
    }),
    dateInput({
      id: hrBlocks.reconsiderBy,
      label: jurisdiction === 'uk' ? 'Appeal by' : 'Ask for reconsideration by',
      initial: spec.reconsiderBy,
      optional: true,
    }),
  );
  if (jurisdiction === 'uk')
    blocks.push(
      dateInput({
        id: hrBlocks.consultedOn,
        label: 'Date you consulted the employee',
        hint: 'A refusal must follow a meeting with the employee about the request.',
        optional: true,
      }),
      selectInput({
        id: hrBlocks.flexibleWorkingGround,
        label: 'Flexible working: the statutory ground',
        placeholder: 'Choose the ground',
        choices: flexibleWorkingGroundChoices,
        optional: true,
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
