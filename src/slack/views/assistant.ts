import type { types } from '@slack/bolt';
import { statusLabels } from '../../domain/status.js';
import type { AnswerResult } from '../../drafting/index.js';
import type { ActionOffer } from '../../workflows/assistant.js';
import { actions, context, escapeMrkdwn, type KnownBlock, plain, section } from './blocks.js';
import { employeeEventIds } from './employee-event.js';
import { myRequestIds } from './my-requests.js';
import { shortDate } from './text.js';

export const assistantIds = {
  startRequest: 'assistant_start_request',
  /** One id per closest-topic button: Slack wants ids unique within a block. */
  topics: ['assistant_topic_1', 'assistant_topic_2', 'assistant_topic_3'],
} as const;

/** Said once, kindly, the first time an employee types health details into the DM (DESIGN rule 5). */
export const HISTORY_NOTE =
  'A quick, kind note: Slack keeps the history of this chat, and some workspaces can export it. ' +
  'I didn’t repeat or keep the health details in your message. If you’d like, you can delete it: ' +
  'hover over it, choose *More actions* (⋯), then *Delete message*. ' +
  'For anything private, the request form is the safer place. Only you see what you type there, and it’s encrypted.';

/** Where the app has no flow yet, it says so plainly and says what works today. */
export const NOT_IN_APP_YET = {
  change:
    'Changing a request HR already has can’t be done in the app yet. For now, tell HR the new days and times ' +
    '(reply when they contact you, or ask for an update once their answer is late), or withdraw it and send a new one.',
} as const;

/**
 * Extensions are in the app: an approved arrangement has "Ask for an extension" (here, on the Home
 * tab, and in the message that comes a week before its review or end date), which sends HR the
 * extension request letter.
 */
export const EXTENSION_ANSWERS = {
  canAsk:
    'You can ask for an extension here: choose the new last day, and HR gets a short letter asking to keep the ' +
    'same hours until then. It names no reason. HR can extend it, change the hours, or keep the end date, and I’ll tell you which.',
  notYetApproved:
    'Once HR approves your arrangement, you can ask to extend it from my Home tab, and I’ll ask you about it ' +
    'before its review or end date. Until then, HR is still deciding; once their answer is late, you can ask for an update.',
} as const;

export interface AssistantMessage {
  readonly text: string;
  readonly blocks: KnownBlock[];
}

const startButton = (hasDraft: boolean) => ({
  text: hasDraft ? 'Continue your draft' : 'Start a request',
  actionId: assistantIds.startRequest,
  style: 'primary' as const,
});

const extensionButton = (reference: string) => ({
  text: `Ask for an extension of ${reference}`,
  actionId: employeeEventIds.askForExtension,
  value: reference,
  style: 'primary' as const,
});

const updateButton = (reference: string) => ({
  text: `Ask HR for an update on ${reference}`,
  actionId: myRequestIds.askForUpdate,
  value: reference,
});

/** The same confirmation the Home tab asks before withdrawing. */
function withdrawButton(reference: string): types.Button {
  return {
    type: 'button',
    text: plain(`Withdraw ${reference}`),
    action_id: myRequestIds.withdrawRequest,
    value: reference,
    style: 'danger',
    confirm: {
      title: plain('Withdraw this request?'),
      text: plain(`HR will be told that ${reference} is withdrawn. You can always ask again later.`),
      confirm: plain('Withdraw'),
      deny: plain('Keep it'),
      style: 'danger',
    },
  };
}

/** At most three buttons of one kind: a DM is not a dashboard; the Home tab lists everything. */
const FEW = 3;

/** The blocks that turn an answer into something the employee can do. */
export function offerBlocks(offer: ActionOffer): KnownBlock[] {
  switch (offer.kind) {
    case 'start':
      return [actions('assistant_offer', [startButton(offer.hasDraft)])];
    case 'status': {
      if (offer.requests.length === 0) {
        return [
          context('You haven’t sent a request yet.'),
          actions('assistant_offer', [startButton(offer.hasDraft)]),
        ];
      }
      const lines = offer.requests
        .slice(0, FEW)
        .map(
          (request) =>
            `*${request.reference}* · ${statusLabels[request.status]}${request.submittedAt ? ` · sent ${shortDate(request.submittedAt)}` : ''}`,
        );
      const askable = offer.requests
        .filter((request) => request.actionIds.includes('request_update'))
        .slice(0, FEW);
      return [
        section(lines.join('\n')),
        ...(askable.length > 0
          ? [
              actions(
                'assistant_offer',
                askable.map((request) => updateButton(request.reference)),
              ),
            ]
          : []),
      ];
    }
    case 'withdraw':
      if (offer.open.length === 0) {
        return [
          context(
            offer.hasDraft
              ? 'You have no sent request to withdraw. Your draft stays private until you send it; you can delete it with *Delete my data* on the Home tab.'
              : 'You have no open request to withdraw.',
          ),
        ];
      }
      return [
        {
          type: 'actions',
          block_id: 'assistant_offer',
          elements: offer.open.slice(0, FEW).map(withdrawButton),
        },
      ];
    case 'extension': {
      const blocks: KnownBlock[] = [];
      const extendable = offer.extendable ?? [];
      if (extendable.length > 0) {
        blocks.push(context(EXTENSION_ANSWERS.canAsk));
        blocks.push(actions('assistant_offer_extension', extendable.slice(0, FEW).map(extensionButton)));
      } else if (offer.pending.length > 0) {
        blocks.push(context(EXTENSION_ANSWERS.notYetApproved));
        if (offer.askable.length > 0)
          blocks.push(actions('assistant_offer_update', offer.askable.slice(0, FEW).map(updateButton)));
      }
      return blocks;
    }
    case 'change': {
      const blocks: KnownBlock[] = [];
      if (offer.pending.length > 0) {
        blocks.push(context(NOT_IN_APP_YET.change));
        if (offer.askable.length > 0) {
          blocks.push(actions('assistant_offer_update', offer.askable.slice(0, FEW).map(updateButton)));
        }
      }
      if (offer.kind === 'change' && (offer.hasDraft || offer.pending.length === 0)) {
        blocks.push(
          actions('assistant_offer', [
            {
              ...startButton(offer.hasDraft),
              text: offer.hasDraft ? 'Change your draft' : 'Start a request',
            },
          ]),
        );
      }
      return blocks;
    }
  }
}

function topicButtons(result: {
  readonly topics: Extract<AnswerResult, { kind: 'topics' }>['topics'];
}): KnownBlock[] {
  if (result.topics.length === 0) return [];
  return [
    actions(
      'assistant_topics',
      result.topics.slice(0, assistantIds.topics.length).map((topic, index) => ({
        text: topic.title,
        actionId: assistantIds.topics[index] ?? assistantIds.topics[0],
        value: topic.id,
      })),
    ),
  ];
}

/** An answer: the text, the topic it came from (and how fresh it is), the note, then what to do. */
export function answerMessage(result: AnswerResult, offer?: ActionOffer): AssistantMessage {
  const blocks: KnownBlock[] = [section(escapeMrkdwn(result.answer))];
  const footer = [
    result.kind === 'answer'
      ? `From our guide: *${escapeMrkdwn(result.article.title)}* (checked ${shortDate(result.article.reviewed)}). General information, not legal advice.`
      : undefined,
    result.note,
  ].filter((line): line is string => Boolean(line));
  if (footer.length > 0) blocks.push(context(footer.join('\n')));
  if (result.kind === 'topics') blocks.push(...topicButtons(result));
  if (result.kind === 'answer' && result.related && result.related.length > 0 && !offer) {
    blocks.push(context('Not what you asked? These are close:'), ...topicButtons({ topics: result.related }));
  }
  if (offer) blocks.push(...offerBlocks(offer));
  return { text: result.answer, blocks };
}

export function startMessage(hasDraft: boolean): AssistantMessage {
  const text = hasDraft
    ? 'Your draft is saved just as you left it. Pick up where you stopped whenever you’re ready.'
    : 'Let’s do it. It takes about ten minutes, and your answers are saved after every step.';
  return { text, blocks: [section(text), actions('assistant_actions', [startButton(hasDraft)])] };
}

export function historyNoteMessage(): AssistantMessage {
  return { text: HISTORY_NOTE, blocks: [section(HISTORY_NOTE)] };
}

export function crisisMessage(reply: string): AssistantMessage {
  return { text: reply, blocks: [section(reply)] };
}

/** A file dropped into the DM: never opened, never kept; said kindly, naming nothing from it. */
export const FILES_NOTE =
  'Thanks for sending that. I don’t open or keep files, so I haven’t read it. Slack keeps it in this ' +
  'chat until you delete it: hover over it, choose *More actions* (⋯), then *Delete file*. ' +
  'You don’t need to send documents for your request; if HR asks for any, your provider can send them to HR directly.';

export function filesNoteMessage(): AssistantMessage {
  return { text: FILES_NOTE, blocks: [section(FILES_NOTE)] };
}
