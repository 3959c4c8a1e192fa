import type { AppServices } from '../../../../services.js';
import { runCommand } from '../../../../workflows/run-command.js';
import { tellInDm } from '../../../direct-messages.js';
import { personOfAction } from '../../../person.js';
import type { ButtonArgs } from '../../args.js';

/** "Accept" on HR's suggestion: HR is told and can approve it; a stale button is answered kindly. */
export const acceptAlternative =
  (services: AppServices) =>
  async ({ ack, body, action, client }: ButtonArgs): Promise<void> => {
    await ack();
    const person = personOfAction(body);
    const outcome = await runCommand(
      services,
      person.teamId,
      action.value ?? '',
      { type: 'accept_alternative', payload: {} },
      { role: 'employee', id: person.userId },
    );
    if (!outcome.ok) await tellInDm(client, person.userId, outcome.message);
  };
