import type { App } from '@slack/bolt';
import type { AppServices } from '../../../services.js';
import { forEmployee } from '../audience.js';
import { directMessage } from './employee/direct-message.js';

/** Messages: the DM with the app. */
export function register(app: App, services: AppServices): void {
  app.message(forEmployee(directMessage(services)));
}
