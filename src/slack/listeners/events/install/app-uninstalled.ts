import type { AppServices } from '../../../../services.js';
import { installKeyOf } from '../../../install-key.js';
import { markUninstalled } from '../../../uninstalled.js';
import type { EventArgs } from '../../args.js';

/** The app was removed from a workspace or organisation: stop all work there, say so once. */
export const appUninstalled =
  (services: AppServices) =>
  async ({ body }: EventArgs<'app_uninstalled'>): Promise<void> => {
    const install = installKeyOf(body);
    if (!install) return;
    markUninstalled(install);
    services.logger.warn({ install }, 'the app was uninstalled here: no more work is done for this install');
  };
