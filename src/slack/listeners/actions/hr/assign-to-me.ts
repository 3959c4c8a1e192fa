import type { AppServices } from '../../../../services.js';
import { commandButton } from '../../hr-handlers.js';

/** "Assign to me": the HR member who pressed it handles the request from now on. */
export const assignToMe = (services: AppServices) =>
  commandButton(services, 'assign', (actor) => ({ assigneeId: actor.id }));
