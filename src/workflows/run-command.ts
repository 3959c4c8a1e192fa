import type { UncheckedCommand } from '../domain/commands.js';
import type { Decided, Decision, Refused } from '../domain/decision.js';
import type { OutboxEntry } from '../domain/effects.js';
import { decide } from '../domain/lifecycle/decide.js';
import type { LifecyclePolicy } from '../domain/lifecycle/policy.js';
import type { AccommodationRequest } from '../domain/request.js';
import type { Actor } from '../domain/roles.js';
import type { AppServices } from '../services.js';
import { type Committed, RequestExistsError, VersionConflictError } from '../store/types.js';
import { lifecyclePolicy } from './lifecycle-policy.js';

export type CommandOutcome =
  | {
      readonly ok: true;
      readonly request: AccommodationRequest;
      readonly outbox: readonly OutboxEntry[];
    }
  | Refused;

/** Enough for a few people acting on one request at once; beyond it the caller says "try again". */
const MAX_ATTEMPTS = 5;

/**
 * The one way a request changes: read it, let `decide` say what happens, write the new record with
 * its audit entry and effects in one atomic step, then hand the effects to the worker. A refusal
 * comes back in plain words.
 */
export async function runCommand(
  services: Pick<AppServices, 'store' | 'effects' | 'logger' | 'now' | 'config'>,
  teamId: string,
  requestId: string,
  command: UncheckedCommand,
  actor: Actor,
  options: { readonly now?: Date; readonly policy?: LifecyclePolicy } = {},
): Promise<CommandOutcome> {
  const policy = options.policy ?? lifecyclePolicy(services.config);
  return commitDecision(services, teamId, requestId, (current) =>
    decide(current, command, actor, options.now ?? services.now(), policy),
  );
}

/**
 * Reads the request, lets `decideFrom` (pure: `decide`, or an entry for the trail from
 * domain/lifecycle/on-record.ts) decide on what is stored, and commits the decision in one atomic
 * step. If someone else changed the request in between, it is read and decided again (a bounded
 * number of times), so the decision always rests on what is stored.
 *
 * Queueing after the commit may fail (Redis gone for a moment, the process killed): the effects
 * are in the outbox all the same, and the worker's sweep queues them. So once the commit returned,
 * nothing the decision asked for is lost.
 */
export async function commitDecision(
  services: Pick<AppServices, 'store' | 'effects' | 'logger'>,
  teamId: string,
  requestId: string,
  decideFrom: (current: AccommodationRequest | null) => Decision,
  write: (decided: Decided) => Promise<Committed> = (decided) => services.store.requests.commit(decided),
): Promise<CommandOutcome> {
  const { store } = services;
  for (let attempt = 1; ; attempt++) {
    const current = await store.requests.get(teamId, requestId);
    if (current && current.teamId !== teamId) throw new Error('a request was read under another team');
    const decision = decideFrom(current);
    if (!decision.ok) return decision;
    if (decision.request.id !== requestId || decision.request.teamId !== teamId)
      throw new Error('a decision names another request than the one it was asked about');
    let committed: Committed;
    try {
      committed = await write(decision);
    } catch (error) {
      const lostRace = error instanceof VersionConflictError || error instanceof RequestExistsError;
      if (!lostRace || attempt >= MAX_ATTEMPTS) throw error;
      await pause(Math.random() * Math.min(2 ** attempt * 5, 50));
      continue;
    }
    try {
      await services.effects.enqueue(committed.outbox.map((entry) => ({ teamId, entryId: entry.id })));
    } catch (error) {
      services.logger.warn(
        { requestId, effects: committed.outbox.length, code: (error as Error)?.name },
        'stored a change but could not queue its messages; the outbox sweep will',
      );
    }
    return { ok: true, request: committed.request, outbox: committed.outbox };
  }
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
