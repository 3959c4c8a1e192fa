import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { postingFor } from '../app-posts.js';
import { installKeyOf } from '../install-key.js';
import { actingUser } from './privacy-scope.js';

/**
 * Whatever the app posts in a DM while it handles someone's request is remembered as theirs
 * (src/slack/app-posts.ts), so that their Delete my data can delete it from Slack.
 */
export function postOwnerMiddleware(): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next }) => {
    const teamId = installKeyOf(body);
    const userId = actingUser(body);
    if (!teamId || !userId) {
      await next();
      return;
    }
    await postingFor({ teamId, userId }, next);
  };
}
