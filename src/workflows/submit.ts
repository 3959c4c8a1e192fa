import type { Draft } from '../domain/draft.js';
import type { AccommodationRequest, ReleasableField } from '../domain/request.js';
import type { Actor } from '../domain/roles.js';
import type { AppServices } from '../services.js';
import { runCommand } from './run-command.js';

export type SubmitOutcome =
  | { readonly kind: 'submitted'; readonly request: AccommodationRequest }
  /** A second click or a retry of the same submission: the request made the first time. */
  | { readonly kind: 'already_submitted'; readonly requestId: string }
  /** `decide` refused it; the message says why in plain words. Nothing was stored. */
  | { readonly kind: 'refused'; readonly message: string };

/** A submission claim outlives any double click or retry by a wide margin. */
const CLAIM_SECONDS = 7 * 86_400;

/**
 * Turns a checked draft into a request, exactly once per draft, through `decide` like every other
 * change: the record, its audit entry and its effects (HR's card, the employee's DM, the Home tab)
 * are stored in one step and delivered by the worker. The draft's claim on a reference is atomic,
 * so a double click, a Slack retry or a second replica all land on the same reference; if an
 * earlier try claimed it but never stored the request (Redis went away in between), this try
 * stores it under that reference rather than saying it was sent. The draft is removed only after
 * the request is stored.
 */
export async function submitDraft(
  services: Pick<AppServices, 'store' | 'effects' | 'logger' | 'now' | 'config'>,
  args: {
    readonly teamId: string;
    readonly employee: Actor;
    readonly draft: Draft;
    readonly fields: Pick<
      AccommodationRequest,
      'schedule' | 'work' | 'accommodations' | 'disclosure' | 'sensitive' | 'reviewDate'
    >;
    /** The fields whose words the employee released by sending what the review showed them. */
    readonly released?: readonly ReleasableField[];
    /** The note for the team passed the release check and goes to the manager with the pattern. */
    readonly teamNoteReleased?: boolean;
  },
): Promise<SubmitOutcome> {
  const { store } = services;
  const { teamId, employee, draft, fields, released = [], teamNoteReleased = false } = args;
  const fresh = await store.requests.nextReference(teamId, services.now().getUTCFullYear());
  const earlier = await store.claimOnce(teamId, `submit:${draft.draftId}`, fresh, CLAIM_SECONDS);
  const reference = earlier ?? fresh;
  if (earlier !== null && (await store.requests.get(teamId, earlier))) {
    // An earlier try stored it (its answer may have been lost, or not yet safe): it is sent once
    // this store confirms what it holds is safe; then the draft goes, as after any sending.
    await store.confirmWrites();
    await forgetDraft(services, teamId, employee.id, draft.draftId, services.now().toISOString());
    return { kind: 'already_submitted', requestId: earlier };
  }

  const { reviewDate, ...facts } = fields;
  const outcome = await runCommand(
    services,
    teamId,
    reference,
    {
      type: 'submit',
      payload: {
        reference,
        teamId,
        ...facts,
        ...(reviewDate ? { reviewDate } : {}),
        ...(released.length > 0 ? { released: [...released] } : {}),
        // The manager the employee named, only with their consent to tell them anything.
        ...(draft.managerId && facts.disclosure.shareScheduleWithManager
          ? { managerId: draft.managerId }
          : {}),
        ...(teamNoteReleased ? { teamNoteReleased: true as const } : {}),
      },
    },
    employee,
  );
  if (!outcome.ok) {
    if (outcome.code === 'already_done') return { kind: 'already_submitted', requestId: reference };
    return { kind: 'refused', message: outcome.message };
  }
  await forgetDraft(services, teamId, employee.id, draft.draftId, outcome.request.updatedAt);
  return { kind: 'submitted', request: outcome.request };
}

/**
 * Removes the sent draft. Best effort: the request is stored and its effects are in the outbox, so
 * the person must hear "sent" even if Redis goes away now; a draft left behind is found sent (and
 * removed) the next time Send to HR is pressed on it.
 */
async function forgetDraft(
  services: Pick<AppServices, 'store' | 'logger'>,
  teamId: string,
  userId: string,
  draftId: string,
  at: string,
): Promise<void> {
  try {
    const conversation = await services.store.conversations.get(teamId, userId);
    if (conversation?.draft?.draftId === draftId) {
      const { draft: _submitted, ...rest } = conversation;
      await services.store.conversations.save({ ...rest, updatedAt: at });
    }
  } catch (error) {
    services.logger.warn({ err: error }, 'sent a request but could not remove its draft yet');
  }
}
