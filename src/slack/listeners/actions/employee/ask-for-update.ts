import type { AppServices } from '../../../../services.js';
import { employeeCommandButton } from './employee-command-button.js';

/**
 * "Ask HR for an update": `decide` allows it once HR's answer is overdue, once per period; the
 * status inquiry in the card's thread and the employee's DM follow as effects. A refusal says when
 * they can ask.
 */
export const askForUpdate = (services: AppServices) => employeeCommandButton(services, 'request_update');
