import { withdrawConfirmView } from '../../../views/my-data.js';
import type { ButtonArgs } from '../../args.js';

/** "Withdraw" on one of the employee's requests: asks first. */
export const confirmWithdraw = async ({ ack, body, action, client }: ButtonArgs): Promise<void> => {
  await ack();
  await client.views.open({ trigger_id: body.trigger_id, view: withdrawConfirmView(action.value ?? '') });
};
