import type { RedactedTurn } from '../domain/draft.js';
import type { ActionId } from '../domain/lifecycle/actions.js';
import type { LifecyclePolicy } from '../domain/lifecycle/policy.js';
import { type Jurisdiction, jurisdictions } from '../domain/request.js';
import { openStatuses } from '../domain/status.js';
import type { AnswerResult, AssistantAction, Drafter } from '../drafting/index.js';
import { detectClinical } from '../privacy/clinical/index.js';
import { detectCrisis } from '../privacy/crisis.js';
import { forInMemoryMatching, type PrivateText, typedByPerson } from '../privacy/private-text.js';
import { redactInScope } from '../privacy/scope.js';
import type { Store } from '../store/types.js';
import { loadConversation } from './drafts.js';
import { listMyRequests, type MyRequestItem } from './my-requests.js';

/** How much chat the assistant remembers: enough for follow-up questions, little to keep. */
export const MEMORY_TURNS = 12;

/**
 * The button an answer offers, worked out from the employee's own requests, so the view shows one
 * that does something: open the draft, ask HR for an update, withdraw, ask for an extension.
 * `pending` lists open requests (a sent request cannot be changed in the app yet, so the view can say
 * so); `extendable`, the arrangements an extension can be asked for now.
 */
export type ActionOffer =
  | { readonly kind: 'start'; readonly hasDraft: boolean }
  | { readonly kind: 'status'; readonly requests: readonly MyRequestItem[]; readonly hasDraft: boolean }
  | { readonly kind: 'withdraw'; readonly open: readonly string[]; readonly hasDraft: boolean }
  | {
      readonly kind: 'change' | 'extension';
      readonly hasDraft: boolean;
      /** Sent requests still open: the app cannot change or extend them yet. */
      readonly pending: readonly string[];
      /** Those of them HR may be asked about now (HR's answer is overdue): the only update buttons. */
      readonly askable: readonly string[];
      /** Approved arrangements the employee may ask to extend now (extension answers only). */
      readonly extendable?: readonly string[];
    };

export type AssistantReply =
  /** Crisis language: the crisis line, nothing stored. */
  | { readonly kind: 'crisis' }
  /** The employee asked to start or continue a request. */
  | { readonly kind: 'start'; readonly hasDraft: boolean; readonly historyNote: boolean }
  | {
      readonly kind: 'answer';
      readonly result: AnswerResult;
      readonly offer?: ActionOffer;
      /** True once per employee when their message held health details (DESIGN rule 5). */
      readonly historyNote: boolean;
    };

export interface AssistantDeps {
  readonly store: Store;
  readonly drafter: Drafter;
  readonly now: Date;
  /** HR's clocks, so a button is offered exactly when `decide` would accept it. */
  readonly policy?: LifecyclePolicy;
  /** Where people work when no request of theirs says otherwise. */
  readonly defaultJurisdiction?: Jurisdiction;
}

const startIntent =
  /^\s*(?:start|new|begin|continue|resume)(?:\s+(?:a|my|the))?(?:\s+(?:new\s+)?(?:request|draft|accommodation))?\s*[.!]?\s*$/i;

/**
 * One DM from the employee. Crisis language is checked before anything else and nothing of it is
 * kept; otherwise only the redacted text is remembered or sent to the model, and the reply is never
 * an echo of what they typed.
 */
export async function handleDirectMessage(
  deps: AssistantDeps,
  teamId: string,
  userId: string,
  text: PrivateText,
): Promise<AssistantReply> {
  if (detectCrisis(text)) return { kind: 'crisis' };
  const { store, drafter, now } = deps;
  const hadClinical = detectClinical(text).length > 0;
  const historyNote = hadClinical ? await claimHistoryNote(store, teamId, userId, now) : false;
  const conversation = await loadConversation(store, teamId, userId, now);

  if (startIntent.test(forInMemoryMatching(text))) {
    return { kind: 'start', hasDraft: conversation.draft !== undefined, historyNote };
  }

  const requests = await listMyRequests(store, teamId, userId, deps.now, deps.policy);
  const jurisdiction = await jurisdictionOf(deps, teamId, requests);
  const question = redactInScope(text);
  const result = await drafter.answerQuestion({
    question: text,
    history: conversation.turns.map(({ role, content }) => ({ role, content })),
    jurisdiction,
  });
  const at = now.toISOString();
  // Kept as typed text even redacted: the chat is the employee's, and an answer can quote them.
  const turns: RedactedTurn[] = [
    ...conversation.turns,
    { role: 'user' as const, content: typedByPerson(question), at },
    { role: 'assistant' as const, content: typedByPerson(redactInScope(result.answer)), at },
  ].slice(-MEMORY_TURNS);
  await store.conversations.save({ ...conversation, turns, updatedAt: at });
  const offer = result.action
    ? offerFor(result.action, requests, conversation.draft !== undefined)
    : undefined;
  return { kind: 'answer', result, ...(offer ? { offer } : {}), historyNote };
}

/** A topic the employee picked from the closest topics: that article, for where they work. */
export async function answerChosenTopic(
  deps: AssistantDeps,
  teamId: string,
  userId: string,
  topicId: string,
): Promise<Extract<AssistantReply, { kind: 'answer' }> | undefined> {
  const requests = await listMyRequests(deps.store, teamId, userId, deps.now, deps.policy);
  const result = deps.drafter.answerTopic(topicId, await jurisdictionOf(deps, teamId, requests));
  if (!result) return undefined;
  const conversation = await deps.store.conversations.get(teamId, userId);
  const offer = result.action
    ? offerFor(result.action, requests, conversation?.draft !== undefined)
    : undefined;
  return { kind: 'answer', result, ...(offer ? { offer } : {}), historyNote: false };
}

/** The buttons an action can have for this employee now. */
export function offerFor(
  action: AssistantAction,
  requests: readonly MyRequestItem[],
  hasDraft: boolean,
): ActionOffer {
  // Buttons come from `availableActions` only, so none is offered that `decide` would refuse.
  const offering = (id: ActionId) =>
    requests.filter((request) => request.actionIds.includes(id)).map((request) => request.reference);
  switch (action) {
    case 'start':
      return { kind: 'start', hasDraft };
    case 'status':
      return { kind: 'status', requests, hasDraft };
    case 'withdraw':
      return { kind: 'withdraw', open: offering('withdraw'), hasDraft };
    case 'change':
    case 'extension':
      return {
        kind: action,
        hasDraft,
        pending: requests.filter((r) => openStatuses.includes(r.status)).map((r) => r.reference),
        askable: offering('request_update'),
        ...(action === 'extension' ? { extendable: offering('request_extension') } : {}),
      };
  }
}

/** The country of the employee's newest request, else the workspace's default. */
async function jurisdictionOf(
  deps: AssistantDeps,
  teamId: string,
  requests: readonly MyRequestItem[],
): Promise<Jurisdiction> {
  const newest = requests[0];
  const request = newest ? await deps.store.requests.get(teamId, newest.reference) : undefined;
  const stated = request?.disclosure.jurisdiction;
  if (stated && (jurisdictions as readonly string[]).includes(stated)) return stated;
  return deps.defaultJurisdiction ?? 'us';
}

/** The note about Slack keeping DM history is said once per employee, not at every message. */
async function claimHistoryNote(store: Store, teamId: string, userId: string, now: Date): Promise<boolean> {
  const profile = (await store.profiles.get(teamId, userId)) ?? { teamId, userId };
  if (profile.historyNoteShownAt) return false;
  await store.profiles.save({ ...profile, historyNoteShownAt: now.toISOString() });
  return true;
}
