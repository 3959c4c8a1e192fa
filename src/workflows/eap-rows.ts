import type { EapDashboardRow } from '../domain/eap-dashboard.js';
import { projectForEap } from '../domain/projections.js';
import { type RequestStatus, requestStatuses } from '../domain/statuses.js';
import type { RequestStore } from '../store/types.js';
import { withStatus } from './with-status.js';

/** Drafts were never sent and purged requests are gone: neither is EAP's to count. */
const countedStatuses = requestStatuses.filter((status) => status !== 'draft' && status !== 'purged');

/** Enough for any organisation's requests; beyond it the figures would be a sample. */
const MAX_PER_STATUS = 5000;

/**
 * Every sent request of a workspace as EAP may see it: its EAP projection, and a token that is the
 * same for two requests of one person so the dashboard can count people. The token is a number
 * made up for this one reading: it names nobody and means nothing outside it.
 */
export async function loadEapRows(
  services: { readonly store: { readonly requests: Pick<RequestStore, 'listByStatus' | 'get'> } },
  teamId: string,
  statuses: readonly RequestStatus[] = countedStatuses,
): Promise<EapDashboardRow[]> {
  const { store } = services;
  const tokens = new Map<string, string>();
  const tokenOf = (employeeId: string) => {
    let token = tokens.get(employeeId);
    if (!token) {
      token = `person-${tokens.size + 1}`;
      tokens.set(employeeId, token);
    }
    return token;
  };
  const rows: EapDashboardRow[] = [];
  for (const status of statuses) {
    for await (const summary of withStatus(store.requests, teamId, status, {
      pageSize: 200,
      max: MAX_PER_STATUS,
    })) {
      const request = await store.requests.get(teamId, summary.id);
      // A request that moved on since the listing is counted where it is now, once.
      if (request && request.status === status)
        rows.push({ person: tokenOf(request.employeeId), view: projectForEap(request) });
    }
  }
  return rows;
}
