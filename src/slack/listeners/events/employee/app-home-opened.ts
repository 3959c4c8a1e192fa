import type { AppServices } from '../../../../services.js';
import { installKeyOf } from '../../../install-key.js';
import { publishHome } from '../../../publish-home.js';
import type { EventArgs } from '../../args.js';

/** Opening the app's Home tab: the person's draft and requests, fresh. */
export const appHomeOpened =
  (services: AppServices) =>
  async ({ event, body, client, context }: EventArgs<'app_home_opened'>): Promise<void> => {
    if (event.tab !== 'home') return;
    await publishHome(services, client, {
      teamId: installKeyOf(body) ?? context.teamId ?? '',
      userId: event.user,
    });
  };
