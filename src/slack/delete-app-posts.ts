import type { webApi } from '@slack/bolt';
import type { AppPost, SlackPost, Store } from '../store/types.js';
import type { PostOwner } from './app-posts.js';

/** What the app posted about a request in the employee's DM: the outbox's `dm:` posts. */
export const isEmployeeDm = (post: SlackPost): boolean => post.kind.startsWith('dm:');

export interface DeletedAppPosts {
  readonly messages: number;
  readonly files: number;
  /** Slack refused or could not be reached: kept in the list for the next try. */
  readonly notDeleted: number;
}

/** Slack's answers that mean the message or file is already gone: nothing left to delete. */
const ALREADY_GONE = new Set(['message_not_found', 'channel_not_found', 'file_not_found', 'file_deleted']);

const errorCode = (error: unknown): string | undefined => {
  const code = (error as { data?: { error?: unknown } }).data?.error;
  return typeof code === 'string' ? code : undefined;
};

/**
 * Deletes from Slack the app's own messages and files in the person's DM with it: those remembered
 * as they were posted, and the messages the outbox remembers for each of their requests. Counts only
 * what this call deleted; what is already gone is forgotten, what Slack refused is kept for a retry.
 */
export async function deleteAppPostsInDm(
  client: webApi.WebClient,
  store: Pick<Store, 'appPosts' | 'outbox' | 'requests'>,
  owner: PostOwner,
): Promise<DeletedAppPosts> {
  const { teamId, userId } = owner;
  const remembered = await store.appPosts.list(teamId, userId);
  const fromRequests: AppPost[] = [];
  for (const summary of await store.requests.listByEmployee(teamId, userId)) {
    for (const post of await store.outbox.posts(teamId, summary.id)) {
      if (isEmployeeDm(post)) fromRequests.push({ kind: 'message', channel: post.channel, ts: post.ts });
    }
  }
  const seen = new Set<string>();
  const posts = [...remembered, ...fromRequests].filter((post) => {
    const key = post.kind === 'file' ? `f|${post.id}` : `m|${post.channel}|${post.ts}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  let messages = 0;
  let files = 0;
  let notDeleted = 0;
  const settled: AppPost[] = [];
  for (const post of posts) {
    try {
      if (post.kind === 'file') {
        await client.files.delete({ file: post.id });
        files++;
      } else {
        await client.chat.delete({ channel: post.channel, ts: post.ts });
        messages++;
      }
      settled.push(post);
    } catch (error) {
      const code = errorCode(error);
      if (code && ALREADY_GONE.has(code)) settled.push(post);
      else notDeleted++;
    }
  }
  await store.appPosts.forget(
    teamId,
    userId,
    settled.filter((post) => remembered.includes(post)),
  );
  return { messages, files, notDeleted };
}
