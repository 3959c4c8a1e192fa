import type { webApi } from '@slack/bolt';
import { section } from './views/blocks.js';

type Client = webApi.WebClient;

export async function directMessageChannel(client: Client, userId: string): Promise<string> {
  const opened = await client.conversations.open({ users: userId });
  return opened.channel?.id ?? userId;
}

/** One short sentence of our own wording, as the notification text and as the message itself. */
export async function postSentence(client: Client, channel: string, text: string): Promise<void> {
  await client.chat.postMessage({ channel, text, blocks: [section(text)] });
}

/** The same sentence in the person's DM with the app. */
export async function tellInDm(client: Client, userId: string, text: string): Promise<void> {
  await postSentence(client, await directMessageChannel(client, userId), text);
}
