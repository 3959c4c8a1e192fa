import type { App } from '@slack/bolt';
import type { AppServices } from '../../../services.js';
import { forEmployee } from '../audience.js';
import { appHomeOpened } from './employee/app-home-opened.js';
import { appUninstalled } from './install/app-uninstalled.js';
import { tokensRevoked } from './install/tokens-revoked.js';

/** Events API: each event type to its handler. */
export function register(app: App, services: AppServices): void {
  app.event('app_home_opened', forEmployee(appHomeOpened(services)));
  app.event('app_uninstalled', appUninstalled(services));
  app.event('tokens_revoked', tokensRevoked(services));
}
