import type { AppServices } from '../../../../services.js';
import { reassignForm } from '../../../views/hr/forms.js';
import { formButton } from '../../hr-handlers.js';

/** "Reassign": choose who in HR handles the request. */
export const reassign = (services: AppServices) =>
  formButton(services, 'assign', (request) => reassignForm(request.id, request.assigneeId));
