import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../../logger.js';
import { installKeyOf } from '../install-key.js';
import { isUninstalled } from '../uninstalled.js';
import { withNote } from '../views/with-note.js';
import { actingUser } from './privacy-scope.js';

export const NO_WORKSPACE =
  'Slack didn’t say which workspace this came from, so I can’t find your request or draft. ' +
  'Nothing was changed. Please try again; if it keeps happening, ask your Slack admin to reinstall the app.';

type Json = Record<string, unknown>;

/**
 * Every request must say which install it belongs to; the store keys everything by it. One that
 * doesn't is answered plainly here, once, instead of failing later as if storage were down.
 */
export function requireInstallMiddleware(logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const { body, next } = args;
    const install = installKeyOf(body);
    if (isUninstalled(install)) {
      // Uninstalled or revoked: acknowledged, and nothing else is tried there.
      if ('ack' in args) await (args.ack as () => Promise<void>)();
      return;
    }
    if (install !== undefined) {
      await next();
      return;
    }
    const kind = (body as Json).type ?? ((body as Json).command ? 'command' : 'unknown');
    logger.warn({ kind }, 'a Slack request named no workspace or organisation');
    const ack = 'ack' in args ? (args.ack as (response?: unknown) => Promise<void>) : undefined;
    const payload = body as Json;
    if (payload.command !== undefined) {
      await ack?.({ response_type: 'ephemeral', text: NO_WORKSPACE });
      return;
    }
    if (payload.type === 'view_submission' && typeof payload.view === 'object' && payload.view) {
      await ack?.({ response_action: 'update', view: withNote(payload.view, NO_WORKSPACE) });
      return;
    }
    await ack?.();
    const userId = actingUser(body);
    if (!userId || payload.type === 'event_callback') return;
    try {
      const opened = await args.client.conversations.open({ users: userId });
      if (opened.channel?.id)
        await args.client.chat.postMessage({ channel: opened.channel.id, text: NO_WORKSPACE });
    } catch (error) {
      logger.warn({ err: error }, 'could not tell the person their workspace was not named');
    }
  };
}
