import type { AppServices } from '../../../../services.js';
import { exportMyData as exportData } from '../../../../workflows/my-data.js';
import { postingAbout } from '../../../app-posts.js';
import { directMessageChannel } from '../../../direct-messages.js';
import { personOfAction } from '../../../person.js';
import { section } from '../../../views/blocks.js';
import { whatIWroteButton } from '../../../views/what-i-wrote.js';
import type { ButtonArgs } from '../../args.js';

/** "Export my data" on Home: a JSON file in the employee's DM, holding only what HR could see. */
export const exportMyData =
  (services: AppServices) =>
  async ({ ack, body, client }: ButtonArgs): Promise<void> => {
    await ack();
    const person = personOfAction(body);
    const data = await exportData(services.store, person.teamId, person.userId, services.now());
    const channel = await directMessageChannel(client, person.userId);
    // The note is a message of its own, not the file's comment: Delete my data deletes the file,
    // and a comment would stay behind in Slack without it.
    const note =
      'Here’s a copy of your data. It holds what HR could see and your answers; words you never sent to HR, like your private note, are left out because files stay in Slack. Choose *What I wrote* to read everything you wrote. Delete my data deletes this file too.';
    await client.chat.postMessage({ channel, text: note, blocks: [section(note), whatIWroteButton()] });
    // Remembered with each request it holds: the purge of any of them deletes the file from Slack.
    const requestIds = data.requests.map((request) => request.reference);
    await postingAbout({ teamId: person.teamId, requestIds }, () =>
      client.filesUploadV2({
        channel_id: channel,
        filename: 'my-accommodation-data.json',
        title: 'My accommodation data',
        content: JSON.stringify(data, null, 2),
      }),
    );
  };
