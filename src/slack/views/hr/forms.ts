import type { DocumentationItem } from '../../../domain/request.js';
import { context, type KnownBlock, modal, section, type View } from '../blocks.js';
import { checkboxesInput, dateInput, textInput } from '../intake/inputs.js';
import type { Choice } from '../intake/options.js';
import { hrBlocks, hrFormIds } from './ids.js';
import { userInput } from './inputs.js';
import { type PatternDefaults, patternInputs } from './pattern-form.js';

/**
 * HR's smaller forms, each asking only what its command needs. The reference travels in
 * `private_metadata`; the submission handler reads the request again, so a form left open while
 * someone else acted is judged on what is stored now.
 */

export function reassignForm(reference: string, assigneeId?: string): View {
  return modal({
    callbackId: hrFormIds.reassign,
    title: 'Reassign',
    submit: 'Reassign',
    privateMetadata: reference,
    blocks: [
      section(`Who in HR should handle *${reference}*?`),
      userInput({
        id: hrBlocks.assignee,
        label: 'Handled by',
        ...(assigneeId ? { initial: assigneeId } : {}),
      }),
    ],
  });
}

/** The EEOC's two conditions for a medical inquiry, as the two boxes HR must tick. */
export const documentationConfirmations = {
  notObvious: 'need_not_obvious',
  notDocumented: 'not_already_documented',
} as const;

export const documentationItemLabels: Readonly<Record<DocumentationItem, string>> = {
  session_days_and_times: 'The days and times of the program’s sessions',
  expected_duration: 'How long the program is expected to last',
  time_needed_away_from_work: 'The time needed away from work, including travel',
  remote_work_on_session_days: 'Whether working from home on session days would work',
  review_date: 'When the arrangement should be reviewed',
};

export function requestDocumentationForm(reference: string): View {
  const confirmations: Choice[] = [
    {
      value: documentationConfirmations.notObvious,
      text: 'The need for this change is not obvious',
    },
    {
      value: documentationConfirmations.notDocumented,
      text: 'The need is not already documented (nothing on file covers it)',
    },
  ];
  const items = (Object.keys(documentationItemLabels) as DocumentationItem[]).map((value) => ({
    value,
    text: documentationItemLabels[value],
  }));
  return modal({
    callbackId: hrFormIds.requestDocumentation,
    title: 'Ask for documentation',
    submit: 'Send the request',
    privateMetadata: reference,
    blocks: [
      section(
        'You may ask for documentation only when the need is neither obvious nor already known (the EEOC’s ' +
          'limit on medical inquiries). The provider form asks about work terms only, never a diagnosis, ' +
          'and the provider sends it to HR directly, outside Slack.',
      ),
      checkboxesInput({
        id: hrBlocks.confirmations,
        label: 'Before you ask, please confirm',
        choices: confirmations,
        optional: true,
      }),
      checkboxesInput({
        id: hrBlocks.items,
        label: 'What the provider should confirm',
        choices: items,
        selected: ['session_days_and_times', 'expected_duration'],
        optional: true,
      }),
    ],
  });
}

export function confirmForm(spec: {
  readonly callbackId: typeof hrFormIds.close | typeof hrFormIds.end;
  readonly reference: string;
  readonly title: string;
  readonly submit: string;
  readonly question: string;
  readonly note: string;
}): View {
  return modal({
    callbackId: spec.callbackId,
    title: spec.title,
    submit: spec.submit,
    privateMetadata: spec.reference,
    blocks: [section(spec.question), context(spec.note)],
  });
}

export function extendForm(reference: string, endDate: string, reviewDate: string): View {
  return modal({
    callbackId: hrFormIds.extend,
    title: 'Extend',
    submit: 'Extend',
    privateMetadata: reference,
    blocks: [
      section(`Extend the arrangement for *${reference}*. The hours stay as approved.`),
      dateInput({ id: hrBlocks.endDate, label: 'New last day', initial: endDate }),
      dateInput({ id: hrBlocks.reviewDate, label: 'Next review', initial: reviewDate }),
    ],
  });
}

/**
 * "Adjust": the arrangement's hours and days from home, its last day and next review. The first day
 * stays as approved (it has passed); other days keep the employee's usual hours.
 */
export function adjustForm(reference: string, defaults: PatternDefaults, reviewDate: string): View {
  const inputs = patternInputs(defaults).filter(
    (block) => !('block_id' in block) || block.block_id !== hrBlocks.startDate,
  );
  return modal({
    callbackId: hrFormIds.adjust,
    title: 'Adjust',
    submit: 'Save the changes',
    privateMetadata: reference,
    blocks: [
      section(`Change the arrangement for *${reference}*. The employee gets the new approval letter.`),
      ...inputs,
      dateInput({ id: hrBlocks.reviewDate, label: 'Next review', initial: reviewDate }),
      context(
        'If the employee agreed that their manager be told, the manager hears the new hours and dates.',
      ),
    ],
  });
}

export function addNoteForm(reference: string): View {
  const blocks: KnownBlock[] = [
    section(`A note on *${reference}* for HR only. The employee never sees it.`),
    textInput({
      id: hrBlocks.note,
      label: 'Note',
      multiline: true,
      optional: true,
      placeholder: 'What was agreed, who you spoke to, what comes next',
    }),
    context(
      'Please keep health details out of notes: HR doesn’t need them to decide a schedule, and notes with one are not saved.',
    ),
  ];
  return modal({
    callbackId: hrFormIds.addNote,
    title: 'Add note',
    submit: 'Save note',
    privateMetadata: reference,
    blocks,
  });
}

/** A modal that only says something: a refusal, a conflict, a confirmation. */
export function messageModal(title: string, text: string): View {
  return modal({ callbackId: hrFormIds.info, title, close: 'Close', blocks: [section(text)] });
}
