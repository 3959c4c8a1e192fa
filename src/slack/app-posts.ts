import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from '../logger.js';
import type { AppPost, Store } from '../store/types.js';

/**
 * The app's own messages and files in a person's DM with it are remembered as they are posted
 * (where they are, never what they say), so that Delete my data can delete them from Slack.
 *
 * Remembered where every Web API call leaves, not at each place that posts: a new message added
 * anywhere later is remembered without anyone having to think of it. Whose DM it is comes from the
 * work in hand: the person acting on an incoming Slack request (set by middleware), or the employee
 * a delivery is for (set by the worker).
 */

export interface PostOwner {
  readonly teamId: string;
  readonly userId: string;
}

const owners = new AsyncLocalStorage<PostOwner>();

/** Runs `work` with the app's DM posts in it remembered as `owner`'s. */
export function postingFor<T>(owner: PostOwner, work: () => Promise<T>): Promise<T> {
  return owners.run(owner, work);
}

/** Slack's ids for direct messages start with D; only posts there are the person's own. */
const isDirectMessage = (channel: unknown): channel is string =>
  typeof channel === 'string' && channel.startsWith('D');

/** A fetch for the Web API client that remembers each post the app makes in the owner's DM. */
export function rememberingAppPosts(
  baseFetch: typeof fetch,
  store: Pick<Store, 'appPosts'>,
  logger: Logger,
  now: () => Date = () => new Date(),
): typeof fetch {
  return async (input, init) => {
    const owner = owners.getStore();
    const url = String(input instanceof Request ? input.url : input);
    const method = url.slice(url.lastIndexOf('/') + 1).split('?')[0] ?? '';
    if (!owner || (method !== 'chat.postMessage' && method !== 'files.completeUploadExternal'))
      return baseFetch(input, init);
    const response = await baseFetch(input, init);
    try {
      const posts = postsIn(method, init?.body, (await response.clone().json()) as Reply);
      for (const post of posts) await store.appPosts.remember(owner.teamId, owner.userId, post, now());
    } catch (error) {
      // The post itself went out; only Delete my data will not find it. Logged without content.
      logger.warn({ err: error, method }, 'could not remember where the app posted');
    }
    return response;
  };
}

interface Reply {
  readonly ok?: boolean;
  readonly channel?: unknown;
  readonly ts?: unknown;
  readonly files?: readonly { readonly id?: unknown }[];
}

function postsIn(method: string, body: RequestInit['body'] | undefined, reply: Reply): AppPost[] {
  if (reply.ok !== true) return [];
  if (method === 'chat.postMessage') {
    return isDirectMessage(reply.channel) && typeof reply.ts === 'string'
      ? [{ kind: 'message', channel: reply.channel, ts: reply.ts }]
      : [];
  }
  // files.completeUploadExternal: the channel is in the request, the file ids in the reply.
  const form =
    typeof body === 'string' ? new URLSearchParams(body) : body instanceof URLSearchParams ? body : undefined;
  if (!isDirectMessage(form?.get('channel_id'))) return [];
  return (reply.files ?? []).flatMap((file) =>
    typeof file.id === 'string' ? [{ kind: 'file' as const, id: file.id }] : [],
  );
}
