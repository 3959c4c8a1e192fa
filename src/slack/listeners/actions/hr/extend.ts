import type { AppServices } from '../../../../services.js';
import { extendForm } from '../../../views/hr/forms.js';
import { formButton } from '../../hr-handlers.js';

/** "Extend": new last day and review date for an approved arrangement. */
export const extend = (services: AppServices) =>
  formButton(services, 'extend', (request) =>
    extendForm(
      request.id,
      request.extension?.until ?? request.approval?.pattern.endDate ?? request.schedule.endDate,
      request.approval?.reviewDate ?? request.schedule.endDate,
    ),
  );
