import type { RequestStatus } from '../domain/statuses.js';
import type { RequestStore, RequestSummary } from '../store/types.js';

/**
 * Every request of a workspace in one status, oldest status change first, a page at a time: the
 * one place that walks the store's status index. Each page is fetched only once the previous one
 * has been handled, from where it ended, so a loop that moves requests out of the status (closing,
 * purging) neither skips nor repeats one. `max` stops after that many (a sample is better than an
 * unbounded read).
 */
export async function* withStatus(
  requests: Pick<RequestStore, 'listByStatus'>,
  teamId: string,
  status: RequestStatus,
  options: { readonly pageSize?: number; readonly max?: number } = {},
): AsyncGenerator<RequestSummary> {
  const { pageSize = 100, max = Number.POSITIVE_INFINITY } = options;
  let cursor: string | undefined;
  let read = 0;
  do {
    const page = await requests.listByStatus(teamId, status, {
      limit: pageSize,
      ...(cursor ? { cursor } : {}),
    });
    for (const summary of page.items) {
      if (read >= max) return;
      read += 1;
      yield summary;
    }
    cursor = page.nextCursor;
  } while (cursor);
}
