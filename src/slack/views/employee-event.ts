import type { EmployeeView } from '../../domain/projections.js';
import { weekdayNames } from '../../domain/request.js';
import { actions, context, type KnownBlock, section } from './blocks.js';
import type { SlackMessage } from './messages.js';
import { dateRange, shortDate } from './text.js';

export const employeeEventIds = {
  actionsBlock: 'employee_event_actions',
  /** Each button's value is the request's reference (with `|<letter kind>` for Open letter). */
  acceptAlternative: 'employee_accept_alternative',
  declineAlternative: 'employee_decline_alternative',
  providerPending: 'employee_provider_pending',
  openLetter: 'employee_open_letter',
  whoHasSeen: 'employee_who_has_seen',
  /** At a review, here and on the Home tab: ask HR for more time, or end the arrangement now. */
  askForExtension: 'home_request_extension',
  endArrangement: 'home_request_end',
} as const;

/** The pattern as plain lines: "Monday, Wednesday: 07:45–16:15". Work facts only. */
export function patternLines(pattern: NonNullable<EmployeeView['alternative']>['pattern']): string[] {
  const lines = pattern.hours.map(
    (h) => `${h.days.map((d) => weekdayNames[d]).join(', ')}: ${h.start}–${h.end}`,
  );
  if (pattern.remoteDays?.length)
    lines.push(`From home: ${pattern.remoteDays.map((d) => weekdayNames[d]).join(', ')}`);
  lines.push(`${dateRange(pattern.startDate, pattern.endDate)} (${pattern.timeZone})`);
  return lines;
}

/**
 * A step of the process in the employee's DM: what happened (the worker's sentence), what they can
 * do next and by when, and the buttons for it. It names no reason and quotes nobody's words: HR's
 * explanations and the letters open in a modal, so Slack's message history keeps only this.
 */
export function employeeEventMessage(
  sentence: string,
  view: EmployeeView,
  event: string,
  letter?: string,
): SlackMessage {
  const blocks: KnownBlock[] = [section(sentence)];
  const buttons: { text: string; actionId: string; value: string; style?: 'primary' | 'danger' }[] = [];
  const ref = view.reference;
  if (event === 'alternative_offered' && view.alternative && view.status === 'alternative_offered') {
    blocks.push(section(`*What HR suggests*\n${patternLines(view.alternative.pattern).join('\n')}`));
    blocks.push(context(`Please answer by ${shortDate(view.alternative.respondBy)}.`));
    buttons.push(
      { text: 'Accept', actionId: employeeEventIds.acceptAlternative, value: ref, style: 'primary' },
      { text: 'Decline', actionId: employeeEventIds.declineAlternative, value: ref },
    );
  }
  if (event === 'documentation_requested' && view.status === 'documentation_requested') {
    blocks.push(
      context(
        'Your provider sends the form to HR directly, outside Slack. Nothing about your health comes through here.' +
          (view.dueAt ? ` HR would like it by ${shortDate(view.dueAt)}.` : ''),
      ),
    );
    buttons.push({ text: 'I’ve asked my provider', actionId: employeeEventIds.providerPending, value: ref });
  }
  const inPlace = view.status === 'approved' || view.status === 'review_due';
  const extensionWaiting = view.extension !== undefined && view.extension.decidedAt === undefined;
  if ((event === 'review_due' || event === 'extension_declined') && inPlace && !extensionWaiting) {
    const ends = view.approval?.pattern.endDate;
    if (ends) blocks.push(context(`It runs until ${shortDate(ends)}.`));
    buttons.push(
      {
        text: 'Ask for an extension',
        actionId: employeeEventIds.askForExtension,
        value: ref,
        style: 'primary',
      },
      { text: 'End it now', actionId: employeeEventIds.endArrangement, value: ref },
    );
  }
  if (letter)
    buttons.push({ text: 'Open letter', actionId: employeeEventIds.openLetter, value: `${ref}|${letter}` });
  buttons.push({ text: 'Who has seen it', actionId: employeeEventIds.whoHasSeen, value: ref });
  blocks.push(actions(employeeEventIds.actionsBlock, buttons));
  return { text: sentence, blocks };
}
