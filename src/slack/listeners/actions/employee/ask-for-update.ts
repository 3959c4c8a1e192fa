import type { AppServices } from '../../../../services.js';
import { runCommand } from '../../../../workflows/run-command.js';
import { tellInDm } from '../../../direct-messages.js';
import { personOfAction } from '../../../person.js';
import type { ButtonArgs } from '../../args.js';

/**
 * "Ask HR for an update": `decide` allows it once HR's answer is overdue, once per period; the
 * status inquiry in the card's thread and the employee's DM follow as effects. A refusal says when
 * they can ask.
 */
export const askForUpdate =
  (services: AppServices) =>
  async ({ ack, body, action, client }: ButtonArgs): Promise<void> => {
    await ack();
    const person = personOfAction(body);
    const outcome = await runCommand(
      services,
      person.teamId,
      action.value ?? '',
      { type: 'request_update', payload: {} },
      { role: 'employee', id: person.userId },
    );
    if (!outcome.ok) await tellInDm(client, person.userId, outcome.message);
  };
