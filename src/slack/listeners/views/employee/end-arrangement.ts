import type { AppServices } from '../../../../services.js';
import { runCommand } from '../../../../workflows/run-command.js';
import { personOfView } from '../../../person.js';
import { modal, section } from '../../../views/blocks.js';
import type { ViewSubmitArgs } from '../../args.js';

/** "End it" on the confirmation: `end` through decide; HR, the manager and the EAP coordinator follow as effects. */
export const endArrangement =
  (services: AppServices) =>
  async ({ ack, body, view }: ViewSubmitArgs): Promise<void> => {
    const person = personOfView(body);
    const outcome = await runCommand(
      services,
      person.teamId,
      view.private_metadata,
      { type: 'end', payload: {} },
      { role: 'employee', id: person.userId },
    );
    if (outcome.ok) {
      await ack();
      return;
    }
    await ack({
      response_action: 'update',
      view: modal({
        callbackId: 'end_refused',
        title: 'End the arrangement',
        close: 'Close',
        blocks: [section(outcome.message)],
      }),
    });
  };
