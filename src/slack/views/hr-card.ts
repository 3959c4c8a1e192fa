import type { Action } from '../../domain/lifecycle/actions.js';
import type { HrView } from '../../domain/projections.js';
import type { RequestStatus, WaitingOn } from '../../domain/statuses.js';
import {
  defaultLocale,
  formatTimeRange,
  formatWeekdays,
  shiftClock,
  weeksBetween,
} from '../../letters/format.js';
import { actions, context, header, type KnownBlock, section } from './blocks.js';
import { accommodationShortLabels, constraintChoices } from './intake/options.js';
import type { SlackMessage } from './messages.js';
import { dateRange, shortDate } from './text.js';

export const hrCardIds = {
  actionsBlock: 'hr_card_actions',
  /** The button's value is the request's reference. */
  viewRequest: 'hr_view_request',
} as const;

/** A button's action id on HR's surfaces: `hr_` and the action's stable id. */
export const hrActionId = (id: Action['id']): string => `hr_${id}`;

/** Statuses as HR reads them: what the request needs from whom, not how the employee feels it. */
export const hrStatusLabels: Readonly<Record<RequestStatus, string>> = {
  draft: 'Draft',
  submitted: 'New, to acknowledge',
  acknowledged: 'Acknowledged',
  documentation_requested: 'Documentation requested',
  alternative_offered: 'Alternative offered',
  accepted: 'Alternative accepted, to approve',
  approved: 'Approved',
  review_due: 'Up for review',
  denied: 'Denied',
  withdrawn: 'Withdrawn by the employee',
  ended: 'Ended',
  closed: 'Closed',
  purged: 'Deleted',
};

export const waitingOnLabels: Readonly<Record<WaitingOn, string>> = {
  hr: 'HR',
  employee: 'the employee',
  provider: 'the employee’s provider',
  nobody: 'nobody',
};

/** Whole days between two instants, for "received 3 days ago". */
export function ageInDays(fromIso: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - new Date(fromIso).getTime()) / 86_400_000));
}

const age = (days: number) => (days === 0 ? 'today' : days === 1 ? '1 day ago' : `${days} days ago`);

/** "Due Mar 4, 2027" or "*Overdue* since Mar 4, 2027" when HR is late; paused clocks say so. */
export function dueLine(view: Pick<HrView, 'dueAt' | 'waitingOn'>, now: Date): string | undefined {
  if (view.waitingOn === 'nobody' || !view.dueAt) return undefined;
  const overdue = new Date(view.dueAt).getTime() < now.getTime();
  if (view.waitingOn !== 'hr')
    return `Waiting on ${waitingOnLabels[view.waitingOn]} (due ${shortDate(view.dueAt)}); HR’s clock is paused`;
  return overdue
    ? `:warning: *Overdue* since ${shortDate(view.dueAt)}`
    : `Response due ${shortDate(view.dueAt)}`;
}

/**
 * HR's request card, built from HR's projection only: the work facts (C1), routing (C0) and the
 * buttons `availableActions` lists. It cannot see the reason's words, the letter or anything the
 * employee typed, because `HrView` holds none of it except released text, which the card does not
 * show either (it goes to a channel).
 */
export function hrRequestCard(view: HrView, buttons: readonly Action[], now: Date): SlackMessage {
  const { schedule, work } = view;
  const locale = defaultLocale[view.jurisdiction];
  const travel = schedule.travelMinutes;
  const time = formatTimeRange(
    shiftClock(schedule.sessionStart, -travel),
    shiftClock(schedule.sessionEnd, travel),
    work.timeZone,
    locale,
  );
  const weeks = weeksBetween(schedule.startDate, schedule.endDate);
  const received = view.submittedAt;
  const due = dueLine(view, now);
  const facts = [
    `*Status:* ${hrStatusLabels[view.status]}`,
    `*Assignee:* ${view.assigneeId ? `<@${view.assigneeId}>` : 'nobody yet'}`,
    ...(received ? [`*Received:* ${shortDate(received)} (${age(ageInDays(received, now))})`] : []),
    ...(due ? [due] : []),
  ];
  const constraints = work.constraints.map((c) => constraintChoices.find((o) => o.value === c)?.text ?? c);
  const blocks: KnownBlock[] = [
    header(`Request ${view.reference}`),
    section(`<@${view.employeeId}> has asked for a change to their working hours.`),
    context(facts.join('  ·  ')),
    {
      type: 'section',
      fields: [
        {
          type: 'mrkdwn',
          text: `*Time needed${travel > 0 ? ', travel included' : ''}*\n${formatWeekdays([...schedule.days], locale)}, ${time}`,
        },
        {
          type: 'mrkdwn',
          text: `*Dates*\n${dateRange(schedule.startDate, schedule.endDate)} (${weeks} ${weeks === 1 ? 'week' : 'weeks'})`,
        },
        {
          type: 'mrkdwn',
          text: `*Usual hours*\n${formatWeekdays([...work.days], locale)}, ${formatTimeRange(work.start, work.end, work.timeZone, locale)}`,
        },
        {
          type: 'mrkdwn',
          text: `*Asked for*\n${view.accommodations.map((type) => `• ${accommodationShortLabels[type]}`).join('\n')}`,
        },
        {
          type: 'mrkdwn',
          text: `*Role constraints*\n${constraints.length > 0 ? constraints.map((c) => `• ${c}`).join('\n') : 'None given'}`,
        },
      ],
    },
    context(
      view.shareScheduleWithManager
        ? 'The employee is happy for their manager to be told the approved days and hours (not the reason).'
        : 'The employee has not asked for their manager to be told. Please check with them before sharing anything.',
    ),
  ];
  if (buttons.length > 0)
    blocks.push(
      actions(
        hrCardIds.actionsBlock,
        buttons.map((action) => ({
          text: action.label,
          actionId: hrActionId(action.id),
          value: view.reference,
          ...(action.style ? { style: action.style } : {}),
        })),
      ),
    );
  return {
    text: `Accommodation request ${view.reference} from <@${view.employeeId}>: ${hrStatusLabels[view.status]}`,
    blocks,
  };
}
