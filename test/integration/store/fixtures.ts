import { randomBytes, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { CommandPayload } from '../../../src/domain/commands.js';
import type { Decided, Decision } from '../../../src/domain/decision.js';
import type { Conversation, EmployeeProfile } from '../../../src/domain/draft.js';
import { decide } from '../../../src/domain/lifecycle/decide.js';
import { defaultPolicy } from '../../../src/domain/lifecycle/policy.js';
import {
  type AccommodationRequest,
  SensitiveFields,
  sensitiveFieldNames,
} from '../../../src/domain/request.js';
import { type Actor, systemActor } from '../../../src/domain/roles.js';
import type { CommandType } from '../../../src/domain/statuses.js';
import { typedByPerson } from '../../../src/privacy/private-text.js';
import type { VaultOptions } from '../../../src/privacy/vault.js';
import { type Committed, type Store, VersionConflictError } from '../../../src/store/types.js';

export const testVault = (): VaultOptions => ({ masterKeys: [{ id: 'test-1', key: randomBytes(32) }] });

export const uniquePrefix = (label: string) => `t-${label}-${randomUUID().slice(0, 8)}`;

/** Known, unique strings in every sensitive field: none of them may ever be found at rest. */
/** Sensitive fields as a test writes them: plain strings, typed text once the schema reads them. */
export type TypedFields = z.input<typeof SensitiveFields>;

export function canaryFields(tag: string): Required<TypedFields> {
  const fields = {} as Required<TypedFields>;
  for (const name of sensitiveFieldNames) {
    fields[name] = `canary ${tag} ${name} intensive-outpatient ${randomUUID()}`;
  }
  return fields;
}

export function allCanaries(fields: TypedFields): string[] {
  return Object.values(fields).filter((v): v is string => typeof v === 'string');
}

const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 9, minute)).toISOString();

export function makeRequest(
  teamId: string,
  id: string,
  employeeId: string,
  options: {
    minute?: number;
    status?: AccommodationRequest['status'];
    sensitive?: TypedFields;
    disclosure?: AccommodationRequest['disclosure'];
  } = {},
): AccommodationRequest {
  const when = at(options.minute ?? 0);
  return {
    id,
    teamId,
    employeeId,
    status: options.status ?? 'submitted',
    version: 1,
    createdAt: when,
    updatedAt: when,
    statusChangedAt: when,
    submittedAt: when,
    schedule: {
      days: ['tue', 'thu'],
      sessionStart: '09:00',
      sessionEnd: '12:00',
      travelMinutes: 30,
      startDate: '2026-03-02',
      endDate: '2026-05-29',
      format: 'in_person',
    },
    work: {
      days: ['mon', 'tue', 'wed', 'thu', 'fri'],
      start: '09:00',
      end: '17:30',
      timeZone: 'America/Chicago',
      constraints: ['recurring_meetings'],
    },
    accommodations: ['shifted_hours'],
    disclosure: options.disclosure ?? {
      reason: 'functional',
      shareScheduleWithManager: false,
      eapMayTrackStatus: false,
      jurisdiction: 'us',
    },
    sensitive: SensitiveFields.parse(
      options.sensitive ?? { statementOfNeed: 'I need to leave at noon on Tuesdays and Thursdays.' },
    ),
  };
}

export function makeConversation(
  teamId: string,
  userId: string,
  options: { draftId?: string; sensitive?: TypedFields; turnText?: string } = {},
): Conversation {
  const when = at(0);
  return {
    teamId,
    userId,
    updatedAt: when,
    turns: [
      {
        role: 'user',
        content: typedByPerson(options.turnText ?? 'I need Tuesday mornings for [treatment].'),
        at: when,
      },
      { role: 'assistant', content: typedByPerson('Let us set up a schedule change.'), at: when },
    ],
    draft: {
      draftId: options.draftId ?? `d-${randomUUID().slice(0, 8)}`,
      step: 'work',
      startedAt: when,
      updatedAt: when,
      schedule: { days: ['tue'], sessionStart: '09:00' },
      sensitive: SensitiveFields.parse(options.sensitive ?? { privateNote: 'a note' }),
    },
  };
}

export function makeProfile(teamId: string, userId: string): EmployeeProfile {
  return { teamId, userId, noticeAcceptedAt: at(1), historyNoteShownAt: at(2) };
}

/**
 * Whether a known string appears in a dump, as is or base64/base64url encoded: encoding is not
 * encryption, and a scan that only looked for the literal text would miss it.
 */
export function findCanaries(dump: readonly string[], canaries: readonly string[]): string[] {
  const texts = [...dump];
  for (const value of dump) {
    for (const token of value.match(/[A-Za-z0-9+/_-]{16,}={0,2}/g) ?? []) {
      texts.push(Buffer.from(token, 'base64').toString('latin1'));
      texts.push(Buffer.from(token, 'base64url').toString('latin1'));
    }
  }
  const haystack = texts.join('\n').toLowerCase();
  return canaries.filter(
    (canary) => haystack.includes(canary.toLowerCase()) || haystack.includes(tail(canary)),
  );
}

/** The random tail of a canary alone: catches a field stored partly in plain. */
const tail = (canary: string) => canary.slice(-36).toLowerCase();

// ---------------------------------------------------------------------------------------------
// Requests come into a store the one way the app has: `decide`, then `requests.commit`.

export const hrActor: Actor = { role: 'hr', id: 'U-HR' };

/** The employee's own words a submission carries (HR's words and the decline comment come later). */
export const submittedFields = [
  'reasonOwnWords',
  'constraintsNote',
  'otherAccommodation',
  'coveragePlan',
  'statementOfNeed',
  'privateNote',
] as const satisfies readonly (keyof SensitiveFields)[];

/**
 * Submits the request `makeRequest` describes (same id, employee, time, facts and words) through
 * `decide`, and commits it. Only the employee's own words travel with a submission.
 */
export async function submitThrough(
  store: Pick<Store, 'requests'>,
  teamId: string,
  id: string,
  employeeId: string,
  options: Parameters<typeof makeRequest>[3] = {},
): Promise<AccommodationRequest> {
  const shape = makeRequest(teamId, id, employeeId, options);
  const sensitive = Object.fromEntries(
    submittedFields.flatMap((field) => (shape.sensitive[field] ? [[field, shape.sensitive[field]]] : [])),
  );
  const payload: CommandPayload<'submit'> = {
    reference: id,
    teamId,
    schedule: shape.schedule,
    work: shape.work,
    accommodations: shape.accommodations,
    disclosure: shape.disclosure,
    sensitive,
  };
  const decision = decide(
    null,
    { type: 'submit', payload },
    { role: 'employee', id: employeeId },
    new Date(shape.createdAt),
    defaultPolicy,
  );
  if (!decision.ok) throw new Error(`submit refused: ${decision.message}`);
  return (await store.requests.commit(decision)).request;
}

/**
 * Gives a command through `decide` on the stored record and commits it; on a lost race it reads
 * and decides again, as the app's `runCommand` does. A refusal fails the test.
 */
export async function decideThrough<T extends CommandType>(
  store: Pick<Store, 'requests'>,
  teamId: string,
  id: string,
  type: T,
  actor: Actor,
  payload: CommandPayload<T>,
  now: Date,
): Promise<Committed> {
  return commitFromStored(store, teamId, id, (current) =>
    decide(current, { type, payload }, actor, now, defaultPolicy),
  );
}

/** Commits what `decideFrom` decides on the stored record, again after each lost race. */
async function commitFromStored(
  store: Pick<Store, 'requests'>,
  teamId: string,
  id: string,
  decideFrom: (current: AccommodationRequest | null) => Decision,
): Promise<Committed> {
  for (;;) {
    const decision = decideFrom(await store.requests.get(teamId, id));
    if (!decision.ok) throw new Error(`refused: ${decision.code}: ${decision.message}`);
    try {
      return await store.requests.commit(decision);
    } catch (error) {
      if (!(error instanceof VersionConflictError)) throw error;
    }
  }
}

/**
 * Takes a stored request to its purge as the app does, through `decide`: the employee withdraws
 * it, it closes after its grace period, and its retention ends. Each step is committed with its
 * audit entry and effects, and the effects are marked delivered (the worker's part), so what is
 * left is for `requests.purge` to carry out. Returns the purge as decided.
 */
export async function decidePurge(
  store: Pick<Store, 'requests' | 'outbox'>,
  teamId: string,
  id: string,
): Promise<Decided> {
  const day = 86_400_000;
  let request = await store.requests.get(teamId, id);
  if (!request) throw new Error(`no request ${id} to purge`);
  const steps: [CommandType, Actor, number][] = [
    ['withdraw', { role: 'employee', id: request.employeeId }, day],
    ['close_after_grace', systemActor, (defaultPolicy.closeGraceDays + 1) * day],
    ['purge', systemActor, (defaultPolicy.retentionDays + 1) * day],
  ];
  let at = Date.parse(request.statusChangedAt);
  let last: Decided | undefined;
  for (const [type, actor, after] of steps) {
    at += after;
    const decision = decide(request, { type, payload: {} }, actor, new Date(at), defaultPolicy);
    if (!decision.ok) throw new Error(`${type} refused: ${decision.message}`);
    const committed = await store.requests.commit(decision);
    for (const entry of committed.outbox) await store.outbox.markDone(teamId, entry.id, new Date(at));
    request = committed.request;
    last = decision;
  }
  if (!last) throw new Error('nothing decided');
  return last;
}
