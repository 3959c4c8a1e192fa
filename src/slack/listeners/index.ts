import type { App } from '@slack/bolt';
import type { AppServices } from '../../services.js';
import { register as registerActions } from './actions/index.js';
import { register as registerCommands } from './commands/index.js';
import { register as registerEvents } from './events/index.js';
import { register as registerMessages } from './messages/index.js';
import { register as registerShortcuts } from './shortcuts/index.js';
import { register as registerViews } from './views/index.js';

/** Every listener, by Slack surface. Each surface's `index.ts` maps ids to named handlers. */
export function registerListeners(app: App, services: AppServices): void {
  registerMessages(app, services);
  registerCommands(app, services);
  registerShortcuts(app, services);
  registerEvents(app, services);
  registerActions(app, services);
  registerViews(app, services);
}
