import type { BlockAction, webApi } from '@slack/bolt';
import { directMessageChannel } from './direct-messages.js';
import type { View } from './views/blocks.js';
import { errorsByBlock } from './views/hr/read-forms.js';

type Client = webApi.WebClient;

/**
 * Tells the person who pressed an HR button, and only them, what happened: an ephemeral message
 * where they pressed it (HR's channel), or in their DM with the app when they pressed it on a
 * Home tab. Never a public post: a refusal is nobody else's business.
 */
export async function tellPrivately(client: Client, body: BlockAction, text: string): Promise<void> {
  const channel = body.channel?.id ?? (await directMessageChannel(client, body.user.id));
  await client.chat.postEphemeral({ channel, user: body.user.id, text });
}

/** The block ids a view has, so errors are only ever sent for fields the form shows. */
function blockIdsOf(view: { readonly blocks?: readonly unknown[] }): Set<string> {
  const ids = new Set<string>();
  for (const block of view.blocks ?? []) {
    const id = (block as { block_id?: unknown }).block_id;
    if (typeof id === 'string') ids.add(id);
  }
  return ids;
}

/**
 * Field problems as Slack's response_action "errors" for this view: the form's own, then
 * `decide`'s mapped to their fields. Problems with no field on this form are returned apart.
 */
export function formErrors(
  view: { readonly blocks?: readonly unknown[] },
  own: Readonly<Record<string, string>>,
  fromDecide: Readonly<Record<string, string>>,
): { readonly errors: Record<string, string>; readonly unplaced: string[] } {
  const shown = blockIdsOf(view);
  const errors: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const [block, message] of Object.entries({ ...errorsByBlock(fromDecide), ...own })) {
    if (shown.has(block)) errors[block] ??= message;
    else unplaced.push(message);
  }
  return { errors, unplaced };
}

export type { View };
