import { releasedText } from '../domain/projections.js';
import type { AccommodationRequest } from '../domain/request.js';
import { composeLetter } from '../letters/index.js';
import { redactInScope } from '../privacy/scope.js';
import type { AppServices } from '../services.js';
import { requestLetterData, todayIn } from '../workflows/request-letter.js';

/**
 * The letter HR reads: built from the words the employee released by sending the review (checked
 * then to name no health detail), and no others. Words never released (the private note, a field
 * typed but not sent) are not in it at all. The scope's redaction stays as a second line.
 */
export function hrLetterText(
  services: AppServices,
  request: AccommodationRequest,
  employeeName: string,
): string {
  const sensitive = Object.fromEntries(
    Object.entries(releasedText(request)).map(([field, value]) => [field, redactInScope(value)]),
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
