import type { AppServices } from '../../../../services.js';
import { formSubmission } from '../../hr-handlers.js';

/** The End confirmation. */
export const submitEnd = (services: AppServices) =>
  formSubmission(services, 'end', () => ({ value: {}, errors: {} }));
