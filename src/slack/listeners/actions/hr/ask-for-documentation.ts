import type { AppServices } from '../../../../services.js';
import { requestDocumentationForm } from '../../../views/hr/forms.js';
import { formButton } from '../../hr-handlers.js';

/** "Ask for documentation": first the EEOC confirmation, then what the provider should confirm. */
export const askForDocumentation = (services: AppServices) =>
  formButton(services, 'request_documentation', (request) => requestDocumentationForm(request.id));
