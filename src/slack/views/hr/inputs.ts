import type { types } from '@slack/bolt';
import type { KnownBlock } from '../blocks.js';
import { plain } from '../blocks.js';

/** A person picker: Slack's users_select, with the person chosen before if there is one. */
export function userInput(spec: {
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  readonly optional?: boolean;
  readonly initial?: string;
}): KnownBlock {
  const element: types.UsersSelect = {
    type: 'users_select',
    action_id: spec.id,
    placeholder: plain('Choose a person'),
    ...(spec.initial ? { initial_user: spec.initial } : {}),
  };
  return {
    type: 'input',
    block_id: spec.id,
    label: plain(spec.label),
    ...(spec.hint ? { hint: plain(spec.hint) } : {}),
    optional: spec.optional ?? false,
    element,
  };
}

/** The user chosen in a users_select block of a submitted view. */
export function chosenUser(values: unknown, blockId: string): string | undefined {
  const block = (values as Record<string, Record<string, { selected_user?: string | null }>> | undefined)?.[
    blockId
  ];
  if (!block) return undefined;
  for (const element of Object.values(block)) if (element?.selected_user) return element.selected_user;
  return undefined;
}
