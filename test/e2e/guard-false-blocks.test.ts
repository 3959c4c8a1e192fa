import { runScript, type Step } from '@accommodation-assistant/slack-emulator';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { type Harness, startHarness } from '../support/harness.js';
import { loadScript } from '../support/scripts.js';

/**
 * Issue 11's false blocks, through the real app and the emulator: a private note of one ordinary
 * word held back HR's card (no View request button), HR's letter and the employee's confirmation.
 * A specific note is still held back wherever it would show.
 */
let harness: Harness;
beforeEach(async () => {
  harness = await startHarness();
});
afterEach(async () => {
  await harness.stop();
});

function withPrivateNote(note: string): Step[] {
  return loadScript('journey.json').map((step) =>
    'fill' in step && 'How the reason is worded' in step.fill
      ? { ...step, fill: { ...step.fill, 'Private note (only you can see this)': note } }
      : step,
  );
}

it.each(['work', 'hours', 'Monday', 'true'])(
  'a private note saying "%s" holds nothing back',
  async (note) => {
    await runScript(harness.emulator, withPrivateNote(note), () => {});
    const hrChannel = harness.emulator.directory.channels[0]?.id ?? '';
    const posts = harness.calls('chat.postMessage').filter((call) => call.ok);
    const card = JSON.stringify(posts.find((call) => call.args.channel === hrChannel)?.args);
    expect(card).toContain('View request');
    expect(harness.logs()).not.toContain('held back');
  },
);

it('a specific private note never reaches HR', async () => {
  await runScript(harness.emulator, withPrivateNote('Harborlight'), () => {});
  await harness.hr.click('View request');
  expect(harness.hr.screen().toLowerCase()).not.toContain('harborlight');
  const outbound = JSON.stringify(
    harness.calls().filter((call) => !String(call.args.channel ?? '').includes('EMPLOYEE')),
  );
  expect(outbound.toLowerCase()).not.toContain('harborlight');
});
