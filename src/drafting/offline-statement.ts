import { REASON_TOKEN, type StatementDraft, type StatementInput } from './schemas.js';
import {
  ACCOMMODATION_ASKS,
  asSentence,
  COVERAGE_COMMITMENTS,
  dateInWords,
  listInWords,
  weekdaysInWords,
} from './wording.js';

/**
 * A standard statement built only from the structured answers, with the reason left as the token
 * so one place fills it in for both paths. The employee's free text joins only where it is free
 * of clinical detail: this draft may go on to HR, and their own words stay in their private notes.
 */
export function draftOfflineStatement(
  input: StatementInput,
  isClinical: (text: string) => boolean,
): StatementDraft {
  const { schedule } = input;
  const usable = (text: string | undefined): string | undefined =>
    text?.trim() && !isClinical(text) ? text.trim() : undefined;

  const period = schedule.endDate
    ? `from ${dateInWords(schedule.startDate)} to ${dateInWords(schedule.endDate)}`
    : `from ${dateInWords(schedule.startDate)}, with a review date we can agree together`;
  const asks = input.accommodationTypes
    .filter((type) => type !== 'other')
    .map((type) => ACCOMMODATION_ASKS[type]);
  const other = input.accommodationTypes.includes('other') ? usable(input.otherAccommodation) : undefined;
  if (other) asks.push(`for this change: ${other.replace(/[.!?]+$/, '')}`);
  if (asks.length === 0) asks.push(ACCOMMODATION_ASKS.other);

  const constraints = usable(input.constraints);
  const statement = [
    `I'm writing to ask for a workplace accommodation because of ${REASON_TOKEN}.`,
    `My sessions are on ${weekdaysInWords(schedule.days)} from ${schedule.sessionStart} to ${schedule.sessionEnd} (${schedule.timeZone} time), ${period}.`,
    `My usual hours are ${input.usualHours.trim().replace(/[.!?]+$/, '')}, and I'm asking ${listInWords(asks)}.`,
    constraints ? `Something to keep in mind: ${asSentence(constraints)}` : '',
    "I'll keep meeting the essential functions of my role, and I'm glad to talk through the details.",
  ];

  const coverageNotes = usable(input.coverageNotes);
  const commitments = [...new Set(input.accommodationTypes.map((type) => COVERAGE_COMMITMENTS[type]))];
  const coverage = [
    coverageNotes ? asSentence(coverageNotes) : '',
    ...commitments,
    "Before the change starts I'll agree handovers with my manager, and I'm happy to review how it's working along the way.",
  ];

  return {
    statementOfNeed: statement.filter(Boolean).join(' '),
    coveragePlan: coverage.filter(Boolean).join(' '),
  };
}
