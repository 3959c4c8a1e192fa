import { type ManagerView, projectForManager } from '../domain/projections.js';
import type { Store } from '../store/types.js';

/**
 * What a manager was told, from their own projection of each request: in place first, then the
 * ones that stopped, latest start first. Only requests whose manager on record is this person.
 */
export async function toldAsManager(store: Store, teamId: string, managerId: string): Promise<ManagerView[]> {
  const summaries = await store.requests.listByManager(teamId, managerId);
  const records = await Promise.all(summaries.map((summary) => store.requests.get(teamId, summary.id)));
  const views = records.flatMap((request) =>
    request && request.managerId === managerId && request.status !== 'purged'
      ? [projectForManager(request)].filter((view): view is ManagerView => view !== null)
      : [],
  );
  return views.sort(
    (a, b) =>
      Number(b.state === 'in_place') - Number(a.state === 'in_place') ||
      b.startDate.localeCompare(a.startDate),
  );
}
