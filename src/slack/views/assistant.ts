import { actions, context, type KnownBlock, section } from './blocks.js';

export const assistantIds = {
  startRequest: 'assistant_start_request',
} as const;

/** Said once, kindly, the first time an employee types health details into the DM (DESIGN rule 5). */
export const HISTORY_NOTE =
  'A quick, kind note: Slack keeps the history of this chat, and some workspaces can export it. ' +
  'I didn’t repeat or keep the health details in your message. If you’d like, you can delete it: ' +
  'hover over it, choose *More actions* (⋯), then *Delete message*. ' +
  'For anything private, the request form is the safer place. Only you see what you type there, and it’s encrypted.';

export interface AssistantMessage {
  readonly text: string;
  readonly blocks: KnownBlock[];
}

const startButton = (hasDraft: boolean) =>
  actions('assistant_actions', [
    {
      text: hasDraft ? 'Continue your draft' : 'Start a request',
      actionId: assistantIds.startRequest,
      style: 'primary',
    },
  ]);

export function answerMessage(args: {
  readonly answer: string;
  readonly note?: string;
  readonly offerStart: boolean;
  readonly hasDraft: boolean;
}): AssistantMessage {
  const blocks: KnownBlock[] = [section(args.answer)];
  if (args.note) blocks.push(context(args.note));
  if (args.offerStart) blocks.push(startButton(args.hasDraft));
  return { text: args.answer, blocks };
}

export function startMessage(hasDraft: boolean): AssistantMessage {
  const text = hasDraft
    ? 'Your draft is saved just as you left it. Pick up where you stopped whenever you’re ready.'
    : 'Let’s do it. It takes about ten minutes, and your answers are saved after every step.';
  return { text, blocks: [section(text), startButton(hasDraft)] };
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
