import type { AccommodationRequest } from '../../domain/request.js';
import {
  defaultLocale,
  formatTimeRange,
  formatWeekdays,
  shiftClock,
  weeksBetween,
} from '../../letters/format.js';
import { actions, context, header, type KnownBlock, section } from './blocks.js';
import { accommodationShortLabels } from './intake/options.js';
import type { SlackMessage } from './messages.js';
import { dateRange } from './text.js';

export const hrCardIds = {
  actionsBlock: 'hr_card_actions',
  /** The button's value is the request's reference. */
  viewRequest: 'hr_view_request',
} as const;

/**
 * Only the work facts HR needs to triage: by its type, the card cannot see the reason, the
 * letter or anything the employee typed (`sensitive`).
 */
export type HrCardRequest = Pick<
  AccommodationRequest,
  'id' | 'employeeId' | 'schedule' | 'work' | 'accommodations' | 'disclosure'
>;

/** Posted to HR when a request arrives. Names no reason and carries no free text. */
export function hrRequestCard(request: HrCardRequest): SlackMessage {
  const { schedule, work } = request;
  const locale = defaultLocale[request.disclosure.jurisdiction];
  const travel = schedule.travelMinutes;
  const time = formatTimeRange(
    shiftClock(schedule.sessionStart, -travel),
    shiftClock(schedule.sessionEnd, travel),
    work.timeZone,
    locale,
  );
  const weeks = weeksBetween(schedule.startDate, schedule.endDate);
  const blocks: KnownBlock[] = [
    header(`New request: ${request.id}`),
    section(`<@${request.employeeId}> has asked for a change to their working hours.`),
    {
      type: 'section',
      fields: [
        {
          type: 'mrkdwn',
          text: `*Time needed${travel > 0 ? ', travel included' : ''}*\n${formatWeekdays(schedule.days, locale)}, ${time}`,
        },
        {
          type: 'mrkdwn',
          text: `*Dates*\n${dateRange(schedule.startDate, schedule.endDate)} (${weeks} ${weeks === 1 ? 'week' : 'weeks'})`,
        },
        {
          type: 'mrkdwn',
          text: `*Usual hours*\n${formatWeekdays(work.days, locale)}, ${formatTimeRange(work.start, work.end, work.timeZone, locale)}`,
        },
        {
          type: 'mrkdwn',
          text: `*Asked for*\n${request.accommodations.map((type) => `• ${accommodationShortLabels[type]}`).join('\n')}`,
        },
      ],
    },
    context(
      request.disclosure.shareScheduleWithManager
        ? 'The employee is happy for their manager to be told the approved days and hours (not the reason).'
        : 'The employee has not asked for their manager to be told. Please check with them before sharing anything.',
    ),
    actions(hrCardIds.actionsBlock, [
      { text: 'View request', actionId: hrCardIds.viewRequest, value: request.id, style: 'primary' },
    ]),
  ];
  return { text: `New accommodation request ${request.id} from <@${request.employeeId}>`, blocks };
}
