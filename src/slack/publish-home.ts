import type { webApi } from '@slack/bolt';
import type { AccommodationRequest } from '../domain/request.js';
import { openStatuses } from '../domain/status.js';
import type { AppServices } from '../services.js';
import { listMyRequests } from '../workflows/my-requests.js';
import type { Person } from './person.js';
import { type HomeRequestAction, homeView } from './views/home.js';

/** What the employee may do with a request of each status, from the Home tab. */
function homeActions(status: AccommodationRequest['status']): HomeRequestAction[] {
  const actions: HomeRequestAction[] = ['view'];
  if (openStatuses.includes(status)) actions.push('withdraw');
  if (['submitted', 'acknowledged', 'documentation_requested'].includes(status)) actions.push('ask_update');
  return actions;
}

export async function publishHome(
  services: AppServices,
  client: webApi.WebClient,
  person: Person,
): Promise<void> {
  const [conversation, mine] = await Promise.all([
    services.store.conversations.get(person.teamId, person.userId),
    listMyRequests(services.store, person.teamId, person.userId),
  ]);
  const requests = mine.map((item) => ({ ...item, actions: homeActions(item.status) }));
  const draft = conversation?.draft;
  await client.views.publish({
    user_id: person.userId,
    view: homeView({
      companyName: services.config.org.companyName,
      ...(draft ? { draft: { step: draft.step, updatedAt: draft.updatedAt } } : {}),
      requests,
    }),
  });
}
