import { type Action, type ActionId, availableActions } from '../domain/lifecycle/actions.js';
import { isHrOverdue } from '../domain/lifecycle/clock.js';
import type { LifecyclePolicy } from '../domain/lifecycle/policy.js';
import { type EmployeeView, projectForEmployee } from '../domain/projections.js';
import type { AccommodationRequest } from '../domain/request.js';
import type { Actor } from '../domain/roles.js';
import type { AppServices } from '../services.js';
import type { Store } from '../store/types.js';
import { lifecyclePolicy } from './lifecycle-policy.js';

/**
 * One of the employee's requests as their own screens show it (Home, `/accommodation status`): their
 * projection, never the record, and what they may do with it now.
 */
export interface MyRequest {
  readonly request: EmployeeView;
  /** `availableActions` for this person now: a screen shows a button exactly when this lists it. */
  readonly actions: readonly Action[];
  /** HR's answer is late: the screen says so (and "Ask HR for an update" is then among the actions). */
  readonly hrOverdue: boolean;
}

/** The employee's requests, newest first, each with the actions `decide` would accept from them now. */
export async function myRequests(
  services: Pick<AppServices, 'store' | 'config' | 'now'>,
  teamId: string,
  actor: Actor,
): Promise<MyRequest[]> {
  const now = services.now();
  const policy = lifecyclePolicy(services.config);
  const records = await ownRequests(services.store, teamId, actor.id);
  return records.map((record) => myRequestOf(record, actor, now, policy));
}

/** The record's one way onto the employee's screens: projected, with the actions open now. */
export function myRequestOf(
  record: AccommodationRequest,
  actor: Actor,
  now: Date,
  policy: LifecyclePolicy,
): MyRequest {
  return {
    request: projectForEmployee(record),
    actions: availableActions(record, actor, now, policy),
    hrOverdue: isHrOverdue(record, now, policy),
  };
}

/** What lists of an employee's requests show: routing facts and dates, never what was written. */
export interface MyRequestItem {
  readonly reference: string;
  readonly status: AccommodationRequest['status'];
  readonly submittedAt?: string;
  readonly startDate: string;
  readonly endDate: string;
  /** The ids of `availableActions` for the employee now: an answer offers a button only from these. */
  readonly actionIds: readonly ActionId[];
}

/** The employee's requests, newest first, as the assistant's answers list them. */
export async function listMyRequests(
  store: Store,
  teamId: string,
  userId: string,
  now: Date,
  policy?: LifecyclePolicy,
): Promise<MyRequestItem[]> {
  const actor: Actor = { role: 'employee', id: userId };
  return (await ownRequests(store, teamId, userId)).map((request) => ({
    reference: request.id,
    status: request.status,
    ...(request.submittedAt ? { submittedAt: request.submittedAt } : {}),
    startDate: request.schedule.startDate,
    endDate: request.schedule.endDate,
    actionIds: availableActions(request, actor, now, policy).map((action) => action.id),
  }));
}

/** Their requests that still exist, newest first; a request is only ever read for its own employee. */
async function ownRequests(store: Store, teamId: string, userId: string): Promise<AccommodationRequest[]> {
  const summaries = await store.requests.listByEmployee(teamId, userId);
  // All at once, not one after another: the reads go out back to back and Home waits for one
  // round trip instead of one per request.
  const records = await Promise.all(summaries.map((summary) => store.requests.get(teamId, summary.id)));
  const requests = records.filter(
    (request): request is AccommodationRequest =>
      request !== null && request.status !== 'purged' && request.employeeId === userId,
  );
  return requests.sort((a, b) => (b.submittedAt ?? '').localeCompare(a.submittedAt ?? ''));
}
