import type { webApi } from '@slack/bolt';
import { availableActions } from '../domain/lifecycle/actions.js';
import { isHrOverdue } from '../domain/lifecycle/clock.js';
import { projectForHr } from '../domain/projections.js';
import type { AccommodationRequest } from '../domain/request.js';
import { openStatuses } from '../domain/statuses.js';
import { defaultLocale } from '../letters/index.js';
import type { AppServices } from '../services.js';
import { lifecyclePolicy } from '../workflows/lifecycle-policy.js';
import { toldAsManager } from '../workflows/manager-told.js';
import type { Person } from './person.js';
import { type HrQueueRow, hrHomeView } from './views/hr/home.js';
import { managerHomeBlocks } from './views/manager/home.js';

/** Enough for any HR team's open requests; the Home tab pages them. */
const MAX_PER_STATUS = 1000;

/**
 * HR's Home tab: every open request of the workspace, from HR's projection, with the buttons
 * `availableActions` gives this HR member now. Overdue first, then by due date. An HR member who
 * manages someone also finds what they were told as that person's manager, as any manager does.
 */
export async function publishHrHome(
  services: AppServices,
  client: webApi.WebClient,
  person: Person,
  page = 0,
): Promise<void> {
  const { store } = services;
  const now = services.now();
  const policy = lifecyclePolicy(services.config);
  const actor = { role: 'hr', id: person.userId } as const;
  const requests: AccommodationRequest[] = [];
  for (const status of openStatuses) {
    let cursor: string | undefined;
    do {
      const found = await store.requests.listByStatus(person.teamId, status, {
        limit: 200,
        ...(cursor ? { cursor } : {}),
      });
      for (const summary of found.items) {
        const request = await store.requests.get(person.teamId, summary.id);
        if (request) requests.push(request);
      }
      cursor = requests.length < MAX_PER_STATUS * openStatuses.length ? found.nextCursor : undefined;
    } while (cursor);
  }
  const rows: HrQueueRow[] = requests
    .map((request) => ({
      view: projectForHr(request),
      actions: availableActions(request, actor, now, policy),
      overdue: isHrOverdue(request, now, policy),
    }))
    .sort((a, b) => {
      if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
      const due = (row: HrQueueRow) =>
        row.view.dueAt ? Date.parse(row.view.dueAt) : Number.POSITIVE_INFINITY;
      return due(a) - due(b) || a.view.reference.localeCompare(b.view.reference);
    });
  // As someone's manager: only what they were told, from the manager projection.
  const told = await toldAsManager(store, person.teamId, person.userId);
  const managerBlocks = managerHomeBlocks(told, defaultLocale[services.config.defaultJurisdiction]);
  await client.views.publish({
    user_id: person.userId,
    view: hrHomeView({ viewerId: person.userId, rows, page, now, managerBlocks }),
  });
}
