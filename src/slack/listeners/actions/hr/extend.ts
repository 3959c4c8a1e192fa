import type { AppServices } from '../../../../services.js';
import { extendForm } from '../../../views/hr/forms.js';
import { formButton, pendingExtensionUntil } from '../../hr-handlers.js';

/**
 * "Extend": new last day and review date for an approved arrangement. Both start at the day the
 * employee asked for: the old review date has passed (that is why the review is on), and keeping it
 * would start the next review at once.
 */
export const extend = (services: AppServices) =>
  formButton(services, 'extend', (request) => {
    const endDate =
      pendingExtensionUntil(request) ?? request.approval?.pattern.endDate ?? request.schedule.endDate;
    return extendForm(request.id, endDate, endDate);
  });
