import { DenyPayload } from '../domain/commands.js';
import { encodeDenialAlternatives } from '../domain/hr-words.js';
import { projectForEmployeeLetter } from '../domain/projections.js';
import type { AccommodationRequest } from '../domain/request.js';
import { type FieldProblem, validateLetterData } from '../letters/index.js';
import type { AppServices } from '../services.js';
import { employeeLetterData } from './employee-letter.js';

/**
 * What the denial letter would lack if HR's form were given as it stands: the letter is built from
 * the request as the denial would leave it and checked against its schema and its jurisdiction's
 * law (US: leave and reassignment weighed; UK: the consultation date and statutory ground). A
 * denial is never decided whose letter could not be written. Empty when the payload is not yet
 * a denial at all: its own schema speaks first.
 */
export function denialLetterProblems(
  services: Pick<AppServices, 'config' | 'now'>,
  request: AccommodationRequest,
  payload: unknown,
  actorId: string,
): FieldProblem[] {
  const parsed = DenyPayload.safeParse(payload);
  if (!parsed.success) return [];
  const deny = parsed.data;
  const at = services.now().toISOString();
  const denied: AccommodationRequest = {
    ...request,
    status: 'denied',
    denial: {
      deniedAt: at,
      deniedBy: actorId,
      reason: deny.reason,
      ...(deny.reconsiderBy ? { reconsiderBy: deny.reconsiderBy } : {}),
      ...(deny.consultedOn ? { consultedOn: deny.consultedOn } : {}),
      ...(deny.flexibleWorkingGround ? { flexibleWorkingGround: deny.flexibleWorkingGround } : {}),
    },
    sensitive: {
      ...request.sensitive,
      denialExplanation: deny.explanation,
      denialAlternatives: encodeDenialAlternatives(deny.alternativesConsidered),
      denialReconsideration: deny.reconsideration,
    },
  };
  const data = employeeLetterData(services, 'denial', projectForEmployeeLetter(denied), {
    employeeName: 'Employee',
    hrName: 'HR',
  });
  const checked = validateLetterData('denial', data, request.disclosure.jurisdiction);
  return checked.ok ? [] : checked.problems;
}
