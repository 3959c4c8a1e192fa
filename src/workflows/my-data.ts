import { defaultPolicy } from '../domain/lifecycle/policy.js';
import { releasedText } from '../domain/projections.js';
import type { AccommodationRequest, AuditEntry } from '../domain/request.js';
import { type Actor, systemActor } from '../domain/roles.js';
import { openStatuses, statusLabels } from '../domain/status.js';
import { detectAcrossFields } from '../privacy/clinical/index.js';
import type { AppServices } from '../services.js';
import type { Store } from '../store/types.js';
import { runCommand } from './run-command.js';
import { withStatus } from './with-status.js';

/**
 * An employee's own data: what they can take away, and how it goes. The export is a file that
 * lands in Slack, so it holds only what HR could see (routing, the work facts, the disclosure
 * choice, the words the employee released) and their own structured answers. Words never released
 * (the private note, a draft's wording) stay out of it: the person reads those in the What I wrote
 * modal, never as a file. What may go in is decided over all their released words at once.
 */

export interface MyDataExport {
  readonly exportedAt: string;
  readonly about: string;
  readonly noticeAcceptedAt?: string;
  readonly draft?: unknown;
  /** One entry per request, named by its reference (the rest is the request as HR could see it). */
  readonly requests: { readonly reference: string }[];
}

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
  const found: { request: AccommodationRequest; audit: AuditEntry[] }[] = [];
  for (const summary of summaries) {
    const request = await store.requests.get(teamId, summary.id);
    if (!request) continue;
    found.push({ request, audit: await store.audit.list(teamId, request.id) });
  }
  const released = releasedAcrossRequests(found.map(({ request }) => request));
  const requests = found.map(({ request, audit }, k) => ({
    reference: request.id,
    status: statusLabels[request.status],
    submittedAt: request.submittedAt,
    statusChangedAt: request.statusChangedAt,
    reviewDate: request.reviewDate,
    schedule: request.schedule,
    work: request.work,
    accommodations: request.accommodations,
    disclosure: request.disclosure,
    wordsHrRead: released[k] ?? {},
    history: audit.map(({ at, actorRole, action }) => ({ at, by: actorRole, action })),
  }));
  const draft = conversation?.draft;
  return {
    exportedAt: now.toISOString(),
    about:
      'Your Accommodation Assistant data: what HR could see, and your answers. Words you never sent to HR, such as your private note, are not in this file, because files stay in Slack: open What I wrote to read everything you wrote.',
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
          },
        }
      : {}),
    requests,
  };
}

/**
 * The released words of every request, read together: each was checked when it was released, and
 * the file is checked again as one, so a detail only two requests' words make together, or one
 * the detector learned since, keeps that field out of the file rather than going into Slack.
 */
function releasedAcrossRequests(requests: readonly AccommodationRequest[]): Record<string, string>[] {
  const byRequest = requests.map((request) => Object.entries(releasedText(request)));
  const flat = byRequest.flat();
  const spans = detectAcrossFields(
    flat.map(([, text]) => text),
    { addresses: true },
  );
  let k = 0;
  return byRequest.map((entries) => {
    const kept: Record<string, string> = {};
    for (const [field, text] of entries) {
      if ((spans[k++]?.length ?? 0) === 0) kept[field] = text;
    }
    return kept;
  });
}

export interface DeletionOutcome {
  readonly draftDeleted: boolean;
  /** Requests that were still open: HR is told they ended, and nothing else. */
  readonly withdrawn: string[];
  /** Every request now closed and stripped of what HR never received. */
  readonly closed: string[];
}

/**
 * Deletes what can go at once (the draft and chat memory are shredded now) and winds down the rest
 * through `decide` ("erase"): each request is closed, what the employee never gave HR is dropped,
 * and the app's Slack posts about it are deleted by the worker. What HR received is kept until the
 * retention period ends, because HR may be obliged to keep a record of a request that was made.
 */
export async function deleteMyData(
  services: Pick<AppServices, 'store' | 'effects' | 'logger' | 'now' | 'config'>,
  teamId: string,
  employee: Actor,
): Promise<DeletionOutcome> {
  const { store } = services;
  const conversation = await store.conversations.get(teamId, employee.id);
  await store.conversations.delete(teamId, employee.id);
  await store.profiles.delete(teamId, employee.id);
  const withdrawn: string[] = [];
  const closed: string[] = [];
  for (const summary of await store.requests.listByEmployee(teamId, employee.id)) {
    const outcome = await runCommand(services, teamId, summary.id, { type: 'erase', payload: {} }, employee);
    if (!outcome.ok) continue; // already closed, or purged: nothing more to do
    if (openStatuses.includes(summary.status)) withdrawn.push(summary.id);
    closed.push(summary.id);
  }
  return { draftDeleted: conversation?.draft !== undefined, withdrawn, closed };
}

/**
 * Purges closed requests whose retention period has ended: `decide` records the purge (the app's
 * messages and files about the request are deleted from Slack, HR's card included), then the data
 * key is shredded and the record removed. Run periodically (the retention job scheduler, one run
 * at a time); safe to repeat. A purge decided but never carried out (the process stopped in
 * between) is finished first.
 */
export async function purgeExpired(
  services: Pick<AppServices, 'store' | 'effects' | 'logger' | 'now' | 'config'>,
  teamId: string,
  retentionDays: number,
  now: Date = services.now(),
): Promise<string[]> {
  const { store } = services;
  const cutoff = now.getTime() - retentionDays * 86_400_000;
  const purged: string[] = [];
  // A decided purge leaves the record in the `purged` index until the store's purge removes it
  // (and every index entry with it), so whatever is listed there was left half done.
  const halfDone: string[] = [];
  for await (const summary of withStatus(store.requests, teamId, 'purged')) halfDone.push(summary.id);
  for (const id of halfDone) {
    await store.requests.purge(teamId, id);
    purged.push(id);
  }
  for await (const summary of withStatus(store.requests, teamId, 'closed')) {
    if (Date.parse(summary.statusChangedAt) > cutoff) continue;
    const outcome = await runCommand(
      services,
      teamId,
      summary.id,
      { type: 'purge', payload: {} },
      systemActor,
      { now, policy: { ...defaultPolicy, retentionDays } },
    );
    if (!outcome.ok) continue;
    // The key first (inside purge): from here on the sealed fields are gone, wherever copies live.
    await store.requests.purge(teamId, summary.id);
    purged.push(summary.id);
  }
  return purged;
}
