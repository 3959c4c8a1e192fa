import type { App } from '@slack/bolt';
import type { AppServices } from '../../../services.js';
import { forEmployee } from '../audience.js';
import { startRequestShortcut } from './employee/start-request-shortcut.js';

export const shortcutIds = { start: 'start_accommodation_request' } as const;

/** Shortcuts: each callback id to its handler. */
export function register(app: App, services: AppServices): void {
  app.shortcut(shortcutIds.start, forEmployee(startRequestShortcut(services)));
}
