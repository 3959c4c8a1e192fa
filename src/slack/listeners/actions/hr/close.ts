import type { AppServices } from '../../../../services.js';
import { confirmForm } from '../../../views/hr/forms.js';
import { hrFormIds } from '../../../views/hr/ids.js';
import { formButton } from '../../hr-handlers.js';

/** "Close": a confirmation first; the employee is told the request is closed. */
export const close = (services: AppServices) =>
  formButton(services, 'close', (request) =>
    confirmForm({
      callbackId: hrFormIds.close,
      reference: request.id,
      title: 'Close',
      submit: 'Close request',
      question: `Close *${request.id}*?`,
      note:
        request.status === 'approved'
          ? 'The arrangement stops applying; the employee (and their manager, if they were told) hear that it has ended.'
          : 'The employee is told the request is closed. Its record is kept until the retention period ends.',
    }),
  );
