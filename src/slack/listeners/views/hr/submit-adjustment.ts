import type { AppServices } from '../../../../services.js';
import { readAdjust } from '../../../views/hr/read-forms.js';
import { formSubmission } from '../../hr-handlers.js';

/** The Adjust form: new hours and dates, given as `extend` (the approval letter, the manager with consent). */
export const submitAdjustment = (services: AppServices) =>
  formSubmission(services, 'extend', (values) => readAdjust(values));
