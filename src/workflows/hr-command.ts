import { commandPayloads, type UncheckedCommand } from '../domain/commands.js';
import type { Refused } from '../domain/decision.js';
import { permit } from '../domain/lifecycle/decide.js';
import { invalidPayload } from '../domain/lifecycle/refusals.js';
import type { AccommodationRequest } from '../domain/request.js';
import type { Actor } from '../domain/roles.js';
import type { CommandType } from '../domain/statuses.js';
import type { AppServices } from '../services.js';
import { lifecyclePolicy } from './lifecycle-policy.js';
import { recordRefusal, recordRefusedLook } from './on-record.js';
import { type CommandOutcome, runCommand } from './run-command.js';

type Services = Pick<AppServices, 'store' | 'effects' | 'logger' | 'now' | 'config'>;

/**
 * HR's side of `runCommand`: the same one way a request changes, plus the record the process wants
 * of a refused attempt by someone outside HR (an audit entry, nothing else changes).
 */
export async function runHrCommand(
  services: Services,
  teamId: string,
  reference: string,
  command: UncheckedCommand,
  actor: Actor,
): Promise<CommandOutcome> {
  const outcome = await runCommand(services, teamId, reference, command, actor);
  if (!outcome.ok) await auditRefusal(services, teamId, reference, command.type, actor, outcome);
  return outcome;
}

/**
 * May this person start this command (before a form opens)? The same `permit` as `decide` and the
 * buttons, so a form is opened only when submitting it can work; a refusal by someone outside HR is
 * audited.
 */
export async function mayStart(
  services: Services,
  teamId: string,
  reference: string,
  type: CommandType,
  actor: Actor,
): Promise<{ readonly ok: true; readonly request: AccommodationRequest } | Refused> {
  const request = await services.store.requests.get(teamId, reference);
  const refused = permit(request, type, actor, services.now(), lifecyclePolicy(services.config));
  if (refused) {
    await auditRefusal(services, teamId, reference, type, actor, refused, request);
    return refused;
  }
  if (!request) throw new Error('permit allowed a command on no request');
  return { ok: true, request };
}

/** The payload's own problems, keyed by path, without deciding anything (for a form's first look). */
export function payloadProblems(type: CommandType, payload: unknown): Record<string, string> {
  const parsed = commandPayloads[type].safeParse(payload);
  return parsed.success ? {} : (invalidPayload(parsed.error).fieldErrors ?? {});
}

async function auditRefusal(
  services: Services,
  teamId: string,
  reference: string,
  type: CommandType,
  actor: Actor,
  refusal: Refused,
  known?: AccommodationRequest | null,
): Promise<void> {
  if (known === null) return;
  await recordRefusal(services, teamId, reference, type, actor, refusal);
}

/** Someone who may not look pressed an HR view button: on the record, and nothing shown. */
export async function auditRefusedView(
  services: Services,
  teamId: string,
  request: AccommodationRequest,
  actor: Actor,
  view: string,
): Promise<void> {
  await recordRefusedLook(services, teamId, request.id, actor, view);
}

/** What someone outside HR is told when they press an HR button. */
export const notPermittedMessage =
  'Only the HR team can do that, and not on their own request. Nothing was changed. If you think you should have access, ask your HR team.';
