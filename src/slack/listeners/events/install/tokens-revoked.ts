import type { AppServices } from '../../../../services.js';
import { installKeyOf } from '../../../install-key.js';
import { markUninstalled } from '../../../uninstalled.js';
import type { EventArgs } from '../../args.js';

/** Our bot's token was revoked (a user token revoked elsewhere changes nothing for us). */
export const tokensRevoked =
  (services: AppServices) =>
  async ({ body, event, context }: EventArgs<'tokens_revoked'>): Promise<void> => {
    const install = installKeyOf(body);
    const bots = event.tokens.bot ?? [];
    if (!install || (context.botUserId && !bots.includes(context.botUserId) && bots.length > 0)) return;
    if (bots.length === 0) return;
    markUninstalled(install);
    services.logger.warn(
      { install },
      'the bot token was revoked here: no more work is done for this install',
    );
  };
