import type { AppServices } from '../../../../services.js';
import { deleteMyData as deleteData } from '../../../../workflows/my-data.js';
import { deleteAppPostsInDm } from '../../../delete-app-posts.js';
import { directMessageChannel } from '../../../direct-messages.js';
import { personOfView } from '../../../person.js';
import { publishHome } from '../../../publish-home.js';
import { dataDeletedMessage } from '../../../views/my-data.js';
import type { ViewSubmitArgs } from '../../args.js';

/**
 * "Delete" on the confirmation: the app's own messages and files in the DM are deleted from Slack
 * first (while the requests still say which messages were theirs), then the draft and chat go and
 * each request is closed through `decide` ("erase"). The answer says exactly what was deleted.
 */
export const deleteMyData =
  (services: AppServices) =>
  async ({ ack, body, client }: ViewSubmitArgs): Promise<void> => {
    await ack();
    const person = personOfView(body);
    const posts = await deleteAppPostsInDm(client, services.store, person);
    const outcome = await deleteData(services, person.teamId, { role: 'employee', id: person.userId });
    const message = dataDeletedMessage({
      draftDeleted: outcome.draftDeleted,
      closed: outcome.closed,
      withdrawn: outcome.withdrawn,
      ...posts,
      retentionDays: services.config.retentionDays,
    });
    const channel = await directMessageChannel(client, person.userId);
    await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks });
    // The draft is gone too, which no request's effect covers.
    await publishHome(services, client, person);
  };
