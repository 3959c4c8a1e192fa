import { actions, context, type KnownBlock, modal, section, type View } from './blocks.js';
import { splitText } from './text.js';

export const employeeLetterIds = {
  callback: 'employee_letter',
  actionsBlock: 'employee_letter_actions',
  /** The button's value is `<reference>|<letter kind>`. */
  pdf: 'employee_letter_pdf',
} as const;

/** Slack's limit is 100 blocks a modal; the letter gets all but the frame. */
const MAX_LETTER_BLOCKS = 94;

/**
 * A letter HR sent, opened from its DM: the text in a modal (so the message history keeps only
 * "there is a letter"), and a button for a PDF when the employee wants a file to keep.
 */
export function employeeLetterView(reference: string, kind: string, title: string, text: string): View {
  const pieces = splitText(text, 2900);
  const shown = pieces.slice(0, MAX_LETTER_BLOCKS);
  const blocks: KnownBlock[] = shown.map((piece) => ({
    type: 'section',
    text: { type: 'plain_text', text: piece, emoji: false },
  }));
  if (shown.length < pieces.length)
    blocks.push(context('The letter is longer than Slack shows here: the PDF has all of it.'));
  blocks.push(
    actions(employeeLetterIds.actionsBlock, [
      { text: 'Get it as a PDF', actionId: employeeLetterIds.pdf, value: `${reference}|${kind}` },
    ]),
    context('The PDF is sent to you here, in your DM with me. Delete my data deletes it too.'),
  );
  return modal({
    callbackId: employeeLetterIds.callback,
    title,
    close: 'Close',
    blocks: [section(`*${reference}*`), ...blocks],
  });
}

export const letterTitles: Readonly<Record<string, string>> = {
  hr_acknowledgment: 'HR’s acknowledgment',
  documentation_request: 'Documentation request',
  alternative_offer: 'HR’s suggestion',
  approval: 'Approval letter',
  provider_verification: 'Form for your provider',
  denial: 'HR’s decision',
};
