import { deleteDataConfirmView } from '../../../views/my-data.js';
import type { ButtonArgs } from '../../args.js';

/** "Delete my data" on Home: asks first, in a modal that says what goes and what stays. */
export const confirmDeleteData = async ({ ack, body, client }: ButtonArgs): Promise<void> => {
  await ack();
  await client.views.open({ trigger_id: body.trigger_id, view: deleteDataConfirmView() });
};
