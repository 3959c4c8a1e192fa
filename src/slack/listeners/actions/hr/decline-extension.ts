import type { AppServices } from '../../../../services.js';
import { commandButton } from '../../hr-handlers.js';

/** "Keep the end date": the extension asked for is not given; the arrangement keeps its dates. */
export const declineExtension = (services: AppServices) => commandButton(services, 'decline_extension');
