import type { webApi } from '@slack/bolt';
import { sendingTo } from '../../../../privacy/audience.js';
import type { AppServices } from '../../../../services.js';
import { postSentence } from '../../../direct-messages.js';
import { hrDestinations } from '../../../hr-recipients.js';

/** HR hears that a request was withdrawn, and nothing else about it. */
export async function tellHrWithdrawn(
  services: AppServices,
  client: webApi.WebClient,
  references: readonly string[],
): Promise<void> {
  if (references.length === 0) return;
  for (const destination of await hrDestinations(services, client)) {
    for (const reference of references) {
      await sendingTo('hr', () =>
        postSentence(
          client,
          destination,
          `Request ${reference} was withdrawn by the employee. No action is needed.`,
        ),
      );
    }
  }
}
