import type { Conversation, EmployeeProfile } from '../domain/draft.js';
import { decide } from '../domain/lifecycle/decide.js';
import type { LifecyclePolicy } from '../domain/lifecycle/policy.js';
import type { AccommodationRequest, AuditEntry } from '../domain/request.js';
import { systemActor } from '../domain/roles.js';
import { type Store, VersionConflictError } from '../store/types.js';

/**
 * A person's whole record, decrypted, for an administrator answering a data-subject request: every
 * request with everything they and HR wrote, each request's audit trail (the export's own entry
 * included), the draft in progress with the assistant chat as stored (redacted), and the profile.
 * It goes to a local file only, never to Slack.
 */
export interface PersonRecord {
  readonly exportedAt: string;
  readonly teamId: string;
  readonly employeeId: string;
  readonly requests: readonly { readonly request: AccommodationRequest; readonly audit: AuditEntry[] }[];
  readonly conversation: Conversation | null;
  readonly profile: EmployeeProfile | null;
}

const MAX_ATTEMPTS = 5;

/**
 * Records the export on each request's audit trail through `decide` (the `record_export` command,
 * given by the system on the administrator's behalf), then reads the record. The trail is written
 * first, so no export exists that the trail does not show.
 */
export async function exportPersonRecord(
  store: Store,
  teamId: string,
  employeeId: string,
  now: Date,
  policy: LifecyclePolicy,
): Promise<PersonRecord> {
  const summaries = await store.requests.listByEmployee(teamId, employeeId);
  const requests: PersonRecord['requests'][number][] = [];
  for (const summary of summaries) {
    const request = await recordExport(store, teamId, summary.id, now, policy);
    if (!request || request.employeeId !== employeeId) continue;
    requests.push({ request, audit: await store.audit.list(teamId, request.id) });
  }
  const [conversation, profile] = await Promise.all([
    store.conversations.get(teamId, employeeId),
    store.profiles.get(teamId, employeeId),
  ]);
  return { exportedAt: now.toISOString(), teamId, employeeId, requests, conversation, profile };
}

async function recordExport(
  store: Store,
  teamId: string,
  requestId: string,
  now: Date,
  policy: LifecyclePolicy,
): Promise<AccommodationRequest | null> {
  for (let attempt = 1; ; attempt++) {
    const current = await store.requests.get(teamId, requestId);
    if (!current) return null;
    const decision = decide(current, { type: 'record_export', payload: {} }, systemActor, now, policy);
    // A purged request has nothing left to export; its tombstone stays as it is.
    if (!decision.ok) return null;
    try {
      return (await store.requests.commit(decision)).request;
    } catch (error) {
      if (!(error instanceof VersionConflictError) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}
