import type { AppServices } from '../../../../services.js';
import { employeeLetterPdf, letterToShow, noLetterYet } from '../../../../workflows/employee-letter.js';
import { directMessageChannel, tellInDm } from '../../../direct-messages.js';
import { letterPeople } from '../../../letter-people.js';
import { personOfAction } from '../../../person.js';
import type { ButtonArgs } from '../../args.js';

/** "Get it as a PDF" on an opened letter: the file goes to the employee's own DM with the app. */
export const letterPdf =
  (services: AppServices) =>
  async ({ ack, body, action, client }: ButtonArgs): Promise<void> => {
    await ack();
    const person = personOfAction(body);
    const [reference = '', kind = ''] = (action.value ?? '').split('|');
    const request = await services.store.requests.get(person.teamId, reference);
    if (!request || request.employeeId !== person.userId) return;
    const letter = letterToShow(request, kind);
    if (!letter) {
      await tellInDm(client, person.userId, noLetterYet);
      return;
    }
    const bytes = await employeeLetterPdf(
      services,
      letter,
      request,
      await letterPeople(services, client, request),
    );
    await client.filesUploadV2({
      channel_id: await directMessageChannel(client, person.userId),
      filename: `${request.id}-${letter.replaceAll('_', '-')}.pdf`,
      title: `${request.id}: letter`,
      file: bytes,
    });
  };
