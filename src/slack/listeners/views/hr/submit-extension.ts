import type { AppServices } from '../../../../services.js';
import { readExtend } from '../../../views/hr/read-forms.js';
import { formSubmission } from '../../hr-handlers.js';

/** The Extend form: new last day and review date. */
export const submitExtension = (services: AppServices) => formSubmission(services, 'extend', readExtend);
