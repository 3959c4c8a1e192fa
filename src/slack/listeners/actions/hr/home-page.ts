import type { AppServices } from '../../../../services.js';
import { actorIn } from '../../../middleware/acting-person.js';
import { personOfAction } from '../../../person.js';
import { publishHome } from '../../../publish-home.js';
import { publishHrHome } from '../../../publish-hr-home.js';
import type { ButtonArgs } from '../../args.js';

/** "Next page" / "Previous page" on HR's Home tab: the same queue, another page of it. */
export const homePage =
  (services: AppServices) =>
  async ({ ack, body, action, client, context }: ButtonArgs): Promise<void> => {
    await ack();
    const person = personOfAction(body);
    // Someone no longer in HR sees their own Home instead of the queue.
    if (actorIn(context, person.userId).role !== 'hr') {
      await publishHome(services, client, person);
      return;
    }
    const page = Number.parseInt(action.value ?? '0', 10);
    await publishHrHome(services, client, person, Number.isFinite(page) ? page : 0);
  };
