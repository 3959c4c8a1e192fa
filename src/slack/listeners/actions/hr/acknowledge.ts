import type { AppServices } from '../../../../services.js';
import { commandButton } from '../../hr-handlers.js';

/** "Acknowledge": the acknowledgment letter goes to the employee and HR's decision clock runs. */
export const acknowledge = (services: AppServices) => commandButton(services, 'acknowledge');
