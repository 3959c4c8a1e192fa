import type { AppServices } from '../../../../services.js';
import { employeeCommandButton } from './employee-command-button.js';

/** "Accept" on HR's suggestion: HR is told and can approve it; a stale button is answered kindly. */
export const acceptAlternative = (services: AppServices) =>
  employeeCommandButton(services, 'accept_alternative');
