import type { AppServices } from '../../../../services.js';
import { employeeLetterPdf } from '../../../../workflows/employee-letter.js';
import { postingAbout } from '../../../app-posts.js';
import { directMessageChannel } from '../../../direct-messages.js';
import { personOfAction } from '../../../person.js';
import type { ButtonArgs } from '../../args.js';
import { ownLetter } from './own-letter.js';

/** "Get it as a PDF" on an opened letter: the file goes to the employee's own DM with the app. */
export const letterPdf =
  (services: AppServices) =>
  async ({ ack, body, action, client }: ButtonArgs): Promise<void> => {
    await ack();
    const person = personOfAction(body);
    const found = await ownLetter(services, client, person, action.value);
    if (!found) return;
    const { view, letter, people } = found;
    const bytes = await employeeLetterPdf(services, letter, view, people);
    const channel = await directMessageChannel(client, person.userId);
    // Remembered with the request: its purge deletes the file from Slack.
    await postingAbout({ teamId: person.teamId, requestIds: [view.reference] }, () =>
      client.filesUploadV2({
        channel_id: channel,
        filename: `${view.reference}-${letter.replaceAll('_', '-')}.pdf`,
        title: `${view.reference}: letter`,
        file: bytes,
      }),
    );
  };
