import type { Store } from '../store/types.js';

/** How long a delivery is remembered: Slack retries within minutes, a day is plenty. */
const REMEMBER_SECONDS = 86_400;

/**
 * True the first time an event id is seen. Slack retries (`x-slack-retry-num`) and a second replica
 * receiving the same event then do nothing, because the claim is atomic in the store.
 */
export async function firstDelivery(
  store: Store,
  teamId: string,
  eventId: string | undefined,
): Promise<boolean> {
  if (!eventId) return true;
  return (await store.claimOnce(teamId, `event:${eventId}`, 'seen', REMEMBER_SECONDS)) === null;
}
