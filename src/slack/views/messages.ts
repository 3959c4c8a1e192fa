import { type Draft, intakeSteps } from '../../domain/draft.js';
import { stepNumber } from '../../domain/intake.js';
import { statusLabels } from '../../domain/statuses.js';
import type { MyRequest } from '../../workflows/my-requests.js';
import { context, divider, header, type KnownBlock, section } from './blocks.js';
import { stepTitles } from './intake/inputs.js';
import { myRequestBlocks } from './my-requests.js';
import { shortDate } from './text.js';

/**
 * Messages the bot posts in the employee's DM. A DM is a Slack message, kept in Slack's history:
 * none of these names a reason or carries anything the employee typed.
 */

export interface SlackMessage {
  /** The notification and screen-reader text. */
  readonly text: string;
  readonly blocks: KnownBlock[];
}

export interface SubmittedMessageOptions {
  readonly reference: string;
  /** Working days HR aims to reply within. */
  readonly replyWithinDays?: number;
}

/**
 * Sent once the request is stored: the reference and what happens next. It says no more than what
 * has happened when it is sent: HR's card follows from the outbox, it may not be there yet.
 */
export function submittedMessage({ reference, replyWithinDays = 10 }: SubmittedMessageOptions): SlackMessage {
  return {
    text: `Your request ${reference} is saved, and HR will be told about it.`,
    blocks: [
      section(
        `:white_check_mark: *Your request is saved, and HR will be told about it.* Your reference is *${reference}*.`,
      ),
      section(
        '*What happens next*\n' +
          `• HR will get back to you, usually within ${replyWithinDays} working days.\n` +
          '• If they have a question or suggest another arrangement, I’ll tell you here.\n' +
          '• You can see how it’s going any time on my Home tab, or with `/accommodation status`.',
      ),
      context(
        'Only HR can read your request. You can withdraw it at any time, and asking for this never counts against you.',
      ),
    ],
  };
}

/** `/accommodation help`. */
export function helpMessage(): SlackMessage {
  return {
    text: 'Here’s what I can do. Type /accommodation followed by one of these.',
    blocks: [
      section('Here’s what I can do. Type `/accommodation` followed by one of these:'),
      section(
        [
          '• `/accommodation new`: start a request, or carry on with your draft',
          '• `/accommodation status`: see your requests and how they’re going',
          '• `/accommodation delete-my-data`: delete your draft and your requests',
          '• `/accommodation help`: show this list',
        ].join('\n'),
      ),
      context(
        'You can also send me a question here, or use my Home tab. You never need to share a diagnosis. ' +
          'If you’re struggling right now: 988 in the US and Canada, Samaritans on 116 123 in the UK.',
      ),
    ],
  };
}

/** Requests listed in one message: each takes two blocks, and a message holds at most 50. */
export const STATUS_MAX_REQUESTS = 20;

/**
 * `/accommodation status`: each request's reference, status, dates and what it waits on, with the
 * buttons open to the employee now, and the draft if any.
 */
export function statusListMessage(options: {
  readonly requests: readonly MyRequest[];
  readonly draft?: Pick<Draft, 'step' | 'updatedAt'>;
}): SlackMessage {
  const { requests, draft } = options;
  const blocks: KnownBlock[] = [header('Your requests')];
  if (draft) {
    blocks.push(
      section(
        `You have a draft saved at *Step ${stepNumber(draft.step)} of ${intakeSteps.length} · ${stepTitles[draft.step]}* ` +
          `(last saved ${shortDate(draft.updatedAt)}). Type \`/accommodation new\` to carry on.`,
      ),
    );
  }
  if (requests.length === 0) {
    blocks.push(section('You haven’t sent a request yet. Type `/accommodation new` whenever you’re ready.'));
  }
  blocks.push(...requests.slice(0, STATUS_MAX_REQUESTS).flatMap(myRequestBlocks));
  const more = requests.length - STATUS_MAX_REQUESTS;
  if (more > 0) blocks.push(context(`…and ${more} older ones. The Home tab has them all.`));
  if (requests.length > 0)
    blocks.push(divider(), context('My Home tab shows these too, and keeps them up to date.'));
  const summary =
    requests.length === 0
      ? 'You haven’t sent a request yet.'
      : requests.map(({ request }) => `${request.reference}: ${statusLabels[request.status]}`).join('; ');
  return { text: summary.slice(0, 3000), blocks };
}
