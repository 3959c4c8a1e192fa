import type { Decided, Refused } from '../domain/decision.js';
import { type Look, looked, refusedLook, refusedOnRecord, reminded } from '../domain/lifecycle/on-record.js';
import type { Actor } from '../domain/roles.js';
import type { CommandType } from '../domain/statuses.js';
import type { AppServices } from '../services.js';
import type { Committed } from '../store/types.js';
import { type CommandOutcome, commitDecision } from './run-command.js';

type Services = Pick<AppServices, 'store' | 'effects' | 'logger' | 'now'>;

/**
 * Entries on a request's trail that change nothing else (domain/lifecycle/on-record.ts): decided on
 * the stored record and written with `requests.record`, which checks the record's version in the
 * same atomic step and leaves the record alone; decided again if the record moved meanwhile.
 */
const onTrail =
  (services: Services) =>
  async (decided: Decided): Promise<Committed> => {
    await services.store.requests.record(decided);
    return { request: decided.request, outbox: [] };
  };

/** `actor` opens the letter or the history: on the record before anything is shown. */
export function recordLook(
  services: Services,
  teamId: string,
  reference: string,
  actor: Actor,
  what: Look,
): Promise<CommandOutcome> {
  return commitDecision(
    services,
    teamId,
    reference,
    (current) => (current ? looked(current, actor, services.now(), what) : notFound),
    onTrail(services),
  );
}

/** A refused attempt by someone outside HR, when the process keeps a record of it. */
export async function recordRefusal(
  services: Services,
  teamId: string,
  reference: string,
  attempted: CommandType,
  actor: Actor,
  refusal: Refused,
): Promise<void> {
  await commitDecision(
    services,
    teamId,
    reference,
    (current) => (current && refusedOnRecord(current, attempted, actor, services.now(), refusal)) ?? refusal,
    onTrail(services),
  );
}

/** Someone who may not look pressed an HR view button. */
export async function recordRefusedLook(
  services: Services,
  teamId: string,
  reference: string,
  actor: Actor,
  view: string,
): Promise<void> {
  await commitDecision(
    services,
    teamId,
    reference,
    (current) => (current ? refusedLook(current, actor, services.now(), view) : notFound),
    onTrail(services),
  );
}

/** A reminder went out. */
export async function recordReminder(
  services: Services,
  teamId: string,
  reference: string,
  reminder: string,
): Promise<void> {
  await commitDecision(
    services,
    teamId,
    reference,
    (current) => (current ? reminded(current, reminder, services.now()) : notFound),
    onTrail(services),
  );
}

const notFound: Refused = { ok: false, code: 'not_found', message: 'That request no longer exists.' };
