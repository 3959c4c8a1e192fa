import type { AccommodationRequest } from '../../../../domain/request.js';
import type { AppServices } from '../../../../services.js';
import type { Person } from '../../../person.js';

/**
 * The request a button names, only if it is the clicker's own: a button's value is only a claim,
 * so someone else's reference (or none) reads as nothing, and the listener shows nothing. One
 * place, so every employee button checks ownership the same way before it shows anything.
 */
export async function ownRequest(
  services: Pick<AppServices, 'store'>,
  person: Person,
  reference: string | undefined,
): Promise<AccommodationRequest | undefined> {
  const request = await services.store.requests.get(person.teamId, reference ?? '');
  return request && request.employeeId === person.userId ? request : undefined;
}
