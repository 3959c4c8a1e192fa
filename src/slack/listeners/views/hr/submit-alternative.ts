import type { AppServices } from '../../../../services.js';
import { readOfferAlternative } from '../../../views/hr/read-forms.js';
import { formSubmission } from '../../hr-handlers.js';

/** "Offer an alternative": the pattern and its explanation; the employee gets Accept and Decline. */
export const submitAlternative = (services: AppServices) =>
  formSubmission(services, 'offer_alternative', (values, request) =>
    readOfferAlternative(values, request.work.timeZone),
  );
