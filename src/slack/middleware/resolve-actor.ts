import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { resolveActor } from '../../domain/access.js';
import type { ProfileCache } from '../profile.js';
import type { RoleDirectory } from '../role-directory.js';
import { setActing } from './acting-person.js';
import { runThenFlush } from './after-ack.js';
import { actingTeam, actingUser } from './privacy-scope.js';

export interface ResolveActorOptions {
  readonly roles: RoleDirectory;
  readonly profiles: ProfileCache;
}

/**
 * Resolves the acting person once per request, from memory only (no Web API call before the
 * listener acks), and puts them in the context. After the listener has finished (and so has
 * acknowledged), the role directory and the person's profile are fetched again if they have grown
 * old, so the next request finds them fresh.
 */
export function resolveActorMiddleware({
  roles,
  profiles,
}: ResolveActorOptions): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, client, next }) => {
    const userId = actingUser(body);
    // The body's own team first, as the listeners key the store by it.
    const teamId = actingTeam(body) ?? context.teamId ?? '';
    if (!userId) {
      await runThenFlush(next);
      return;
    }
    const person = { teamId, userId };
    setActing(context, { person, actor: resolveActor(userId, roles.current()) });
    try {
      await runThenFlush(next);
    } finally {
      // After the ack: refresh what the next request will read from memory. Never awaited by Slack.
      void roles.refreshIfStale(client);
      if (userId !== context.botUserId) void profiles.refreshIfStale(client, person);
    }
  };
}
