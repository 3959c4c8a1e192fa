import type { AppServices } from '../../../../services.js';
import { employeeCommandButton } from './employee-command-button.js';

/** "I’ve asked my provider": HR now waits on the provider, and nobody reminds the employee. */
export const providerPending = (services: AppServices) => employeeCommandButton(services, 'provider_pending');
