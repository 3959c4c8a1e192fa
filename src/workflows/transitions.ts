import type { AccommodationRequest } from '../domain/request.js';
import type { Actor } from '../domain/roles.js';
import { nextStatus, type RequestEvent } from '../domain/status.js';
import { RequestNotFoundError } from '../store/errors.js';
import type { Store } from '../store/types.js';

export class TransitionRefusedError extends Error {
  override readonly name = 'TransitionRefusedError';
  constructor(readonly reason: 'not_found' | 'not_allowed_from_status' | 'role_not_allowed' | 'not_yours') {
    super(`transition refused: ${reason}`);
  }
}

/**
 * The one way a request changes status: the domain table decides, the store's compare-and-set
 * writes, and the audit log records who did it. A repeated click finds the status already moved
 * and is refused without a second write.
 */
export async function applyEvent(
  store: Store,
  teamId: string,
  requestId: string,
  event: RequestEvent,
  actor: Actor,
  now: Date,
  change: (request: AccommodationRequest) => AccommodationRequest = (request) => request,
): Promise<AccommodationRequest> {
  let fromStatus: AccommodationRequest['status'] | undefined;
  const updated = await store.requests
    .update(teamId, requestId, (current) => {
      if (actor.role === 'employee' && current.employeeId !== actor.id)
        throw new TransitionRefusedError('not_yours');
      const result = nextStatus(current.status, event, actor.role);
      if (!result.ok) throw new TransitionRefusedError(result.reason);
      fromStatus = current.status;
      const at = now.toISOString();
      return { ...change(current), status: result.to, statusChangedAt: at, updatedAt: at };
    })
    .catch((error: unknown) => {
      throw error instanceof RequestNotFoundError ? new TransitionRefusedError('not_found') : error;
    });
  await store.audit.append(teamId, requestId, {
    at: now.toISOString(),
    actorRole: actor.role,
    actorId: actor.id,
    action: event,
    fromStatus,
    toStatus: updated.status,
  });
  return updated;
}
