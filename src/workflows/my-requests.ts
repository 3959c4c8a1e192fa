import type { AccommodationRequest } from '../domain/request.js';
import type { Store } from '../store/types.js';

/** What lists of an employee's requests show: routing facts and dates, never what was written. */
export interface MyRequestItem {
  readonly reference: string;
  readonly status: AccommodationRequest['status'];
  readonly submittedAt?: string;
  readonly startDate: string;
  readonly endDate: string;
}

/** The employee's requests, newest first, for the Home tab and `/accommodation status`. */
export async function listMyRequests(store: Store, teamId: string, userId: string): Promise<MyRequestItem[]> {
  const items: MyRequestItem[] = [];
  for (const summary of await store.requests.listByEmployee(teamId, userId)) {
    const request = await store.requests.get(teamId, summary.id);
    if (!request || request.status === 'purged') continue;
    items.push({
      reference: request.id,
      status: request.status,
      ...(request.submittedAt ? { submittedAt: request.submittedAt } : {}),
      startDate: request.schedule.startDate,
      endDate: request.schedule.endDate,
    });
  }
  return items.sort((a, b) => (b.submittedAt ?? '').localeCompare(a.submittedAt ?? ''));
}
