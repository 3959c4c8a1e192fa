import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActorError } from '../src/actor.js';
import type { Directory } from '../src/directory.js';
import { type Emulator, startEmulator } from '../src/emulator.js';

/** A person at a form, with no app behind it: what Slack itself does before anything is sent. */

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
  channels: [],
};
const plain = (text: string) => ({ type: 'plain_text', text });
let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({ directory });
});

afterAll(async () => {
  await emulator.stop();
});

describe("Slack's own check of required fields", () => {
  it('shows "Please complete this required field." on submit, and drops it once the field is filled', async () => {
    emulator.workspace.openModal('UALICE', {
      type: 'modal',
      title: plain('A form'),
      submit: plain('Send'),
      blocks: [
        {
          type: 'input',
          block_id: 'name',
          label: plain('Your name'),
          element: { type: 'plain_text_input', action_id: 'value' },
        },
        {
          type: 'input',
          block_id: 'team',
          label: plain('Your team'),
          element: { type: 'plain_text_input', action_id: 'value' },
        },
      ],
    });
    const alice = emulator.as('alice');
    await expect(alice.submit()).rejects.toBeInstanceOf(ActorError);
    expect(alice.screen().match(/Please complete this required field\./g)).toHaveLength(2);
    await alice.fill({ 'Your name': 'Alice' });
    expect(alice.screen().match(/Please complete this required field\./g)).toHaveLength(1);
    await alice.fill({ 'Your team': 'Support' });
    expect(alice.screen()).not.toContain('Please complete this required field.');
  });
});
