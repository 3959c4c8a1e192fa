import type { webApi } from '@slack/bolt';
import { type EmployeeLetterView, projectForEmployeeLetter } from '../../../../domain/projections.js';
import type { AppServices } from '../../../../services.js';
import {
  type EmployeeLetterKind,
  type LetterPeople,
  letterToShow,
  noLetterYet,
} from '../../../../workflows/employee-letter.js';
import { tellInDm } from '../../../direct-messages.js';
import { letterPeople } from '../../../letter-people.js';
import type { Person } from '../../../person.js';
import { ownRequest } from './own-request.js';

/**
 * The letter a button names (`reference|kind`), only for the employee whose request it is, and only
 * once HR's step has sent it; otherwise nothing is shown (someone else's) or the DM says it is not
 * here yet. Shared by "Open letter" and its PDF, so both check the same things.
 */
export async function ownLetter(
  services: AppServices,
  client: webApi.WebClient,
  person: Person,
  value: string | undefined,
): Promise<
  | {
      /** The letter's projection: letters are built from it, never from the record. */
      view: EmployeeLetterView;
      letter: EmployeeLetterKind;
      people: LetterPeople;
    }
  | undefined
> {
  const [reference = '', kind = ''] = (value ?? '').split('|');
  const request = await ownRequest(services, person, reference);
  if (!request) return undefined;
  const view = projectForEmployeeLetter(request);
  const letter = letterToShow(services, view, kind);
  if (!letter) {
    await tellInDm(client, person.userId, noLetterYet);
    return undefined;
  }
  return { view, letter, people: await letterPeople(services, client, request) };
}
