import { actions, type KnownBlock, section } from './blocks.js';
import { homeIds } from './home.js';

export const draftNudgeIds = {
  turnOff: 'draft_nudge_off',
  actionsBlock: 'draft_nudge_actions',
} as const;

/** Warm and short, and it asks nothing of anyone: a draft is theirs to finish, or not. */
export const DRAFT_NUDGE_TEXT =
  'Hi, just a gentle note: your request is saved as a draft, right where you left it. ' +
  'Pick it up whenever suits you, or leave it; there’s no rush.';

export const DRAFT_NUDGES_OFF_TEXT =
  'Okay, I won’t remind you about drafts again. Your draft is still there whenever you want it.';

/** The one nudge about a draft left alone, with the way back to it and the way to stop these. */
export function draftNudgeMessage(): { text: string; blocks: KnownBlock[] } {
  return {
    text: DRAFT_NUDGE_TEXT,
    blocks: [
      section(DRAFT_NUDGE_TEXT),
      actions(draftNudgeIds.actionsBlock, [
        { text: 'Continue your draft', actionId: homeIds.continueDraft, style: 'primary' },
        { text: 'Don’t remind me about drafts', actionId: draftNudgeIds.turnOff },
      ]),
    ],
  };
}
