import type { types } from '@slack/bolt';
import type { ActionId } from '../../domain/lifecycle/actions.js';
import { statusLabels } from '../../domain/statuses.js';
import type { MyRequest } from '../../workflows/my-requests.js';
import { type KnownBlock, plain, section } from './blocks.js';
import { employeeEventIds } from './employee-event.js';
import { dateRange, shortDate } from './text.js';

/**
 * One of the employee's requests on their own screens (the Home tab, `/accommodation status`):
 * built from their projection, with a button for each action `availableActions` lists that these
 * screens can carry out. Pure.
 */

export const myRequestIds = {
  /** Each button's value is the request's reference. */
  viewRequest: 'home_request_view',
  withdrawRequest: 'home_request_withdraw',
  askForUpdate: 'home_request_ask_update',
  /** A request's buttons sit in the block `home_request_<reference>`. */
  blockPrefix: 'home_request_',
} as const;

/**
 * The actions these screens have a listener for, and the button's action id. An action
 * `availableActions` lists that is not here has no button: a button with nothing behind it would
 * be worse than none. Answering HR uses the same listeners as the DM.
 */
const buttonIds: Partial<Record<ActionId, string>> = {
  view_request: myRequestIds.viewRequest,
  accept_alternative: employeeEventIds.acceptAlternative,
  decline_alternative: employeeEventIds.declineAlternative,
  provider_pending: employeeEventIds.providerPending,
  request_update: myRequestIds.askForUpdate,
  request_extension: employeeEventIds.askForExtension,
  end: employeeEventIds.endArrangement,
  withdraw: myRequestIds.withdrawRequest,
};

/** The actions that get a button on the employee's own screens. */
export const myRequestButtonActions = Object.keys(buttonIds) as ActionId[];

/** The request's line (reference, status, dates), what it waits on, then its buttons. */
export function myRequestBlocks({ request, actions, hrOverdue }: MyRequest): KnownBlock[] {
  const facts = [
    dateRange(request.schedule.startDate, request.schedule.endDate),
    request.submittedAt ? `sent ${shortDate(request.submittedAt)}` : undefined,
  ].filter(Boolean);
  const next = nextStep(request, hrOverdue);
  const blocks: KnownBlock[] = [
    section(
      `*${request.reference}* · ${statusLabels[request.status]}\n${facts.join(' · ')}${next ? `\n${next}` : ''}`,
    ),
  ];
  const buttons = actions.flatMap((action): types.Button[] => {
    const actionId = buttonIds[action.id];
    if (!actionId) return [];
    return [
      {
        type: 'button',
        text: plain(action.label),
        action_id: actionId,
        value: request.reference,
        // Withdrawing opens a form that asks first; a red button on a list would only alarm.
        ...(action.style === 'primary' ? { style: 'primary' as const } : {}),
      },
    ];
  });
  if (buttons.length > 0) {
    blocks.push({
      type: 'actions',
      block_id: `${myRequestIds.blockPrefix}${request.reference}`,
      elements: buttons,
    });
  }
  return blocks;
}

/** Who the request waits on and by when, in the employee's words; nothing when nobody is expected to act. */
function nextStep(request: MyRequest['request'], hrOverdue: boolean): string | undefined {
  const by = request.dueAt ? shortDate(request.dueAt) : undefined;
  switch (request.waitingOn) {
    case 'hr':
      if (hrOverdue) return by ? `HR’s answer was due ${by}.` : 'HR’s answer is late.';
      return by ? `HR aims to answer by ${by}.` : 'Waiting for HR.';
    case 'employee':
      return by ? `HR is waiting to hear from you, by ${by}.` : 'HR is waiting to hear from you.';
    case 'provider':
      return 'Waiting for the form from your provider.';
    case 'nobody':
      return undefined;
  }
}
