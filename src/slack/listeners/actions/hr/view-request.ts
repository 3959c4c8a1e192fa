import { can } from '../../../../domain/access.js';
import { projectForHr } from '../../../../domain/projections.js';
import { statusLabels } from '../../../../domain/status.js';
import type { AppServices } from '../../../../services.js';
import { auditRefusedView, notPermittedMessage } from '../../../../workflows/hr-command.js';
import { recordLook } from '../../../../workflows/on-record.js';
import { tellPrivately } from '../../../hr-interaction.js';
import { hrLetterText } from '../../../hr-letter.js';
import { actorIn } from '../../../middleware/acting-person.js';
import { personOfAction } from '../../../person.js';
import { requestLetterView } from '../../../views/my-data.js';
import type { ButtonArgs } from '../../args.js';

/** "View request" on HR's card: the letter, for HR members only, noted in the audit trail first. */
export const viewRequest =
  (services: AppServices) =>
  async ({ ack, body, action, client, context }: ButtonArgs): Promise<void> => {
    await ack();
    const { store } = services;
    const person = personOfAction(body);
    // The role comes from the middleware's cached directory: no user group is listed per click.
    const actor = actorIn(context, person.userId);
    const request = await store.requests.get(person.teamId, action.value ?? '');
    if (!request) return;
    if (actor.role !== 'hr' || !can(actor, 'view_letter', request)) {
      await auditRefusedView(services, person.teamId, request, actor, 'view_request');
      await tellPrivately(client, body, notPermittedMessage);
      return;
    }
    // On the record before it is shown: the employee's trail never misses an opening.
    const recorded = await recordLook(services, person.teamId, request.id, actor, 'letter');
    if (!recorded.ok) return;
    const employee = await services.profiles.load(client, {
      teamId: person.teamId,
      userId: request.employeeId,
    });
    await client.views.open({
      trigger_id: body.trigger_id,
      view: requestLetterView({
        reference: request.id,
        statusLabel: statusLabels[request.status],
        letterText: hrLetterText(services, projectForHr(request), employee.name),
      }),
    });
  };
