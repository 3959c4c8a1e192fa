import type { AppServices } from '../../../../services.js';
import { employeeLetterText, letterToShow, noLetterYet } from '../../../../workflows/employee-letter.js';
import { tellInDm } from '../../../direct-messages.js';
import { letterPeople } from '../../../letter-people.js';
import { personOfAction } from '../../../person.js';
import { employeeLetterView, letterTitles } from '../../../views/employee-letter.js';
import type { ButtonArgs } from '../../args.js';

/** "Open letter" in the employee's DM: the letter HR's step sent, for the employee alone. */
export const openLetter =
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
    const text = employeeLetterText(services, letter, request, await letterPeople(services, client, request));
    await client.views.open({
      trigger_id: body.trigger_id,
      view: employeeLetterView(request.id, letter, letterTitles[letter] ?? 'Letter', text),
    });
  };
