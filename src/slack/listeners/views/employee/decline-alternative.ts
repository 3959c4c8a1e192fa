import type { AppServices } from '../../../../services.js';
import { runCommand } from '../../../../workflows/run-command.js';
import { personOfView } from '../../../person.js';
import { FormState } from '../../../state.js';
import { modal, section } from '../../../views/blocks.js';
import { declineIds } from '../../../views/decline-alternative.js';
import type { ViewSubmitArgs } from '../../args.js';

/** The decline form: the comment is kept private (sealed) until the employee releases it. */
export const submitDecline =
  (services: AppServices) =>
  async ({ ack, body, view }: ViewSubmitArgs): Promise<void> => {
    const person = personOfView(body);
    const comment = new FormState(view.state.values).text(declineIds.comment)?.trim();
    const outcome = await runCommand(
      services,
      person.teamId,
      view.private_metadata,
      { type: 'decline_alternative', payload: comment ? { comment } : {} },
      { role: 'employee', id: person.userId },
    );
    if (outcome.ok) {
      await ack();
      return;
    }
    if (outcome.fieldErrors?.comment) {
      await ack({ response_action: 'errors', errors: { [declineIds.comment]: outcome.fieldErrors.comment } });
      return;
    }
    await ack({
      response_action: 'update',
      view: modal({
        callbackId: 'decline_refused',
        title: 'Decline the suggestion',
        close: 'Close',
        blocks: [section(outcome.message)],
      }),
    });
  };
