import type { types } from '@slack/bolt';

export type KnownBlock = types.KnownBlock;
export type PlainTextElement = types.PlainTextElement;
export type View = types.View;

/**
 * Small builders so every view reads like its content. Pure: no I/O, no app state.
 * Text passed to `mrkdwn` is our own wording; anything a person typed goes through `escapeMrkdwn`.
 */

export const plain = (text: string): PlainTextElement => ({ type: 'plain_text', text, emoji: true });

/** Slack's own escaping: &, < and > only, so `<!channel>` typed by someone shows as text. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export const header = (text: string): KnownBlock => ({ type: 'header', text: plain(text) });

export const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });

export const context = (text: string): KnownBlock => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text }],
});

export const divider = (): KnownBlock => ({ type: 'divider' });

export interface ButtonSpec {
  readonly text: string;
  readonly actionId: string;
  readonly value?: string;
  readonly style?: 'primary' | 'danger';
}

export const actions = (blockId: string, buttons: readonly ButtonSpec[]): KnownBlock => ({
  type: 'actions',
  block_id: blockId,
  elements: buttons.map((button) => ({
    type: 'button' as const,
    text: plain(button.text),
    action_id: button.actionId,
    ...(button.value !== undefined ? { value: button.value } : {}),
    ...(button.style ? { style: button.style } : {}),
  })),
});

export interface ModalSpec {
  readonly callbackId: string;
  readonly title: string;
  readonly blocks: KnownBlock[];
  readonly submit?: string;
  readonly close?: string;
  readonly privateMetadata?: string;
  readonly notifyOnClose?: boolean;
}

export const modal = (spec: ModalSpec): View => ({
  type: 'modal',
  callback_id: spec.callbackId,
  title: plain(spec.title),
  blocks: spec.blocks,
  ...(spec.submit ? { submit: plain(spec.submit) } : {}),
  close: plain(spec.close ?? 'Close'),
  ...(spec.privateMetadata ? { private_metadata: spec.privateMetadata } : {}),
  ...(spec.notifyOnClose ? { notify_on_close: true } : {}),
});
