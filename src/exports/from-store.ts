import { eapDashboard } from '../domain/eap-dashboard.js';
import { projectForHr } from '../domain/projections.js';
import { requestStatuses } from '../domain/statuses.js';
import type { RequestStore } from '../store/types.js';
import { loadEapRows } from '../workflows/eap-rows.js';
import { lifecyclePolicy } from '../workflows/lifecycle-policy.js';
import { withStatus } from '../workflows/with-status.js';
import { eapFiguresCsv, eapPeopleCsv } from './eap-export.js';
import { hrLogCsv } from './hr-log.js';

/** An export as CSV text, read from the store: what the command line and Slack both send. */
export async function exportCsv(
  store: { readonly requests: Pick<RequestStore, 'listByStatus' | 'get'> },
  config: Parameters<typeof lifecyclePolicy>[0] & { eap: { minGroup: number } },
  options: { readonly role: 'eap' | 'hr'; readonly team: string; readonly figures: boolean },
  now: Date,
): Promise<string> {
  const policy = lifecyclePolicy(config);
  if (options.role === 'eap') {
    const dashboard = eapDashboard(await loadEapRows({ store }, options.team), {
      now,
      minGroup: config.eap.minGroup,
      calendar: policy.calendar,
    });
    return options.figures ? eapFiguresCsv(dashboard) : eapPeopleCsv(dashboard);
  }
  const views = [];
  for (const status of requestStatuses.filter((s) => s !== 'draft' && s !== 'purged')) {
    for await (const summary of withStatus(store.requests, options.team, status, { pageSize: 200 })) {
      const request = await store.requests.get(options.team, summary.id);
      if (request && request.status === status) views.push(projectForHr(request));
    }
  }
  views.sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''));
  return hrLogCsv(views, now, policy);
}
