import type { ManagerEvent } from '../../../domain/lifecycle/manager-notice.js';
import type { ManagerView } from '../../../domain/projections.js';
import { formatWeekdays } from '../../../letters/format.js';
import { approvalForManager, type LetterLocale, managerNoticeLines } from '../../../letters/index.js';
import { escapeMrkdwn } from '../blocks.js';
import { clip } from '../text.js';

/**
 * What a manager reads, in a DM and on their Home tab. Built from the manager's projection alone
 * (the approved days and hours, their dates and where the arrangement stands), through the same
 * lines the approval letter promises the employee their manager is told: nothing else is there.
 */

/** The pattern as lines: days and hours, working from home, the dates. */
export function managerPatternLines(view: ManagerView, locale: LetterLocale): string[] {
  const lines = managerNoticeLines(
    approvalForManager({
      rows: view.hours.map((h) => ({ days: [...h.days], start: h.start, end: h.end })),
      otherDaysUnchanged: true,
      startDate: view.startDate,
      endDate: view.endDate,
      reviewDate: view.reviewDate,
      timeZone: view.timeZone,
    }),
    locale,
  );
  if (view.remoteDays?.length)
    lines.splice(-2, 0, `Working from home: ${formatWeekdays(view.remoteDays, locale)}`);
  return lines;
}

const bullets = (lines: readonly string[]) => lines.map((line) => `• ${line}`).join('\n');

/** The employee's released note for the team, quoted as they wrote it (escaped, so it pings nobody). */
export function teamNoteLine(view: ManagerView): string | undefined {
  return view.teamNote ? `Their note for the team: “${escapeMrkdwn(clip(view.teamNote, 300))}”` : undefined;
}

const withNote = (view: ManagerView, text: string) => {
  const note = teamNoteLine(view);
  return note ? `${text}\n${note}` : text;
};

const ASK_HR =
  'They agreed that you be told these days, hours and dates. For cover or planning, please talk to HR.';

/** The DM for one event. A change says what applies now; an end says only that it ended. */
export function managerNoticeText(view: ManagerView, event: ManagerEvent, locale: LetterLocale): string {
  const who = `<@${view.employeeId}>`;
  switch (event) {
    case 'approved':
      return `${withNote(
        view,
        `${who} has an agreed working pattern:\n${bullets(managerPatternLines(view, locale))}`,
      )}\n${ASK_HR}`;
    case 'extended':
      return `${withNote(
        view,
        `The working pattern agreed for ${who} has changed. It is now:\n${bullets(managerPatternLines(view, locale))}`,
      )}\n${ASK_HR}`;
    case 'ended':
      return `The working pattern agreed for ${who} has ended: their usual hours apply again.`;
    case 'withdrawn':
      return `The working pattern agreed for ${who} was withdrawn: their usual hours apply again.`;
  }
}

export const managerStateLabels: Readonly<Record<ManagerView['state'], string>> = {
  in_place: 'In place',
  ended: 'Ended: usual hours apply again',
  withdrawn: 'Withdrawn: usual hours apply again',
};
