import { context, type KnownBlock, type View } from './blocks.js';

/** The block id of a note the app put on top of a screen, so a second note replaces the first. */
export const APP_NOTE_BLOCK = 'app_note';

/** A modal as Slack sends it back in a payload: what the person is looking at right now. */
export interface ShownModal {
  readonly type: string;
  readonly callback_id?: string;
  readonly title?: unknown;
  readonly submit?: unknown;
  readonly close?: unknown;
  readonly private_metadata?: string;
  readonly notify_on_close?: boolean;
  readonly blocks?: readonly unknown[];
}

/**
 * The screen the person is looking at, unchanged, with a plain note on top. For when the app
 * cannot rebuild the screen (its store is out of reach) but must still answer on it: the person
 * keeps what they see, and is told what could not be done.
 */
export function withNote(modal: object, note: string): View {
  const shown = modal as ShownModal;
  const blocks = (shown.blocks ?? []).filter(
    (block) => (block as { block_id?: string }).block_id !== APP_NOTE_BLOCK,
  ) as KnownBlock[];
  const noteBlock: KnownBlock = { ...context(`:warning: ${note}`), block_id: APP_NOTE_BLOCK };
  return {
    type: 'modal',
    ...(shown.callback_id ? { callback_id: shown.callback_id } : {}),
    title: shown.title,
    ...(shown.submit ? { submit: shown.submit } : {}),
    ...(shown.close ? { close: shown.close } : {}),
    ...(shown.private_metadata ? { private_metadata: shown.private_metadata } : {}),
    ...(shown.notify_on_close ? { notify_on_close: true } : {}),
    blocks: [noteBlock, ...blocks],
  } as View;
}
