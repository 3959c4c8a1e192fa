import type { AccommodationRequest } from '../domain/request.js';
import { composeLetter } from '../letters/index.js';
import { redactInScope } from '../privacy/scope.js';
import type { AppServices } from '../services.js';
import { requestLetterData, todayIn } from '../workflows/request-letter.js';

/** The letter HR reads: the employee's chosen words, with any health detail they typed held back. */
export function hrLetterText(
  services: AppServices,
  request: AccommodationRequest,
  employeeName: string,
): string {
  const sensitive = Object.fromEntries(
    Object.entries(request.sensitive)
      .filter(([field]) => field !== 'privateNote')
      .map(([field, value]) => [field, value ? redactInScope(value) : value]),
  );
  const letter = composeLetter(
    'request',
    requestLetterData(
      { ...request, sensitive },
      {
        reference: request.id,
        today: todayIn(request.work.timeZone, new Date(request.submittedAt ?? request.createdAt)),
        employeeName,
        org: services.config.org,
      },
    ),
    { jurisdiction: request.disclosure.jurisdiction, templates: services.letters },
  );
  return letter.text;
}
