import type { AppServices } from '../../../../services.js';
import { runCommand } from '../../../../workflows/run-command.js';
import { personOfView } from '../../../person.js';
import { modal, section } from '../../../views/blocks.js';
import type { ViewSubmitArgs } from '../../args.js';

/** "Withdraw" on the confirmation: the request is withdrawn through `decide`; HR is told only that. */
export const withdrawRequest =
  (services: AppServices) =>
  async ({ ack, body, view }: ViewSubmitArgs): Promise<void> => {
    const person = personOfView(body);
    const reference = view.private_metadata;
    const outcome = await runCommand(
      services,
      person.teamId,
      reference,
      { type: 'withdraw', payload: {} },
      { role: 'employee', id: person.userId },
    );
    if (!outcome.ok) {
      await ack({
        response_action: 'update',
        view: modal({
          callbackId: 'withdraw_refused',
          title: 'Withdraw request',
          close: 'Close',
          blocks: [
            section('This request can’t be withdrawn any more: it may already be closed or withdrawn.'),
          ],
        }),
      });
      return;
    }
    // HR's card, its thread, the employee's DM and the Home tab follow as effects.
    await ack();
  };
