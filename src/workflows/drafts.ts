import { randomUUID } from 'node:crypto';
import type { Conversation, Draft } from '../domain/draft.js';
import type { Store } from '../store/types.js';

/**
 * Drafts live in the employee's conversation state, sealed at rest, saved after every step so that
 * nothing typed is lost to a closed modal, an error or a restart.
 */

export function emptyConversation(teamId: string, userId: string, now: Date): Conversation {
  return { teamId, userId, turns: [], updatedAt: now.toISOString() };
}

export async function loadConversation(
  store: Store,
  teamId: string,
  userId: string,
  now: Date,
): Promise<Conversation> {
  return (await store.conversations.get(teamId, userId)) ?? emptyConversation(teamId, userId, now);
}

export function newDraft(now: Date): Draft {
  const at = now.toISOString();
  return { draftId: randomUUID(), step: 'schedule', startedAt: at, updatedAt: at, sensitive: {} };
}

/** The current draft, or a new one when there is none. `resumed` says which, for the wording. */
export async function openDraft(
  store: Store,
  teamId: string,
  userId: string,
  now: Date,
): Promise<{ draft: Draft; resumed: boolean }> {
  const conversation = await loadConversation(store, teamId, userId, now);
  if (conversation.draft) return { draft: conversation.draft, resumed: true };
  const draft = newDraft(now);
  await store.conversations.save({ ...conversation, draft, updatedAt: now.toISOString() });
  return { draft, resumed: false };
}

/**
 * Applies `change` to the draft with `draftId` and saves it. Returns null when that draft is gone
 * (submitted or deleted meanwhile), so a stale modal cannot resurrect it.
 */
export async function updateDraft(
  store: Store,
  teamId: string,
  userId: string,
  draftId: string,
  now: Date,
  change: (draft: Draft) => Draft,
): Promise<Draft | null> {
  const conversation = await loadConversation(store, teamId, userId, now);
  if (!conversation.draft || conversation.draft.draftId !== draftId) return null;
  const draft = { ...change(conversation.draft), updatedAt: now.toISOString() };
  await store.conversations.save({ ...conversation, draft, updatedAt: now.toISOString() });
  return draft;
}
