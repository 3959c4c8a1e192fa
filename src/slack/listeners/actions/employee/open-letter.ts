import type { AppServices } from '../../../../services.js';
import { employeeLetterText } from '../../../../workflows/employee-letter.js';
import { personOfAction } from '../../../person.js';
import { employeeLetterView, letterTitles } from '../../../views/employee-letter.js';
import type { ButtonArgs } from '../../args.js';
import { ownLetter } from './own-letter.js';

/** "Open letter" in the employee's DM: the letter HR's step sent, for the employee alone. */
export const openLetter =
  (services: AppServices) =>
  async ({ ack, body, action, client }: ButtonArgs): Promise<void> => {
    await ack();
    const person = personOfAction(body);
    const found = await ownLetter(services, client, person, action.value);
    if (!found) return;
    const { view, letter, people } = found;
    await client.views.open({
      trigger_id: body.trigger_id,
      view: employeeLetterView(
        view.reference,
        letter,
        letterTitles[letter] ?? 'Letter',
        employeeLetterText(services, letter, view, people),
      ),
    });
  };
