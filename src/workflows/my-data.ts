import type { AccommodationRequest, AuditEntry } from '../domain/request.js';
import type { Actor } from '../domain/roles.js';
import { openStatuses, statusLabels } from '../domain/status.js';
import { redactInScope } from '../privacy/scope.js';
import type { Store } from '../store/types.js';
import { applyEvent } from './transitions.js';

/**
 * An employee's own data: what they can take away, and how it goes. Exports are files that land in
 * Slack, so they follow the firewall too: free text is redacted and the private note stays behind.
 */

export interface MyDataExport {
  readonly exportedAt: string;
  readonly about: string;
  readonly noticeAcceptedAt?: string;
  readonly draft?: unknown;
  readonly requests: unknown[];
}

const redactFields = (fields: AccommodationRequest['sensitive']) => {
  const { privateNote: _stays, ...shareable } = fields;
  return Object.fromEntries(
    Object.entries(shareable).map(([name, value]) => [name, value ? redactInScope(value) : value]),
  );
};

export async function exportMyData(
  store: Store,
  teamId: string,
  userId: string,
  now: Date,
): Promise<MyDataExport> {
  const [profile, conversation, summaries] = await Promise.all([
    store.profiles.get(teamId, userId),
    store.conversations.get(teamId, userId),
    store.requests.listByEmployee(teamId, userId),
  ]);
  const requests: unknown[] = [];
  for (const summary of summaries) {
    const request = await store.requests.get(teamId, summary.id);
    if (!request) continue;
    const audit: AuditEntry[] = await store.audit.list(teamId, request.id);
    requests.push({
      reference: request.id,
      status: statusLabels[request.status],
      submittedAt: request.submittedAt,
      statusChangedAt: request.statusChangedAt,
      reviewDate: request.reviewDate,
      schedule: request.schedule,
      work: request.work,
      accommodations: request.accommodations,
      disclosure: request.disclosure,
      yourWords: redactFields(request.sensitive),
      history: audit.map(({ at, actorRole, action }) => ({ at, by: actorRole, action })),
    });
  }
  const draft = conversation?.draft;
  return {
    exportedAt: now.toISOString(),
    about:
      'Your Accommodation Assistant data. Health details are replaced by placeholders and private notes are left out, because this file is stored in Slack.',
    ...(profile?.noticeAcceptedAt ? { noticeAcceptedAt: profile.noticeAcceptedAt } : {}),
    ...(draft
      ? {
          draft: {
            startedAt: draft.startedAt,
            step: draft.step,
            schedule: draft.schedule,
            work: draft.work,
            accommodations: draft.accommodations,
            disclosure: draft.disclosure,
            yourWords: redactFields(draft.sensitive),
          },
        }
      : {}),
    requests,
  };
}

export interface DeletionOutcome {
  readonly draftDeleted: boolean;
  readonly withdrawn: string[];
  readonly closed: string[];
}

/**
 * Deletes what can go at once (the draft and chat memory are shredded now) and winds down the rest:
 * open requests are withdrawn and closed, then purged when the retention period ends, because HR
 * may be obliged to keep a record of a request that was made.
 */
export async function deleteMyData(
  store: Store,
  teamId: string,
  employee: Actor,
  now: Date,
): Promise<DeletionOutcome> {
  const conversation = await store.conversations.get(teamId, employee.id);
  await store.conversations.delete(teamId, employee.id);
  await store.profiles.delete(teamId, employee.id);
  const withdrawn: string[] = [];
  const closed: string[] = [];
  for (const summary of await store.requests.listByEmployee(teamId, employee.id)) {
    if (openStatuses.includes(summary.status)) {
      await applyEvent(store, teamId, summary.id, 'withdraw', employee, now);
      withdrawn.push(summary.id);
    }
    const current = await store.requests.get(teamId, summary.id);
    if (current && ['approved', 'denied', 'withdrawn', 'ended'].includes(current.status)) {
      await applyEvent(store, teamId, summary.id, 'close', { role: 'system', id: 'system' }, now);
      closed.push(summary.id);
    }
  }
  return { draftDeleted: conversation?.draft !== undefined, withdrawn, closed };
}

/** Purges closed requests whose retention period has ended. Run periodically; safe to repeat. */
export async function purgeExpired(
  store: Store,
  teamId: string,
  now: Date,
  retentionDays: number,
): Promise<string[]> {
  const cutoff = now.getTime() - retentionDays * 86_400_000;
  const purged: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.requests.listByStatus(teamId, 'closed', {
      limit: 100,
      ...(cursor ? { cursor } : {}),
    });
    for (const summary of page.items) {
      if (Date.parse(summary.statusChangedAt) > cutoff) continue;
      // Purge removes the record, its data key and its audit stream together: nothing is left to read.
      await store.requests.purge(teamId, summary.id);
      purged.push(summary.id);
    }
    cursor = page.nextCursor;
  } while (cursor);
  return purged;
}
