import type { AppServices } from '../../../../services.js';
import { formSubmission } from '../../hr-handlers.js';

/** The Close confirmation. */
export const submitClose = (services: AppServices) =>
  formSubmission(services, 'close', () => ({ value: {}, errors: {} }));
