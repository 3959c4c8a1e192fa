import type { webApi } from '@slack/bolt';
import { eapDashboard } from '../domain/eap-dashboard.js';
import { sendingTo } from '../privacy/audience.js';
import type { AppServices } from '../services.js';
import { loadEapRows } from '../workflows/eap-rows.js';
import { lifecyclePolicy } from '../workflows/lifecycle-policy.js';
import type { Person } from './person.js';
import { eapHomeView } from './views/eap/home.js';

/**
 * The EAP coordinator's Home tab: the workspace's figures from EAP projections, small groups
 * hidden, and rows for those who agreed. Its audience is EAP's, so the outbound guard judges it
 * as EAP's, whichever listener asked for it.
 */
export async function publishEapHome(
  services: AppServices,
  client: webApi.WebClient,
  person: Person,
): Promise<void> {
  const rows = await loadEapRows(services, person.teamId);
  const dashboard = eapDashboard(rows, {
    now: services.now(),
    minGroup: services.config.eap.minGroup,
    calendar: lifecyclePolicy(services.config).calendar,
  });
  await sendingTo('eap', () =>
    client.views.publish({ user_id: person.userId, view: eapHomeView(dashboard) }),
  );
}
