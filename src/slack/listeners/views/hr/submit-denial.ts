import type { AppServices } from '../../../../services.js';
import { readDeny } from '../../../views/hr/read-forms.js';
import { formSubmission } from '../../hr-handlers.js';

/** "Deny": refused inline until the reason, explanation, alternatives and the way back are all there. */
export const submitDenial = (services: AppServices) => formSubmission(services, 'deny', readDeny);
