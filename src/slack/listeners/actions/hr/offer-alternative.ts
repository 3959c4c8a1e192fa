import type { AppServices } from '../../../../services.js';
import { offerAlternativeForm } from '../../../views/hr/decision-forms.js';
import { defaultsFrom } from '../../../views/hr/pattern-form.js';
import { formButton } from '../../hr-handlers.js';

/** "Offer an alternative": another working pattern, as structured fields, and a short why. */
export const offerAlternative = (services: AppServices) =>
  formButton(services, 'offer_alternative', (request) =>
    offerAlternativeForm(request.id, defaultsFrom(request, request.alternative?.pattern)),
  );
