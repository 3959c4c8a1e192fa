import type { AppServices } from '../../../../services.js';
import { personOfAction } from '../../../person.js';
import { withdrawConfirmView } from '../../../views/my-data.js';
import type { ButtonArgs } from '../../args.js';
import { ownRequest } from './own-request.js';

/**
 * "Withdraw" on one of the employee's requests: asks first. The button's value is only a claim:
 * the confirmation (which names the reference) is shown only if the request is the clicker's own.
 */
export const confirmWithdraw =
  (services: AppServices) =>
  async ({ ack, body, action, client }: ButtonArgs): Promise<void> => {
    await ack();
    const person = personOfAction(body);
    const request = await ownRequest(services, person, action.value);
    if (!request) return;
    await client.views.open({ trigger_id: body.trigger_id, view: withdrawConfirmView(request.id) });
  };
