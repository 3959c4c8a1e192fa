import type { CommandType } from '../../../../domain/statuses.js';
import type { AppServices } from '../../../../services.js';
import { runCommand } from '../../../../workflows/run-command.js';
import { tellInDm } from '../../../direct-messages.js';
import { personOfAction } from '../../../person.js';
import type { ButtonArgs } from '../../args.js';

/**
 * A button that is one of the employee's commands on the request its value names, with nothing to
 * fill in: acked first, then decided; what follows (HR told, the card, the DM) comes as effects. A
 * refusal (a stale button, too early) is said in their DM.
 */
export const employeeCommandButton =
  (services: AppServices, type: CommandType) =>
  async ({ ack, body, action, client }: ButtonArgs): Promise<void> => {
    await ack();
    const person = personOfAction(body);
    const outcome = await runCommand(
      services,
      person.teamId,
      action.value ?? '',
      { type, payload: {} },
      { role: 'employee', id: person.userId },
    );
    if (!outcome.ok) await tellInDm(client, person.userId, outcome.message);
  };
