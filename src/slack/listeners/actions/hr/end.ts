import type { AppServices } from '../../../../services.js';
import { confirmForm } from '../../../views/hr/forms.js';
import { hrFormIds } from '../../../views/hr/ids.js';
import { formButton } from '../../hr-handlers.js';

/** "End": an approved arrangement stops; a confirmation first. */
export const end = (services: AppServices) =>
  formButton(services, 'end', (request) =>
    confirmForm({
      callbackId: hrFormIds.end,
      reference: request.id,
      title: 'End',
      submit: 'End arrangement',
      question: `End the arrangement for *${request.id}*?`,
      note: 'The employee’s usual hours apply again. The employee, and their manager if they were told, hear only that.',
    }),
  );
