import {
  elementState,
  type FillValue,
  initialValues,
  validateMessage,
  validateView,
} from '@accommodation-assistant/slack-emulator';
import { expect } from 'vitest';
import type { View } from '../../../src/slack/views/blocks.js';
import type { SlackMessage } from '../../../src/slack/views/messages.js';

type Json = Record<string, unknown>;

export interface InputInfo {
  readonly label: string;
  readonly blockId: string;
  readonly element: Json;
  readonly optional: boolean;
}

export function blocksOf(view: View | SlackMessage): Json[] {
  return (view.blocks ?? []) as unknown as Json[];
}

export function inputsOf(view: View): InputInfo[] {
  return blocksOf(view)
    .filter((block) => block.type === 'input')
    .map((block) => ({
      label: String((block.label as Json).text),
      blockId: String(block.block_id),
      element: block.element as Json,
      optional: block.optional === true,
    }));
}

export function input(view: View, label: string): InputInfo {
  const found = inputsOf(view).find((i) => i.label === label);
  if (!found) throw new Error(`no input labelled "${label}"`);
  return found;
}

/** Everything Slack checks, plus what the e2e driver needs: labels it can tell apart. */
export function expectValidModal(view: View): void {
  expect(validateView(view, 'modal')).toEqual([]);
  const labels = inputsOf(view).map((i) => i.label);
  expect(new Set(labels).size).toBe(labels.length);
  for (const i of inputsOf(view)) expect(i.element.action_id).toBe(i.blockId);
}

export function expectValidMessage(message: SlackMessage): void {
  expect(validateMessage({ text: message.text, blocks: message.blocks })).toBeUndefined();
}

/** All the visible words of a view or message, for "never says X" checks. */
export function allText(value: unknown): string {
  return JSON.stringify(value);
}

/**
 * What Slack would send back on submit: the initial values the view shows, with the given inputs
 * filled by label the way a person (and the e2e driver) fills them, options by their visible text.
 */
export function submittedState(
  view: View,
  fills: Readonly<Record<string, FillValue>> = {},
): Record<string, Record<string, Json>> {
  const values = initialValues(view as unknown as Json);
  for (const [label, value] of Object.entries(fills)) {
    const field = input(view, label);
    values[field.blockId] ??= {};
    const block = values[field.blockId] as Record<string, Json>;
    block[String(field.element.action_id)] = elementState(field.element, value, []);
  }
  return values;
}
