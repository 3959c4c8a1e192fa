import type { App } from '@slack/bolt';
import type { AppServices } from '../../../app.js';
import { openStartOrExplain } from '../journey.js';

export const shortcutIds = { start: 'start_accommodation_request' } as const;

/** The global shortcut: the same start as `/accommodation`, from anywhere in Slack. */
export function register(app: App, services: AppServices): void {
  app.shortcut(shortcutIds.start, async ({ ack, shortcut, client }) => {
    await ack();
    const teamId = shortcut.team?.id ?? '';
    await openStartOrExplain(services, client, shortcut.trigger_id, { teamId, userId: shortcut.user.id });
  });
}
