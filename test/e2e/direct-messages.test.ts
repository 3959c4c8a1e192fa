import { eventEnvelope, type Json } from '@accommodation-assistant/slack-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../support/harness.js';

/**
 * Direct messages as Slack really sends them, not only as a person types them: another app's bot
 * posting in the DM, a reply inside a thread, a file dropped in. Shapes from Slack's Events API
 * documentation and its SDKs' fixtures.
 */

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness.stop();
});

const dm = () => harness.emulator.workspace.openDm(harness.employee.user.id);
let seq = 0;
const ts = () => `17${String(Date.now()).slice(-8)}.${String(++seq).padStart(6, '0')}`;

async function deliver(event: Record<string, unknown>) {
  const before = harness.calls().length;
  const delivery = await harness.emulator.sendEvent(
    eventEnvelope(harness.emulator.workspace, {
      type: 'message',
      channel: dm(),
      channel_type: 'im',
      ...event,
    } as Json),
  );
  expect(delivery.status).toBe(200);
  await harness.emulator.settle();
  return harness.calls().slice(before);
}

describe('messages the app must not answer', () => {
  it('ignores another app’s bot (bot_id, no subtype), so two bots cannot loop', async () => {
    const calls = await deliver({
      bot_id: 'B0OTHERAPP',
      user: 'U0OTHERBOT',
      text: 'Hello! How can I help?',
      ts: ts(),
    });
    expect(calls.filter((call) => call.method === 'chat.postMessage')).toEqual([]);
  });

  it('ignores a bot_message subtype too', async () => {
    const calls = await deliver({ subtype: 'bot_message', bot_id: 'B0OTHERAPP', text: 'Reminder', ts: ts() });
    expect(calls.filter((call) => call.method === 'chat.postMessage')).toEqual([]);
  });
});

describe('a reply inside a DM thread', () => {
  it('is answered in that thread', async () => {
    const parent = ts();
    const calls = await deliver({
      user: harness.employee.user.id,
      text: 'What can I ask for?',
      ts: ts(),
      thread_ts: parent,
    });
    const posts = calls.filter((call) => call.method === 'chat.postMessage' && call.ok);
    expect(posts.length).toBeGreaterThan(0);
    for (const post of posts) expect((post.args as Record<string, unknown>).thread_ts).toBe(parent);
  });

  it('a top-level message is still answered at the top level', async () => {
    const calls = await deliver({ user: harness.employee.user.id, text: 'What can I ask for?', ts: ts() });
    const posts = calls.filter((call) => call.method === 'chat.postMessage' && call.ok);
    expect(posts.length).toBeGreaterThan(0);
    for (const post of posts) expect((post.args as Record<string, unknown>).thread_ts).toBeUndefined();
  });
});

describe('a file shared in the DM', () => {
  it('gets a kind note that files are not read or kept, naming nothing from the file', async () => {
    const calls = await deliver({
      subtype: 'file_share',
      user: harness.employee.user.id,
      text: '',
      ts: ts(),
      files: [
        {
          id: 'F0SCAN',
          name: 'discharge-summary.pdf',
          title: 'discharge summary',
          mimetype: 'application/pdf',
        },
      ],
    });
    const posts = calls.filter((call) => call.method === 'chat.postMessage' && call.ok);
    expect(posts).toHaveLength(1);
    const text = JSON.stringify(posts[0]?.args);
    expect(text).toMatch(/don’t open or keep files/);
    expect(text).not.toMatch(/discharge/i);
    expect(calls.map((call) => call.method)).not.toContain('files.info');
  });

  it('in a thread, the note and the answer to its words go to the thread', async () => {
    const parent = ts();
    const calls = await deliver({
      subtype: 'file_share',
      user: harness.employee.user.id,
      text: 'here it is',
      ts: ts(),
      thread_ts: parent,
      files: [{ id: 'F0SCAN2', name: 'letter.pdf' }],
    });
    const posts = calls.filter((call) => call.method === 'chat.postMessage' && call.ok);
    expect(posts.some((post) => JSON.stringify(post.args).includes('don’t open or keep files'))).toBe(true);
    for (const post of posts) expect((post.args as Record<string, unknown>).thread_ts).toBe(parent);
  });
});
