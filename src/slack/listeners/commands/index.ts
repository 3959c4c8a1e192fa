import type { App } from '@slack/bolt';
import type { AppServices } from '../../../app.js';
import { privacyNoticeView } from '../../views/privacy-notice.js';

export function register(app: App, services: AppServices): void {
  app.command('/accommodation', async ({ ack, body, client }) => {
    await ack();
    await client.views.open({
      trigger_id: body.trigger_id,
      view: privacyNoticeView({
        companyName: services.config.org.companyName,
        retentionDays: services.config.retentionDays,
        accepted: false,
      }),
    });
  });
}
