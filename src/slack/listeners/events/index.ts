import type { App } from '@slack/bolt';
import type { AppServices } from '../../../services.js';
import { forEmployee } from '../audience.js';
import { appHomeOpened } from './employee/app-home-opened.js';

/** Events API: each event type to its handler. */
export function register(app: App, services: AppServices): void {
  app.event('app_home_opened', forEmployee(appHomeOpened(services)));
}
