import type { AppServices } from '../../../../services.js';
import { personOfAction } from '../../../person.js';
import { endArrangementView } from '../../../views/extension-request.js';
import type { ButtonArgs } from '../../args.js';

/** "End" on the employee's arrangement: asks first, and only for the clicker's own request. */
export const confirmEnd =
  (services: AppServices) =>
  async ({ ack, body, action, client }: ButtonArgs): Promise<void> => {
    await ack();
    const person = personOfAction(body);
    const request = await services.store.requests.get(person.teamId, action.value ?? '');
    if (!request || request.employeeId !== person.userId) return;
    await client.views.open({ trigger_id: body.trigger_id, view: endArrangementView(request.id) });
  };
