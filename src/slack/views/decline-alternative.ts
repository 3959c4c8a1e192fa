import { context, modal, section, type View } from './blocks.js';
import { textInput } from './intake/inputs.js';

export const declineIds = {
  callback: 'employee_decline_alternative_form',
  comment: 'decline_comment',
} as const;

/** Declining HR's suggestion, with an optional comment that stays private until they share it. */
export function declineAlternativeView(reference: string): View {
  return modal({
    callbackId: declineIds.callback,
    title: 'Decline the suggestion',
    submit: 'Decline',
    privateMetadata: reference,
    blocks: [
      section(`HR will be told you declined their suggestion for *${reference}*, and will look again.`),
      textInput({
        id: declineIds.comment,
        label: 'A comment (optional)',
        multiline: true,
        optional: true,
        placeholder: 'e.g. Leaving at 4:30 would still miss the start of my sessions.',
      }),
      context('Your comment stays private: HR reads it only if you choose to share it.'),
    ],
  });
}
