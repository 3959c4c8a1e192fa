import type { webApi } from '@slack/bolt';
import { defaultLocale } from '../letters/index.js';
import type { AppServices } from '../services.js';
import { toldAsManager } from '../workflows/manager-told.js';
import { myRequests } from '../workflows/my-requests.js';
import type { Person } from './person.js';
import { publishEapHome } from './publish-eap-home.js';
import { publishHrHome } from './publish-hr-home.js';
import { homeView } from './views/home.js';
import { managerHomeBlocks } from './views/manager/home.js';

/**
 * The employee's Home tab: their draft and their requests, each from their own projection with the
 * buttons `availableActions` gives them now. Published after an ack, or by the worker when a
 * request changes. On their own requests everyone is the employee, whatever their role.
 */
export async function publishHome(
  services: AppServices,
  client: webApi.WebClient,
  person: Person,
): Promise<void> {
  // HR's Home is the queue (the cached directory, no Slack call); their own requests stay one
  // command away (`/accommodation status`).
  const directory = services.roles.current();
  if (directory.hrIds.has(person.userId)) return publishHrHome(services, client, person);
  // EAP's Home is the tracking dashboard; their own requests stay one command away, as HR's do.
  if (directory.eapIds.has(person.userId)) return publishEapHome(services, client, person);
  const [conversation, requests, told] = await Promise.all([
    services.store.conversations.get(person.teamId, person.userId),
    myRequests(services, person.teamId, { role: 'employee', id: person.userId }),
    // As someone's manager: only what they were told, from the manager projection.
    toldAsManager(services.store, person.teamId, person.userId),
  ]);
  const draft = conversation?.draft;
  await client.views.publish({
    user_id: person.userId,
    view: homeView({
      companyName: services.config.org.companyName,
      ...(draft ? { draft: { step: draft.step, updatedAt: draft.updatedAt } } : {}),
      requests,
      managerBlocks: managerHomeBlocks(told, defaultLocale[services.config.defaultJurisdiction]),
    }),
  });
}
