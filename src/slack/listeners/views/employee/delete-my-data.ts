import type { AppServices } from '../../../../services.js';
import { deleteMyData as deleteData } from '../../../../workflows/my-data.js';
import { tellInDm } from '../../../direct-messages.js';
import { personOfView } from '../../../person.js';
import { publishHome } from '../../../publish-home.js';
import type { ViewSubmitArgs } from '../../args.js';
import { tellHrWithdrawn } from './tell-hr-withdrawn.js';

/** "Delete" on the confirmation: the draft and chat go, open requests are withdrawn. */
export const deleteMyData =
  (services: AppServices) =>
  async ({ ack, body, client }: ViewSubmitArgs): Promise<void> => {
    await ack();
    const person = personOfView(body);
    const outcome = await deleteData(
      services.store,
      person.teamId,
      { role: 'employee', id: person.userId },
      services.now(),
    );
    await tellHrWithdrawn(services, client, outcome.withdrawn);
    await tellInDm(
      client,
      person.userId,
      'Done. Your draft and our chat history are deleted. ' +
        (outcome.withdrawn.length > 0
          ? `I withdrew ${outcome.withdrawn.join(', ')}; HR was told only that it was withdrawn. `
          : '') +
        'Sent requests are kept only for the retention period, then deleted.',
    );
    await publishHome(services, client, person);
  };
