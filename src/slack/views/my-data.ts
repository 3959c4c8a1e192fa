import { context, divider, type KnownBlock, modal, section, type View } from './blocks.js';
import { splitText } from './text.js';

export const myDataIds = {
  deleteCallback: 'delete_my_data',
  withdrawCallback: 'withdraw_request',
  viewCallback: 'view_request',
} as const;

/** Asked before anything is deleted: what goes now, what winds down, and that export comes first. */
export function deleteDataConfirmView(): View {
  return modal({
    callbackId: myDataIds.deleteCallback,
    title: 'Delete my data',
    submit: 'Delete my data',
    close: 'Keep it',
    blocks: [
      section(
        '*Here’s what happens*\n' +
          '• Your draft and our chat history are deleted now, for good.\n' +
          '• Any request still open is withdrawn, and HR is told it was withdrawn. Nothing else.\n' +
          '• Sent requests are kept only as long as the retention period requires, then deleted.',
      ),
      context('If you’d like a copy first, close this and choose *Export my data* on the Home tab.'),
    ],
  });
}

export function withdrawConfirmView(reference: string): View {
  return modal({
    callbackId: myDataIds.withdrawCallback,
    title: 'Withdraw request',
    submit: 'Withdraw it',
    close: 'Keep it',
    privateMetadata: reference,
    blocks: [
      section(
        `Withdraw request *${reference}*? HR will be told it was withdrawn, and nothing else. ` +
          'You can start a new request whenever you need one.',
      ),
    ],
  });
}

/** A request's letter in a modal: for the employee (their own) or HR. */
export function requestLetterView(args: {
  readonly reference: string;
  readonly statusLabel: string;
  readonly letterText: string;
  readonly footnote?: string;
}): View {
  const letter: KnownBlock[] = splitText(args.letterText, 3000)
    .slice(0, 60)
    .map((text) => ({ type: 'section', text: { type: 'plain_text', text, emoji: false } }));
  return modal({
    callbackId: myDataIds.viewCallback,
    title: args.reference,
    close: 'Close',
    blocks: [
      section(`*Status:* ${args.statusLabel}`),
      divider(),
      ...letter,
      ...(args.footnote ? [context(args.footnote)] : []),
    ],
  });
}
