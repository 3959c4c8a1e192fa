import type { AppServices } from '../../../../services.js';
import { readApprove } from '../../../views/hr/read-forms.js';
import { formSubmission } from '../../hr-handlers.js';

/** "Approve": the approval letter to the employee; the manager hears the pattern only, with consent. */
export const submitApproval = (services: AppServices) =>
  formSubmission(services, 'approve', (values, request) => readApprove(values, request.work.timeZone));
