import type { Draft } from '../domain/draft.js';
import type { AccommodationRequest } from '../domain/request.js';
import type { Actor } from '../domain/roles.js';
import type { Store } from '../store/types.js';
import { RequestExistsError } from '../store/types.js';
import type { RequestLetterSource } from './request-letter.js';

export type SubmitOutcome =
  | { readonly kind: 'submitted'; readonly request: AccommodationRequest }
  /** A second click or a retry of the same submission: the request made the first time. */
  | { readonly kind: 'already_submitted'; readonly requestId: string };

/** A submission claim outlives any double click or retry by a wide margin. */
const CLAIM_SECONDS = 7 * 86_400;

/**
 * Turns a checked draft into a request, exactly once per draft. The claim on the draft id is atomic
 * in the store, so a double-clicked submit, a Slack retry or a second replica all find the first
 * request rather than making another. The draft is removed (and its data key shredded) only after
 * the request is safely written.
 */
export async function submitDraft(
  store: Store,
  args: {
    readonly teamId: string;
    readonly employee: Actor;
    readonly draft: Draft;
    readonly fields: RequestLetterSource;
    readonly now: Date;
  },
): Promise<SubmitOutcome> {
  const { teamId, employee, draft, fields, now } = args;
  const reference = await store.requests.nextReference(teamId, now.getUTCFullYear());
  const earlier = await store.claimOnce(teamId, `submit:${draft.draftId}`, reference, CLAIM_SECONDS);
  if (earlier !== null) return { kind: 'already_submitted', requestId: earlier };

  const at = now.toISOString();
  const request: AccommodationRequest = {
    id: reference,
    teamId,
    employeeId: employee.id,
    status: 'submitted',
    version: 0,
    createdAt: at,
    updatedAt: at,
    statusChangedAt: at,
    submittedAt: at,
    ...fields,
  };
  let created: AccommodationRequest;
  try {
    created = await store.requests.create(request);
  } catch (error) {
    if (error instanceof RequestExistsError) return { kind: 'already_submitted', requestId: reference };
    throw error;
  }
  await store.audit.append(teamId, reference, {
    at,
    actorRole: employee.role,
    actorId: employee.id,
    action: 'submit',
    fromStatus: 'draft',
    toStatus: 'submitted',
  });
  const conversation = await store.conversations.get(teamId, employee.id);
  if (conversation?.draft?.draftId === draft.draftId) {
    const { draft: _submitted, ...rest } = conversation;
    await store.conversations.save({ ...rest, updatedAt: at });
  }
  return { kind: 'submitted', request: created };
}
