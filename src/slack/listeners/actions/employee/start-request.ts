import type { AppServices } from '../../../../services.js';
import { openStartOrExplain } from '../../../open-start.js';
import { personOfAction } from '../../../person.js';
import type { ButtonArgs } from '../../args.js';

/** "Start a request" or "Continue my draft", from Home or the assistant's DM. */
export const startRequest =
  (services: AppServices) =>
  async ({ ack, body, client }: ButtonArgs): Promise<void> => {
    await ack();
    await openStartOrExplain(services, client, body.trigger_id, personOfAction(body));
  };
