import type { AppServices } from '../../../../services.js';
import { deleteMyData as deleteData } from '../../../../workflows/my-data.js';
import { tellInDm } from '../../../direct-messages.js';
import { personOfView } from '../../../person.js';
import { publishHome } from '../../../publish-home.js';
import type { ViewSubmitArgs } from '../../args.js';

/** "Delete" on the confirmation: the draft and chat go; each request is closed through `decide` ("erase"). */
export const deleteMyData =
  (services: AppServices) =>
  async ({ ack, body, client }: ViewSubmitArgs): Promise<void> => {
    await ack();
    const person = personOfView(body);
    const outcome = await deleteData(services, person.teamId, { role: 'employee', id: person.userId });
    await tellInDm(
      client,
      person.userId,
      'Done. Your draft and our chat history are deleted. ' +
        (outcome.withdrawn.length > 0
          ? `I closed ${outcome.withdrawn.join(', ')}; HR was told only that it is closed. `
          : '') +
        'Sent requests are kept only for the retention period, then deleted.',
    );
    // The draft is gone too, which no request's effect covers.
    await publishHome(services, client, person);
  };
