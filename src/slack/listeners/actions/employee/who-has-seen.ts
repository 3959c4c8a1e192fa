import type { AppServices } from '../../../../services.js';
import { personOfAction } from '../../../person.js';
import { disclosureLedgerView } from '../../../views/disclosure-ledger.js';
import type { ButtonArgs } from '../../args.js';
import { ownRequest } from './own-request.js';

/** "Who has seen it": the disclosure ledger of the employee's own request. */
export const whoHasSeen =
  (services: AppServices) =>
  async ({ ack, body, action, client }: ButtonArgs): Promise<void> => {
    await ack();
    const person = personOfAction(body);
    const request = await ownRequest(services, person, action.value);
    if (!request) return;
    const entries = await services.store.audit.list(person.teamId, request.id);
    await client.views.open({
      trigger_id: body.trigger_id,
      view: disclosureLedgerView(request.id, person.userId, entries, request.work.timeZone),
    });
  };
