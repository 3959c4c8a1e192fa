import type { App } from '@slack/bolt';
import type { AppServices } from '../../../app.js';
import { homeView } from '../../views/home.js';

export function register(app: App, services: AppServices): void {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    await client.views.publish({
      user_id: event.user,
      view: homeView({ companyName: services.config.org.companyName }),
    });
  });
}
