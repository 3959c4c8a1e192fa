import type { AppServices } from '../../../../services.js';
import { denyForm } from '../../../views/hr/decision-forms.js';
import { formButton } from '../../hr-handlers.js';

/** "Deny": the reason, its explanation, the alternatives considered and the way back. */
export const deny = (services: AppServices) =>
  formButton(services, 'deny', (request) => denyForm(request.id));
