import type { AppServices } from '../../../../services.js';
import { runCommand } from '../../../../workflows/run-command.js';
import { personOfView } from '../../../person.js';
import { FormState } from '../../../state.js';
import { modal, section } from '../../../views/blocks.js';
import { extensionRequestIds } from '../../../views/extension-request.js';
import type { ViewSubmitArgs } from '../../args.js';

/**
 * The extension form sent: `request_extension` through decide, whose effects send HR the letter,
 * move the arrangement to review and tell the EAP coordinator (status and dates) if the employee
 * agreed. A date problem is shown beside the date; anything else replaces the form with why.
 */
export const sendExtensionRequest =
  (services: AppServices) =>
  async ({ ack, body, view }: ViewSubmitArgs): Promise<void> => {
    const person = personOfView(body);
    const until = new FormState(view.state.values).date(extensionRequestIds.until);
    // A missing date goes to decide too: whose request it is and its status are judged first.
    const outcome = await runCommand(
      services,
      person.teamId,
      view.private_metadata,
      { type: 'request_extension', payload: until ? { until } : {} },
      { role: 'employee', id: person.userId },
    );
    if (outcome.ok) {
      await ack();
      return;
    }
    if (outcome.fieldErrors?.until !== undefined || outcome.code === 'invalid_payload') {
      const error = until
        ? (outcome.fieldErrors?.until ?? outcome.message)
        : 'Please choose the new last day.';
      await ack({ response_action: 'errors', errors: { [extensionRequestIds.until]: error } });
      return;
    }
    await ack({
      response_action: 'update',
      view: modal({
        callbackId: 'extension_refused',
        title: 'Ask for an extension',
        close: 'Close',
        blocks: [section(outcome.message)],
      }),
    });
  };
