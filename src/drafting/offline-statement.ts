import { reasonWordings } from '../domain/disclosure.js';
import { intakeLimits } from '../domain/intake.js';
import { defaultLocale, formatTime, timeZoneLabel } from '../letters/format.js';
import { forItsAuthor, type PrivateText } from '../privacy/private-text.js';
import { REASON_TOKEN, type StatementDraft, type StatementInput } from './schemas.js';
import {
  ACCOMMODATION_ASKS,
  asSentence,
  COVERAGE_COMMITMENTS,
  dateInWords,
  fitLines,
  listInWords,
  weekdaysInWords,
  workConstraintsInWords,
  workDaysInWords,
} from './wording.js';

const withoutEndStop = (text: string) => text.trim().replace(/[.!?]+$/, '');

/** A letter line (one coverage point) holds at most this many characters. */
export const LETTER_LINE_LIMIT = 300;

/**
 * A standard statement built only from the structured answers, with the reason left as the token
 * so one place fills it in for both paths. The employee's free text joins only where it is free
 * of clinical detail: this draft may go on to HR, and their own words stay in their private notes.
 * Every part fits the limits the letter and the Edit wording form hold it to: the coverage plan is
 * one point per line, each within a letter line, and the whole within the form's limit.
 */
export function draftOfflineStatement(
  input: StatementInput,
  isClinical: (text: string) => boolean,
): StatementDraft {
  const { schedule, work } = input;
  const locale = defaultLocale[input.jurisdiction ?? 'us'];
  const time = (clock: string) => formatTime(clock, locale);
  const usable = (typed: PrivateText | undefined) => usableWords(typed, isClinical);

  const travel =
    schedule.travelMinutes > 0 ? `, plus about ${schedule.travelMinutes} minutes of travel each way` : '';
  const asks = input.accommodations
    .filter((type) => type !== 'other')
    .map((type) => ACCOMMODATION_ASKS[type]);
  const other = input.accommodations.includes('other') ? usable(input.otherAccommodation) : undefined;
  if (other) asks.push(`for this change: ${withoutEndStop(other)}`);
  if (asks.length === 0) asks.push(ACCOMMODATION_ASKS.other);
  const constraintsNote = usable(input.constraintsNote);
  // The app's own wordings are phrases ("a scheduled … program"); own words are the employee's
  // sentences and stand as written, never squeezed into "because of …".
  const isPhrase = (Object.values(reasonWordings) as string[]).includes(input.reasonWording.trim());

  const statement = [
    isPhrase
      ? `I'm writing to ask for a workplace accommodation because of ${REASON_TOKEN}.`
      : `I'm writing to ask for a workplace accommodation. ${asSentence(input.reasonWording)}`,
    `From ${dateInWords(schedule.startDate)} to ${dateInWords(schedule.endDate)}, I have scheduled sessions on ${weekdaysInWords(schedule.days)} from ${time(schedule.sessionStart)} to ${time(schedule.sessionEnd)} ${timeZoneLabel(work.timeZone, locale)}${travel}.`,
    `I usually work ${workDaysInWords(work.days)}, ${time(work.start)} to ${time(work.end)}, and I'm asking ${listInWords(asks)}.`,
    work.constraints.length > 0
      ? `My role includes ${workConstraintsInWords(work.constraints)}, and I've planned for that below.`
      : '',
    constraintsNote ? `Something to keep in mind: ${asSentence(constraintsNote)}` : '',
    "I'll keep meeting the essential functions of my role, and I'm glad to talk through the details.",
  ];

  const commitments = [...new Set(input.accommodations.map((type) => COVERAGE_COMMITMENTS[type]))];
  const closing = `Before the change starts I'll agree handovers with my manager, and I'm happy to review how it's working by ${dateInWords(schedule.endDate)}.`;

  return {
    // Bounded by construction: each free-text part has its own intake limit, far below the whole.
    statementOfNeed: statement.filter(Boolean).join(' '),
    coveragePlan: coverageWithOwnNotes(input.coverageNotes, [...commitments, closing], isClinical),
  };
}

/**
 * The employee's words where a draft of their own may carry them: trimmed, and only when free of
 * clinical detail (the draft may go on to HR). The draft goes back to its author first, on review.
 */
function usableWords(typed: PrivateText | undefined, isClinical: (text: string) => boolean) {
  const text = forItsAuthor(typed)?.trim();
  return text && !isClinical(text) ? text : undefined;
}

/**
 * A coverage plan: the employee's own notes first (never shown to the model), then as many of the
 * other lines as fit the Edit wording form's limit, one letter line each.
 */
export function coverageWithOwnNotes(
  ownNotes: PrivateText | undefined,
  lines: readonly string[],
  isClinical: (text: string) => boolean,
): string {
  const notes = usableWords(ownNotes, isClinical);
  const coverage = fitLines(
    [...(notes ? fitLines([notes], LETTER_LINE_LIMIT) : []), ...lines],
    LETTER_LINE_LIMIT,
  );
  const kept: string[] = [];
  for (const line of coverage) {
    if ([...kept, line].join('\n').length > intakeLimits.coveragePlan) continue;
    kept.push(line);
  }
  return kept.join('\n');
}
