import type { EapDashboard, EapPersonLine } from '../../../domain/eap-dashboard.js';
import { accommodationTypes } from '../../../domain/request.js';
import { type Figure, figureText } from '../../../domain/small-cells.js';
import { openStatuses } from '../../../domain/statuses.js';
import { context, divider, header, type KnownBlock, section, type View } from '../blocks.js';
import { hrStatusLabels } from '../hr-card.js';
import { accommodationShortLabels } from '../intake/options.js';
import { shortDate } from '../text.js';

/**
 * Person rows shown: with the figures' blocks and the room a manager section may take
 * (MANAGER_HOME_MAX_BLOCKS), inside Slack's 100 blocks.
 */
export const EAP_HOME_MAX_PEOPLE = 40;

/**
 * The EAP coordinator's Home tab: the workspace's figures, small groups hidden, and a row for each
 * employee who agreed to EAP tracking. Built from the dashboard alone, which holds no reason, no
 * letter and no free text. A coordinator who manages people also sees what they were told as a
 * manager (`managerBlocks`, from manager projections only; empty adds nothing).
 */
export function eapHomeView(dashboard: EapDashboard, managerBlocks: readonly KnownBlock[] = []): View {
  const n = (figure: Figure) => figureText(figure, dashboard.minGroup);
  const days = (figure: Figure) =>
    figureText(figure, dashboard.minGroup, (value) => `${value} business day${value === 1 ? '' : 's'}`);
  const statusLines = openStatuses.map(
    (status) => `• ${hrStatusLabels[status]}: ${n(dashboard.byStatus[status])}`,
  );
  const typeLines = accommodationTypes.map(
    (type) =>
      `• ${accommodationShortLabels[type].replace(/ \(see the request\)$/, '')}: ${n(dashboard.byType[type])}`,
  );
  const blocks: KnownBlock[] = [
    header('Accommodation tracking'),
    section(
      [
        `*Open requests:* ${n(dashboard.open)}`,
        `*Overdue for HR’s answer:* ${n(dashboard.overdue)}`,
        `*Arrangements in place:* ${n(dashboard.active)}`,
        `*Reviews due in the next 14 days:* ${n(dashboard.reviewsDueSoon)}`,
      ].join('\n'),
    ),
    section(
      [
        `*Sent this month:* ${n(dashboard.thisMonth)}`,
        `*Sent this quarter:* ${n(dashboard.thisQuarter)}`,
        `*Typical time to HR’s first response:* ${days(dashboard.medianDaysToFirstResponse)}`,
        `*Typical time to a decision:* ${days(dashboard.medianDaysToDecision)}`,
      ].join('\n'),
    ),
    section(`*Open requests by status*\n${statusLines.join('\n')}`),
    section(`*What open requests ask for*\n${typeLines.join('\n')}`),
    context(
      `A figure from fewer than ${dashboard.minGroup} people reads “fewer than ${dashboard.minGroup}”, and so does ` +
        'one that would let it be worked out. Typical times are medians, in business days. No reason, letter or ' +
        'anyone’s words are ever shown here.',
    ),
    divider(),
    header('People who asked you to follow their request'),
  ];
  if (dashboard.people.length === 0)
    blocks.push(
      section('Nobody has asked for their request to be followed yet. Only those who agree are listed.'),
    );
  for (const person of dashboard.people.slice(0, EAP_HOME_MAX_PEOPLE))
    blocks.push(section(personLine(person)));
  const more = dashboard.people.length - EAP_HOME_MAX_PEOPLE;
  if (more > 0) blocks.push(context(`…and ${more} more, whose requests changed longest ago.`));
  if (managerBlocks.length > 0) blocks.push(divider(), ...managerBlocks);
  return { type: 'home', blocks };
}

function personLine(person: EapPersonLine): string {
  const dates = [
    person.submittedAt ? `sent ${shortDate(person.submittedAt)}` : undefined,
    `last change ${shortDate(person.statusChangedAt)}`,
    person.reviewDate ? `review ${shortDate(person.reviewDate)}` : undefined,
    person.endsOn ? `ends ${shortDate(person.endsOn)}` : undefined,
  ].filter(Boolean);
  return [
    `*${person.reference}* · <@${person.employeeId}> · ${hrStatusLabels[person.status]}`,
    dates.join(' · '),
    `Next: ${nextStep(person)}`,
  ].join('\n');
}

function nextStep(person: EapPersonLine): string {
  const due = person.dueAt ? shortDate(person.dueAt) : undefined;
  switch (person.waitingOn) {
    case 'hr':
      return person.overdue ? `HR’s answer, overdue since ${due}` : `HR’s answer${due ? `, due ${due}` : ''}`;
    case 'employee':
      return `the employee’s answer${due ? `, due ${due}` : ''}`;
    case 'provider':
      return 'a form from the employee’s provider';
    default:
      return person.status === 'approved' || person.status === 'review_due'
        ? 'the arrangement runs; HR reviews it on the review date'
        : 'nothing: the request has finished';
  }
}
