import type { App } from '@slack/bolt';
import type { AppServices } from '../../../app.js';
import { publishHome } from '../journey.js';

export function register(app: App, services: AppServices): void {
  app.event('app_home_opened', async ({ event, body, client, context }) => {
    if (event.tab !== 'home') return;
    await publishHome(services, client, { teamId: context.teamId ?? body.team_id, userId: event.user });
  });
}
