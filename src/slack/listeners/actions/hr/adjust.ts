import type { AppServices } from '../../../../services.js';
import { adjustForm } from '../../../views/hr/forms.js';
import { defaultsFrom } from '../../../views/hr/pattern-form.js';
import { formButton, pendingExtensionUntil } from '../../hr-handlers.js';

/** "Adjust": the arrangement's hours and dates, starting from what is approved now. */
export const adjust = (services: AppServices) =>
  formButton(services, 'extend', (request) => {
    const defaults = defaultsFrom(request, request.approval?.pattern);
    const endDate = pendingExtensionUntil(request) ?? defaults.endDate;
    // The next review starts at the last day, not at the old review date that began this one.
    return adjustForm(request.id, { ...defaults, endDate }, endDate);
  });
