import type { AppServices } from '../../../../services.js';
import { personOfView } from '../../../person.js';
import { publishHome } from '../../../publish-home.js';
import type { ViewClosedArgs } from '../../args.js';

/** Closing the review (or the moment while the letter is prepared) loses nothing: every step is saved. */
export const closeReview =
  (services: AppServices) =>
  async ({ ack, body, client }: ViewClosedArgs): Promise<void> => {
    await ack();
    await publishHome(services, client, personOfView(body));
  };
