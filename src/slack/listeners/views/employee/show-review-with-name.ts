import type { webApi } from '@slack/bolt';
import type { Draft } from '../../../../domain/draft.js';
import type { AppServices } from '../../../../services.js';
import { intakeScreen } from '../../../intake-screen.js';
import type { Person } from '../../../person.js';

/**
 * After the ack, when no profile was remembered (the app restarted mid-intake): fetch the name from
 * Slack and show the review's letter again with it, in place.
 */
export async function showReviewWithName(
  services: AppServices,
  client: webApi.WebClient,
  viewId: string,
  draft: Draft,
  person: Person,
  notes?: readonly string[],
): Promise<void> {
  const profile = await services.profiles.load(client, person);
  await client.views.update({
    view_id: viewId,
    view: intakeScreen(services, draft, profile, { step: 'review', ...(notes ? { notes } : {}) }),
  });
}
