import type { AppServices } from '../../../../services.js';
import { commandButton } from '../../hr-handlers.js';

/** "Documentation received": the provider answered HR; HR's paused clock runs again. */
export const documentationReceived = (services: AppServices) =>
  commandButton(services, 'documentation_received');
