import type { webApi } from '@slack/bolt';
import { eapDashboard } from '../domain/eap-dashboard.js';
import { defaultLocale } from '../letters/index.js';
import { sendingTo } from '../privacy/audience.js';
import type { AppServices } from '../services.js';
import { loadEapRows } from '../workflows/eap-rows.js';
import { lifecyclePolicy } from '../workflows/lifecycle-policy.js';
import { toldAsManager } from '../workflows/manager-told.js';
import type { Person } from './person.js';
import { eapHomeView } from './views/eap/home.js';
import { managerHomeBlocks } from './views/manager/home.js';

/**
 * The EAP coordinator's Home tab: the workspace's figures from EAP projections, small groups
 * hidden, and rows for those who agreed. Its audience is EAP's, so the outbound guard judges it
 * as EAP's, whichever listener asked for it.
 *
 * A coordinator who manages someone also finds what they were told as that person's manager, built
 * from the manager projection alone. One Home tab is one call with one audience; the guard judges a
 * Home tab (never a modal) the strictest way for every audience, EAP's and the manager's alike: no
 * one's registered words and nothing clinical. So the manager section passes under EAP's audience
 * exactly when it would pass as the manager's own, and the guard needs no exception for it.
 */
export async function publishEapHome(
  services: AppServices,
  client: webApi.WebClient,
  person: Person,
): Promise<void> {
  const [rows, told] = await Promise.all([
    loadEapRows(services, person.teamId),
    toldAsManager(services.store, person.teamId, person.userId),
  ]);
  const managerBlocks = managerHomeBlocks(told, defaultLocale[services.config.defaultJurisdiction]);
  const dashboard = eapDashboard(rows, {
    now: services.now(),
    minGroup: services.config.eap.minGroup,
    calendar: lifecyclePolicy(services.config).calendar,
  });
  await sendingTo('eap', () =>
    client.views.publish({ user_id: person.userId, view: eapHomeView(dashboard, managerBlocks) }),
  );
}
