import { context, divider, type KnownBlock, modal, section, type View } from './blocks.js';
import type { SlackMessage } from './messages.js';
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
          '• Your draft, our chat history and the messages and files I sent you here are deleted now, for good.\n' +
          '• Any request still open is withdrawn, and HR is told it was withdrawn. Nothing else.\n' +
          '• Sent requests are kept only as long as the retention period requires, then deleted.\n' +
          '• What you typed to me stays in Slack: apps can’t delete your own messages, but you can.',
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

/** What Delete my data did, counted, for the message that says so. */
export interface DeletionSummary {
  readonly draftDeleted: boolean;
  /** Requests closed now (their words HR never received are gone). */
  readonly closed: readonly string[];
  /** Of those, the ones that were still open: HR was told only that they were withdrawn. */
  readonly withdrawn: readonly string[];
  /** The app's own messages and files deleted from the DM. */
  readonly messages: number;
  readonly files: number;
  /** Messages or files Slack would not delete just now. */
  readonly notDeleted: number;
  readonly retentionDays: number;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The answer to Delete my data: exactly what was deleted, with counts, and what stays and where,
 * so the person knows what Slack itself still holds and how to remove what they typed.
 */
export function dataDeletedMessage(summary: DeletionSummary): SlackMessage {
  const { closed, withdrawn } = summary;
  const posts =
    summary.messages + summary.files === 0
      ? 'No messages or files of mine were left in this chat.'
      : `${count(summary.messages, 'message', 'messages')} and ${count(summary.files, 'file', 'files')} I had sent you in this chat.`;
  const requests =
    closed.length === 0
      ? 'No request to close.'
      : `${count(closed.length, 'request', 'requests')} closed: ${closed.join(', ')}.` +
        (withdrawn.length > 0
          ? ` ${withdrawn.join(', ')} ${withdrawn.length === 1 ? 'was' : 'were'} still open, so HR was told only that ${withdrawn.length === 1 ? 'it was' : 'they were'} withdrawn.`
          : '') +
        ' Anything you had not sent to HR is deleted from them.';
  const deleted = [
    summary.draftDeleted ? '1 draft.' : 'No draft to delete.',
    requests,
    'Our chat history: what I kept of your questions.',
    posts,
  ];
  const kept = [
    ...(closed.length > 0
      ? [
          `HR keeps what they received (${closed.join(', ')}) for ${count(summary.retentionDays, 'day', 'days')} after it closed, then it is deleted for good.`,
        ]
      : []),
    'What you typed to me stays in Slack: apps can’t delete your own messages. To delete one, hover over it, choose ⋮ More actions, then Delete message.',
    'Your workspace’s Slack settings may keep copies of deleted messages and files (retention and exports). Your Slack admin can tell you more.',
  ];
  const retry =
    summary.notDeleted > 0
      ? `Slack wouldn’t let me delete ${summary.notDeleted} of my messages or files just now. Choose Delete my data again later and I’ll try again.`
      : undefined;
  const bullets = (lines: readonly string[]) => lines.map((line) => `• ${line}`).join('\n');
  return {
    text: 'Done: your data is deleted. Here’s exactly what went and what stays.',
    blocks: [
      section(`*Done. Here’s exactly what I deleted:*\n${bullets(deleted)}`),
      section(`*What stays*\n${bullets(kept)}`),
      ...(retry ? [section(retry)] : []),
    ],
  };
}
