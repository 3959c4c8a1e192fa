import { can } from '../../../../domain/access.js';
import type { AppServices } from '../../../../services.js';
import { auditRefusedView, notPermittedMessage } from '../../../../workflows/hr-command.js';
import { recordLook } from '../../../../workflows/on-record.js';
import { tellPrivately } from '../../../hr-interaction.js';
import { actorIn } from '../../../middleware/acting-person.js';
import { personOfAction } from '../../../person.js';
import { historyView } from '../../../views/hr/history.js';
import type { ButtonArgs } from '../../args.js';

/** "History": the audit trail, actor and time for each step; looking is itself on the record. */
export const history =
  (services: AppServices) =>
  async ({ ack, body, action, client, context }: ButtonArgs): Promise<void> => {
    await ack();
    const { store } = services;
    const person = personOfAction(body);
    const actor = actorIn(context, person.userId);
    const request = await store.requests.get(person.teamId, action.value ?? '');
    if (!request) return;
    if (!can(actor, 'view_history', request)) {
      await auditRefusedView(services, person.teamId, request, actor, 'view_history');
      await tellPrivately(client, body, notPermittedMessage);
      return;
    }
    const entries = await store.audit.list(person.teamId, request.id);
    // Looking is itself on the record; the trail shown is the one before this look.
    const recorded = await recordLook(services, person.teamId, request.id, actor, 'history');
    if (!recorded.ok) return;
    await client.views.open({
      trigger_id: body.trigger_id,
      view: historyView(request.id, entries, services.config.clocks.timeZone),
    });
  };
