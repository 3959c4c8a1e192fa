import type { App } from '@slack/bolt';
import type { AppServices } from '../../../services.js';
import { forEmployee } from '../audience.js';
import { accommodationCommand } from './employee/accommodation-command.js';

/** Slash commands: each command to its handler. */
export function register(app: App, services: AppServices): void {
  app.command('/accommodation', forEmployee(accommodationCommand(services)));
}
