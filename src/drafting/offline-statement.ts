import { REASON_TOKEN, type StatementDraft, type StatementInput } from './schemas.js';
import {
  ACCOMMODATION_ASKS,
  asSentence,
  COVERAGE_COMMITMENTS,
  dateInWords,
  listInWords,
  weekdaysInWords,
  workConstraintsInWords,
  workDaysInWords,
} from './wording.js';

const withoutEndStop = (text: string) => text.trim().replace(/[.!?]+$/, '');

/**
 * A standard statement built only from the structured answers, with the reason left as the token
 * so one place fills it in for both paths. The employee's free text joins only where it is free
 * of clinical detail: this draft may go on to HR, and their own words stay in their private notes.
 */
export function draftOfflineStatement(
  input: StatementInput,
  isClinical: (text: string) => boolean,
): StatementDraft {
  const { schedule, work } = input;
  const usable = (text: string | undefined): string | undefined =>
    text?.trim() && !isClinical(text) ? text.trim() : undefined;

  const travel =
    schedule.travelMinutes > 0 ? `, plus about ${schedule.travelMinutes} minutes of travel each way` : '';
  const asks = input.accommodations
    .filter((type) => type !== 'other')
    .map((type) => ACCOMMODATION_ASKS[type]);
  const other = input.accommodations.includes('other') ? usable(input.otherAccommodation) : undefined;
  if (other) asks.push(`for this change: ${withoutEndStop(other)}`);
  if (asks.length === 0) asks.push(ACCOMMODATION_ASKS.other);
  const constraintsNote = usable(input.constraintsNote);

  const statement = [
    `I'm writing to ask for a workplace accommodation because of ${REASON_TOKEN}.`,
    `From ${dateInWords(schedule.startDate)} to ${dateInWords(schedule.endDate)}, I have scheduled sessions on ${weekdaysInWords(schedule.days)} from ${schedule.sessionStart} to ${schedule.sessionEnd} (${work.timeZone} time)${travel}.`,
    `I usually work ${workDaysInWords(work.days)}, ${work.start} to ${work.end}, and I'm asking ${listInWords(asks)}.`,
    work.constraints.length > 0
      ? `My role includes ${workConstraintsInWords(work.constraints)}, and I've planned for that below.`
      : '',
    constraintsNote ? `Something to keep in mind: ${asSentence(constraintsNote)}` : '',
    "I'll keep meeting the essential functions of my role, and I'm glad to talk through the details.",
  ];

  const coverageNotes = usable(input.coverageNotes);
  const commitments = [...new Set(input.accommodations.map((type) => COVERAGE_COMMITMENTS[type]))];
  const coverage = [
    coverageNotes ? asSentence(coverageNotes) : '',
    ...commitments,
    `Before the change starts I'll agree handovers with my manager, and I'm happy to review how it's working by ${dateInWords(schedule.endDate)}.`,
  ];

  return {
    statementOfNeed: statement.filter(Boolean).join(' '),
    coveragePlan: coverage.filter(Boolean).join(' '),
  };
}
