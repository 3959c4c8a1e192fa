import type { RedactedTurn } from '../domain/draft.js';
import type { Drafter } from '../drafting/index.js';
import { detectClinical } from '../privacy/clinical/index.js';
import { detectCrisis } from '../privacy/crisis.js';
import { redactInScope } from '../privacy/scope.js';
import type { Store } from '../store/types.js';
import { loadConversation } from './drafts.js';

/** How much chat the assistant remembers: enough for follow-up questions, little to keep. */
export const MEMORY_TURNS = 12;

export type AssistantReply =
  /** Crisis language: the crisis line, nothing stored. */
  | { readonly kind: 'crisis' }
  /** The employee asked to start or continue a request. */
  | { readonly kind: 'start'; readonly hasDraft: boolean; readonly historyNote: boolean }
  | {
      readonly kind: 'answer';
      readonly text: string;
      readonly note?: string;
      readonly suggestsStartingRequest: boolean;
      /** True once per employee when their message held health details (DESIGN rule 5). */
      readonly historyNote: boolean;
    };

const startIntent =
  /^\s*(?:start|new|begin|continue|resume)(?:\s+(?:a|my|the))?(?:\s+(?:new\s+)?(?:request|draft|accommodation))?\s*[.!]?\s*$/i;

/**
 * One DM from the employee. Crisis language is checked before anything else and nothing of it is
 * kept; otherwise only the redacted text is remembered or sent to the model, and the reply is never
 * an echo of what they typed.
 */
export async function handleDirectMessage(
  deps: { store: Store; drafter: Drafter; now: Date },
  teamId: string,
  userId: string,
  text: string,
): Promise<AssistantReply> {
  if (detectCrisis(text)) return { kind: 'crisis' };
  const { store, drafter, now } = deps;
  const hadClinical = detectClinical(text).length > 0;
  const historyNote = hadClinical ? await claimHistoryNote(store, teamId, userId, now) : false;
  const conversation = await loadConversation(store, teamId, userId, now);

  if (startIntent.test(text)) {
    return { kind: 'start', hasDraft: conversation.draft !== undefined, historyNote };
  }

  const question = redactInScope(text);
  const result = await drafter.answerQuestion({
    question: text,
    history: conversation.turns.map(({ role, content }) => ({ role, content })),
  });
  const at = now.toISOString();
  const turns: RedactedTurn[] = [
    ...conversation.turns,
    { role: 'user' as const, content: question, at },
    { role: 'assistant' as const, content: redactInScope(result.answer), at },
  ].slice(-MEMORY_TURNS);
  await store.conversations.save({ ...conversation, turns, updatedAt: at });
  return {
    kind: 'answer',
    text: result.answer,
    ...(result.note ? { note: result.note } : {}),
    suggestsStartingRequest: result.suggestsStartingRequest,
    historyNote,
  };
}

/** The note about Slack keeping DM history is said once per employee, not at every message. */
async function claimHistoryNote(store: Store, teamId: string, userId: string, now: Date): Promise<boolean> {
  const profile = (await store.profiles.get(teamId, userId)) ?? { teamId, userId };
  if (profile.historyNoteShownAt) return false;
  await store.profiles.save({ ...profile, historyNoteShownAt: now.toISOString() });
  return true;
}
