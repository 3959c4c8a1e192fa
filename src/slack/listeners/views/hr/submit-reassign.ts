import type { AppServices } from '../../../../services.js';
import { hrBlocks } from '../../../views/hr/ids.js';
import { readReassign } from '../../../views/hr/read-forms.js';
import { formSubmission } from '../../hr-handlers.js';

/** The Reassign form: the request goes to another HR member (only someone in HR). */
export const submitReassign = (services: AppServices) =>
  formSubmission(services, 'assign', readReassign, (payload): Record<string, string> => {
    const { assigneeId } = payload as { assigneeId: string };
    if (!assigneeId) return { [hrBlocks.assignee]: 'Please choose who in HR handles it.' };
    // The cached directory: no Slack call may come before the ack.
    if (!services.roles.current().hrIds.has(assigneeId))
      return { [hrBlocks.assignee]: 'Please choose someone in the HR team.' };
    return {};
  });
