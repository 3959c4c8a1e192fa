import type { AppServices } from '../../../../services.js';
import { runCommand } from '../../../../workflows/run-command.js';
import { tellInDm } from '../../../direct-messages.js';
import { personOfAction } from '../../../person.js';
import type { ButtonArgs } from '../../args.js';

/** "I’ve asked my provider": HR now waits on the provider, and nobody reminds the employee. */
export const providerPending =
  (services: AppServices) =>
  async ({ ack, body, action, client }: ButtonArgs): Promise<void> => {
    await ack();
    const person = personOfAction(body);
    const outcome = await runCommand(
      services,
      person.teamId,
      action.value ?? '',
      { type: 'provider_pending', payload: {} },
      { role: 'employee', id: person.userId },
    );
    if (!outcome.ok) await tellInDm(client, person.userId, outcome.message);
  };
