import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from '../logger.js';
import type { AppPost, SlackPost, Store } from '../store/types.js';

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

/** One or more requests a post is about: the purge of any of them deletes it from Slack. */
export interface PostSubject {
  readonly teamId: string;
  readonly requestIds: readonly string[];
}

const subjects = new AsyncLocalStorage<PostSubject>();

/**
 * Runs `work` with every message and file the app posts in it (in any channel) remembered as about
 * these requests, in each request's list of posts (`outbox.posts`), so that the request's purge
 * deletes them from Slack: HR's card and its thread, the DMs, reminders, letters, exports.
 */
export function postingAbout<T>(subject: PostSubject, work: () => Promise<T>): Promise<T> {
  return subjects.run(subject, work);
}

/** How a post remembered by `postingAbout` is kept among the request's posts. */
export function postAbout(post: AppPost & { readonly channel?: string }): SlackPost {
  return post.kind === 'file'
    ? { kind: `file:${post.id}`, channel: post.channel ?? '-', ts: '-' }
    : { kind: `post:${post.ts}`, channel: post.channel, ts: post.ts };
}

/** The file id of a request's post that is a file, or undefined for a message. */
export function fileOf(post: SlackPost): string | undefined {
  return post.kind.startsWith('file:') ? post.kind.slice(5) : undefined;
}

const isChannel = (channel: unknown): channel is string => typeof channel === 'string' && channel !== '';

/** Slack's ids for direct messages start with D; only posts there are the person's own. */
const isDirectMessage = (channel: unknown): channel is string =>
  typeof channel === 'string' && channel.startsWith('D');

/** A fetch for the Web API client that remembers each post the app makes in the owner's DM. */
export function rememberingAppPosts(
  baseFetch: typeof fetch,
  store: Pick<Store, 'appPosts' | 'outbox'>,
  logger: Logger,
  now: () => Date = () => new Date(),
): typeof fetch {
  return async (input, init) => {
    const owner = owners.getStore();
    const subject = subjects.getStore();
    const url = String(input instanceof Request ? input.url : input);
    const method = url.slice(url.lastIndexOf('/') + 1).split('?')[0] ?? '';
    if ((!owner && !subject) || (method !== 'chat.postMessage' && method !== 'files.completeUploadExternal'))
      return baseFetch(input, init);
    const response = await baseFetch(input, init);
    try {
      const reply = (await response.clone().json()) as Reply;
      if (owner) {
        const posts = postsIn(method, init?.body, reply, isDirectMessage);
        for (const post of posts) await store.appPosts.remember(owner.teamId, owner.userId, post, now());
      }
      if (subject) {
        for (const post of postsIn(method, init?.body, reply, isChannel)) {
          for (const requestId of subject.requestIds)
            await store.outbox.rememberPost(subject.teamId, requestId, postAbout(post));
        }
      }
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

/** What the call posted, where `counted` accepts the channel (a channel id for a message, too). */
function postsIn(
  method: string,
  body: RequestInit['body'] | undefined,
  reply: Reply,
  counted: (channel: unknown) => channel is string,
): (AppPost & { channel?: string })[] {
  if (reply.ok !== true) return [];
  if (method === 'chat.postMessage') {
    return counted(reply.channel) && typeof reply.ts === 'string'
      ? [{ kind: 'message', channel: reply.channel, ts: reply.ts }]
      : [];
  }
  // files.completeUploadExternal: the channel is in the request, the file ids in the reply.
  const form =
    typeof body === 'string' ? new URLSearchParams(body) : body instanceof URLSearchParams ? body : undefined;
  const channel = form?.get('channel_id');
  if (!counted(channel)) return [];
  return (reply.files ?? []).flatMap((file) =>
    typeof file.id === 'string' ? [{ kind: 'file' as const, id: file.id, channel }] : [],
  );
}
