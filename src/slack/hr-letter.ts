import type { HrView } from '../domain/projections.js';
import { composeLetter } from '../letters/index.js';
import type { LetterWords } from '../privacy/release.js';
import { redactInScope } from '../privacy/scope.js';
import type { AppServices } from '../services.js';
import { extensionLetterData } from '../workflows/extension-letter.js';
import { requestLetterData, todayIn } from '../workflows/request-letter.js';

/**
 * The letter HR reads, built from HR's projection of the request and nothing else: the work facts
 * and the words the employee released by sending the review (checked then to name no health
 * detail). Words never released (the private note, a field typed but not sent) are not in the
 * projection, so they cannot reach the letter. The scope's redaction stays as a second line. The
 * employee's "View request" shows this same letter: what HR received.
 */
export function hrLetterText(services: AppServices, hr: HrView, employeeName: string): string {
  const sensitive: LetterWords = Object.fromEntries(
    Object.entries(hr.released).map(
      (
        [field, value], // DeepReadonly turns the brand's string into an object type; the value is the released string.
      ) => [field, redactInScope(String(value))],
    ),
  );
  const letter = composeLetter(
    'request',
    requestLetterData(
      {
        schedule: { ...hr.schedule, days: [...hr.schedule.days] },
        work: { ...hr.work, days: [...hr.work.days], constraints: [...hr.work.constraints] },
        accommodations: [...hr.accommodations],
        disclosure: {
          reason: hr.reasonChoice,
          shareScheduleWithManager: hr.shareScheduleWithManager,
          eapMayTrackStatus: hr.eapMayTrackStatus,
          jurisdiction: hr.jurisdiction,
        },
        sensitive,
        ...(hr.reviewDate ? { reviewDate: hr.reviewDate } : {}),
      },
      {
        reference: hr.reference,
        today: todayIn(hr.work.timeZone, new Date(hr.submittedAt ?? hr.statusChangedAt)),
        employeeName,
        org: services.config.org,
      },
    ),
    { jurisdiction: hr.jurisdiction, templates: services.letters },
  );
  return letter.text;
}

/**
 * The status inquiry the employee's "Ask HR for an update" sends to HR's card thread: the app's own
 * wording about dates, from HR's projection, so nothing the employee typed can reach it.
 */
export function statusInquiryText(
  services: Pick<AppServices, 'config' | 'letters'>,
  hr: HrView,
  employeeName: string,
  now: Date,
): string | undefined {
  if (!hr.submittedAt) return undefined;
  return composeLetter(
    'status_inquiry',
    {
      org: { companyName: services.config.org.companyName },
      reference: hr.reference,
      date: todayIn(hr.work.timeZone, now),
      employee: { name: employeeName },
      submittedDate: todayIn(hr.work.timeZone, new Date(hr.submittedAt)),
      neededFrom: hr.schedule.startDate,
    },
    { jurisdiction: hr.jurisdiction, templates: services.letters },
  ).text;
}

/**
 * The extension request letter "Ask for an extension" sends to HR's card thread: the arrangement's
 * dates, the session days HR already holds and the new last day asked for, from HR's projection, so
 * nothing the employee typed can reach it.
 */
export function extensionRequestText(
  services: Pick<AppServices, 'config' | 'letters'>,
  hr: HrView,
  employeeName: string,
  now: Date,
): string | undefined {
  const data = extensionLetterData(hr, {
    today: todayIn(hr.work.timeZone, now),
    employeeName,
    org: services.config.org,
  });
  if (!data) return undefined;
  return composeLetter('extension_request', data, {
    jurisdiction: hr.jurisdiction,
    templates: services.letters,
  }).text;
}
