import type { AppServices } from '../../../../services.js';
import { personOfAction } from '../../../person.js';
import { endArrangementView } from '../../../views/extension-request.js';
import type { ButtonArgs } from '../../args.js';
import { ownRequest } from './own-request.js';

/** "End" on the employee's arrangement: asks first, and only for the clicker's own request. */
export const confirmEnd =
  (services: AppServices) =>
  async ({ ack, body, action, client }: ButtonArgs): Promise<void> => {
    await ack();
    const person = personOfAction(body);
    const request = await ownRequest(services, person, action.value);
    if (!request) return;
    await client.views.open({ trigger_id: body.trigger_id, view: endArrangementView(request.id) });
  };
