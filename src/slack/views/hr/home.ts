import type { Action } from '../../../domain/lifecycle/actions.js';
import type { HrView } from '../../../domain/projections.js';
import { actions, context, divider, header, type KnownBlock, section, type View } from '../blocks.js';
import { homeIds } from '../home.js';
import { dueLine, hrActionId, hrStatusLabels } from '../hr-card.js';
import { shortDate } from '../text.js';

export const hrHomeIds = {
  /** The button's value is the page number (from 0). */
  page: 'hr_home_page',
  pagingBlock: 'hr_home_paging',
  rowBlockPrefix: 'hr_home_row_',
  selfBlock: 'hr_home_self',
} as const;

/**
 * Requests per page: two blocks each, with the counts, the paging, HR's own buttons and the room a
 * manager section may take (MANAGER_HOME_MAX_BLOCKS), keeps the whole tab inside Slack's 100 blocks.
 */
export const HR_HOME_PAGE_SIZE = 20;
/** Quick actions per row: the likely next step, View request and History. */
const QUICK_ACTIONS = 3;

export interface HrQueueRow {
  readonly view: HrView;
  readonly actions: readonly Action[];
  readonly overdue: boolean;
}

export interface HrHomeOptions {
  readonly viewerId: string;
  /** Every open request, already in queue order (overdue first, then by due date). */
  readonly rows: readonly HrQueueRow[];
  readonly page: number;
  readonly now: Date;
  /**
   * As someone's manager: what this HR member was told (views/manager/home.ts), built from manager
   * projections only. Empty when they were told nothing, and then nothing is added.
   */
  readonly managerBlocks?: readonly KnownBlock[];
}

/**
 * HR's Home tab: the queue of open requests with counts at the top, by status, assignee and due
 * date, each with its quick actions. Paged: the tab says which requests it shows of how many and
 * offers the next page, so nothing is ever left off silently.
 */
export function hrHomeView({ viewerId, rows, page, now, managerBlocks = [] }: HrHomeOptions): View {
  const pages = Math.max(1, Math.ceil(rows.length / HR_HOME_PAGE_SIZE));
  const current = Math.min(Math.max(0, page), pages - 1);
  const shown = rows.slice(current * HR_HOME_PAGE_SIZE, (current + 1) * HR_HOME_PAGE_SIZE);
  const count = (test: (row: HrQueueRow) => boolean) => rows.filter(test).length;
  const counts = [
    `*Open:* ${rows.length}`,
    `*Overdue:* ${count((r) => r.overdue)}`,
    `*To acknowledge:* ${count((r) => r.view.status === 'submitted')}`,
    `*Waiting on the employee or provider:* ${count((r) => r.view.waitingOn === 'employee' || r.view.waitingOn === 'provider')}`,
    `*Unassigned:* ${count((r) => !r.view.assigneeId)}`,
    `*Yours:* ${count((r) => r.view.assigneeId === viewerId)}`,
  ];
  const blocks: KnownBlock[] = [
    header('Accommodation requests'),
    section(counts.join('   ')),
    context('Overdue first, then by when a response is due. The employee’s reason is never shown here.'),
    divider(),
  ];
  if (rows.length === 0) blocks.push(section('No open requests. New ones appear here and in HR’s channel.'));
  for (const row of shown) blocks.push(...rowBlocks(row, now));
  if (rows.length > 0) {
    const first = current * HR_HOME_PAGE_SIZE + 1;
    const last = current * HR_HOME_PAGE_SIZE + shown.length;
    blocks.push(
      context(`Showing ${first}–${last} of ${rows.length} open requests (page ${current + 1} of ${pages}).`),
    );
    const buttons = [
      ...(current > 0
        ? [{ text: 'Previous page', actionId: `${hrHomeIds.page}_prev`, value: String(current - 1) }]
        : []),
      ...(current < pages - 1
        ? [
            {
              text: 'Next page',
              actionId: `${hrHomeIds.page}_next`,
              value: String(current + 1),
              style: 'primary' as const,
            },
          ]
        : []),
    ];
    if (buttons.length > 0) blocks.push(actions(hrHomeIds.pagingBlock, buttons));
  }
  // HR members manage people too: what they were told as a manager, as any manager's Home shows it.
  if (managerBlocks.length > 0) blocks.push(divider(), ...managerBlocks);
  // HR members are employees too: the privacy notice and their own request are a click away.
  blocks.push(
    divider(),
    actions(hrHomeIds.selfBlock, [
      { text: 'Read the privacy notice', actionId: homeIds.readNotice },
      { text: 'Start a request of my own', actionId: homeIds.startRequest },
    ]),
    context('Your own requests: type `/accommodation status`.'),
  );
  return { type: 'home', blocks };
}

function rowBlocks({ view, actions: available, overdue }: HrQueueRow, now: Date): KnownBlock[] {
  const due = dueLine(view, now);
  const facts = [
    hrStatusLabels[view.status],
    view.assigneeId ? `<@${view.assigneeId}>` : 'unassigned',
    ...(view.submittedAt ? [`received ${shortDate(view.submittedAt)}`] : []),
    ...(due ? [due] : []),
  ];
  const blocks: KnownBlock[] = [
    section(
      `${overdue ? ':warning: ' : ''}*${view.reference}* · <@${view.employeeId}>\n${facts.join(' · ')}`,
    ),
  ];
  // The likely next step (the primary one when there is one), then the two ways to look.
  const next =
    available.find((a) => a.command && a.style === 'primary') ??
    available.find((a) => a.command && a.id !== 'add_note' && a.id !== 'reassign');
  const views = available.filter((a) => a.view !== undefined);
  const quick = [...(next ? [next] : []), ...views].slice(0, QUICK_ACTIONS);
  if (quick.length > 0)
    blocks.push(
      actions(
        `${hrHomeIds.rowBlockPrefix}${view.reference}`,
        quick.map((a) => ({
          text: a.label,
          actionId: hrActionId(a.id),
          value: view.reference,
          ...(a.style ? { style: a.style } : {}),
        })),
      ),
    );
  return blocks;
}
