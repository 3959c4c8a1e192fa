import type { AppServices } from '../../../../services.js';
import { installKeyOf } from '../../../install-key.js';
import { openStartOrExplain } from '../../../open-start.js';
import type { GlobalShortcutArgs } from '../../args.js';

/** The global shortcut: the same start as `/accommodation`, from anywhere in Slack. */
export const startRequestShortcut =
  (services: AppServices) =>
  async ({ ack, shortcut, client }: GlobalShortcutArgs): Promise<void> => {
    await ack();
    const teamId = installKeyOf(shortcut) ?? '';
    await openStartOrExplain(services, client, shortcut.trigger_id, { teamId, userId: shortcut.user.id });
  };
