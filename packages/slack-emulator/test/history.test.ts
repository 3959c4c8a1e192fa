import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Directory } from '../src/directory.js';
import { type Emulator, startEmulator } from '../src/emulator.js';

/**
 * Message metadata and `conversations.history`, over HTTP as an app calls them: newest first,
 * metadata only when asked for, `has_more` with a cursor, and the history scope by the kind of
 * conversation.
 */

const directory: Directory = {
  team: { id: 'T1', domain: 'example', name: 'Example' },
  bot: { userId: 'U0BOT', botId: 'B0BOT', appId: 'A1', name: 'Test App' },
  users: [
    {
      id: 'UALICE',
      handle: 'alice',
      name: 'alice',
      realName: 'Alice Ames',
      title: 'Engineer',
      tz: 'Europe/Lisbon',
      tzLabel: 'Western European Time',
      tzOffset: 0,
      email: 'alice@example.com',
    },
  ],
  userGroups: {},
  channels: [
    { id: 'CPUBLIC', name: 'general', members: ['UALICE'] },
    { id: 'CPRIVATE', name: 'hr', members: ['UALICE'], isPrivate: true },
  ],
};

const started: Emulator[] = [];
async function emulatorWith(scopes?: string[]): Promise<Emulator> {
  const emulator = await startEmulator({
    directory,
    ...(scopes ? { manifest: { oauth_config: { scopes: { bot: scopes } } } } : {}),
  });
  started.push(emulator);
  return emulator;
}

async function call(emulator: Emulator, method: string, args: Record<string, unknown>) {
  const response = await fetch(`${emulator.apiUrl}${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${emulator.botToken}` },
    body: JSON.stringify(args),
  });
  return (await response.json()) as Record<string, unknown> & {
    messages?: Record<string, unknown>[];
  };
}

const cardMetadata = (reference: string) => ({
  event_type: 'accommodation_hr_card',
  event_payload: { reference },
});

let emulator: Emulator;
beforeAll(async () => {
  emulator = await emulatorWith();
});
afterAll(async () => {
  for (const one of started) await one.stop();
});

describe('message metadata and conversations.history', () => {
  it('keeps a post’s metadata and lists messages newest first, metadata only with include_all_metadata', async () => {
    const first = await call(emulator, 'chat.postMessage', {
      channel: 'CPUBLIC',
      text: 'first',
      metadata: cardMetadata('ACC-1'),
    });
    const second = await call(emulator, 'chat.postMessage', { channel: 'CPUBLIC', text: 'second' });
    expect(first.ok).toBe(true);
    expect((first.message as Record<string, unknown>).metadata).toEqual(cardMetadata('ACC-1'));

    const plain = await call(emulator, 'conversations.history', { channel: 'CPUBLIC' });
    expect(plain.ok).toBe(true);
    expect(plain.messages?.map((m) => m.ts)).toEqual([second.ts, first.ts]);
    expect(plain.messages?.some((m) => 'metadata' in m)).toBe(false);
    expect(plain.has_more).toBe(false);

    const withMetadata = await call(emulator, 'conversations.history', {
      channel: 'CPUBLIC',
      include_all_metadata: true,
    });
    expect(withMetadata.messages?.[1]).toMatchObject({
      ts: first.ts,
      bot_id: 'B0BOT',
      app_id: 'A1',
      metadata: cardMetadata('ACC-1'),
    });
    expect(withMetadata.messages?.[0]).not.toHaveProperty('metadata');
  });

  it('pages with limit, has_more and the cursor, and keeps to oldest', async () => {
    const channel = 'CPRIVATE';
    const posted: string[] = [];
    for (const text of ['a', 'b', 'c', 'd', 'e']) {
      const reply = await call(emulator, 'chat.postMessage', { channel, text });
      posted.push(String(reply.ts));
    }
    // A thread reply and an ephemeral message are not the channel's history.
    await call(emulator, 'chat.postMessage', { channel, text: 'reply', thread_ts: posted[0] });
    await call(emulator, 'chat.postEphemeral', { channel, user: 'UALICE', text: 'only alice' });

    const page1 = await call(emulator, 'conversations.history', { channel, limit: 2 });
    expect(page1.messages?.map((m) => m.text)).toEqual(['e', 'd']);
    expect(page1.has_more).toBe(true);
    const cursor = (page1.response_metadata as { next_cursor: string }).next_cursor;
    const page2 = await call(emulator, 'conversations.history', { channel, limit: 2, cursor });
    expect(page2.messages?.map((m) => m.text)).toEqual(['c', 'b']);
    const page3 = await call(emulator, 'conversations.history', {
      channel,
      limit: 2,
      cursor: (page2.response_metadata as { next_cursor: string }).next_cursor,
    });
    expect(page3.messages?.map((m) => m.text)).toEqual(['a']);
    expect(page3.has_more).toBe(false);

    const sinceB = await call(emulator, 'conversations.history', { channel, oldest: posted[1] });
    expect(sinceB.messages?.map((m) => m.text)).toEqual(['e', 'd', 'c']);
    const fromB = await call(emulator, 'conversations.history', {
      channel,
      oldest: posted[1],
      inclusive: true,
    });
    expect(fromB.messages?.map((m) => m.text)).toEqual(['e', 'd', 'c', 'b']);
  });

  it('refuses malformed metadata, an unknown channel and a malformed timestamp as Slack does', async () => {
    const bad = await call(emulator, 'chat.postMessage', {
      channel: 'CPUBLIC',
      text: 'x',
      metadata: { event_type: 'accommodation_hr_card', event_payload: 'ACC-1' },
    });
    expect(bad).toMatchObject({ ok: false, error: 'invalid_metadata_format' });
    expect(await call(emulator, 'conversations.history', { channel: 'CNOPE' })).toMatchObject({
      ok: false,
      error: 'channel_not_found',
    });
    expect(
      await call(emulator, 'conversations.history', { channel: 'CPUBLIC', oldest: 'yesterday' }),
    ).toMatchObject({ ok: false, error: 'invalid_ts_oldest' });
  });

  it('asks for the history scope of the conversation’s kind: channels, groups or im', async () => {
    const limited = await emulatorWith(['chat:write', 'channels:history']);
    expect(await call(limited, 'conversations.history', { channel: 'CPUBLIC' })).toMatchObject({ ok: true });
    expect(await call(limited, 'conversations.history', { channel: 'CPRIVATE' })).toMatchObject({
      ok: false,
      error: 'missing_scope',
      needed: 'groups:history',
    });
    expect(await call(limited, 'conversations.history', { channel: 'DALICE' })).toMatchObject({
      ok: false,
      error: 'missing_scope',
      needed: 'im:history',
    });
    const dms = await emulatorWith(['chat:write', 'im:history', 'groups:history']);
    expect(await call(dms, 'conversations.history', { channel: 'DALICE' })).toMatchObject({ ok: true });
    expect(await call(dms, 'conversations.history', { channel: 'CPRIVATE' })).toMatchObject({ ok: true });
    expect(await call(dms, 'conversations.history', { channel: 'CPUBLIC' })).toMatchObject({
      ok: false,
      error: 'missing_scope',
      needed: 'channels:history',
    });
  });
});
