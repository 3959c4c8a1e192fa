import type { AppServices } from '../../../../services.js';
import { applyEvent, TransitionRefusedError } from '../../../../workflows/transitions.js';
import { tellInDm } from '../../../direct-messages.js';
import { personOfView } from '../../../person.js';
import { publishHome } from '../../../publish-home.js';
import { modal, section } from '../../../views/blocks.js';
import type { ViewSubmitArgs } from '../../args.js';
import { tellHrWithdrawn } from './tell-hr-withdrawn.js';

/** "Withdraw" on the confirmation: the request is withdrawn and HR told only that. */
export const withdrawRequest =
  (services: AppServices) =>
  async ({ ack, body, view, client }: ViewSubmitArgs): Promise<void> => {
    const person = personOfView(body);
    const reference = view.private_metadata;
    try {
      await applyEvent(
        services.store,
        person.teamId,
        reference,
        'withdraw',
        { role: 'employee', id: person.userId },
        services.now(),
      );
    } catch (error) {
      if (!(error instanceof TransitionRefusedError)) throw error;
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
    await ack();
    await tellHrWithdrawn(services, client, [reference]);
    await tellInDm(
      client,
      person.userId,
      `Your request ${reference} is withdrawn. HR has been told, and nothing else.`,
    );
    await publishHome(services, client, person);
  };
