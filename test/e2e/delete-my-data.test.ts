import { runScript, type Step } from '@accommodation-assistant/slack-emulator';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Harness, startHarness } from '../support/harness.js';
import { loadScript, TEAM } from '../support/scripts.js';

/**
 * Issue 9: Delete my data said the chat was deleted but left the app's own DMs, the uploaded export
 * file included. It now deletes what the app posted in that DM (its messages and files, remembered
 * as they were posted, across a restart) and says exactly what was deleted and what Slack keeps.
 */

const DM = 'DEMPLOYEE';

function toSent(): Step[] {
  const steps = loadScript('journey.json');
  const sent = steps.findIndex(
    (step) => 'expect' in step && step.expect === 'Your request is saved, and HR will be told',
  );
  return steps.slice(0, sent + 1);
}

describe('Delete my data', () => {
  let harness: Harness;
  const prefix = `delete${process.pid}`;
  beforeAll(async () => {
    harness = await startHarness({ env: { REDIS_URL: inject('redisUrl'), REDIS_KEY_PREFIX: prefix } });
  });
  afterAll(async () => {
    await harness.stop();
  });

  const workspace = () => harness.emulator.workspace;
  const appMessages = () =>
    workspace()
      .messagesSeenBy(DM, 'UEMPLOYEE')
      .filter((m) => m.fromBot);
  const ownMessages = () =>
    workspace()
      .messagesSeenBy(DM, 'UEMPLOYEE')
      .filter((m) => !m.fromBot);
  const filesInDm = () => [...workspace().files.values()].filter((file) => file.channel === DM);
  const until = async (condition: () => boolean) => {
    for (let waited = 0; !condition() && waited < 10_000; waited += 50)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(condition()).toBe(true);
  };

  let reference = '';
  let postedByApp = 0;
  let hrCard: { channel: string; ts: string } | undefined;

  it('the employee sends a request, chats, exports their data and starts a new draft', async () => {
    const { employee } = harness;
    await runScript(harness.emulator, toSent(), () => {});
    const requests = await harness.app.services.store.requests.listByEmployee(TEAM, 'UEMPLOYEE');
    reference = requests[0]?.id ?? '';
    expect(reference).toMatch(/^ACC-/);
    await employee.message('How long does HR usually take to reply?');
    await employee.expect('From our guide');
    // What the app remembers survives a deploy: it is in Redis, not in the process.
    await harness.restartApp();
    await employee.openHome();
    await employee.click('Export my data');
    await until(() => filesInDm().length === 1);
    await employee.command('/accommodation', 'new');
    await employee.fill({ 'Sessions start at': '09:00' });
    await employee.closeModal();
    await harness.emulator.settle();
    postedByApp = appMessages().length;
    // The "sent" note, the assistant's answer, the export's note and the file's own message at least.
    expect(postedByApp).toBeGreaterThanOrEqual(4);
    const card = harness.calls('chat.postMessage').find((call) => call.ok && call.args.channel === 'CHR');
    expect(card).toBeDefined();
    hrCard = { channel: 'CHR', ts: String(workspace().messagesSeenBy('CHR', 'UHR')[0]?.ts) };
  });

  it('deletes every message and file the app posted in the DM, and says exactly what it deleted', async () => {
    const { employee } = harness;
    const ownBefore = ownMessages().length;
    await employee.command('/accommodation', 'delete-my-data');
    await employee.expect('Here’s what happens');
    await employee.submit();
    await until(() => appMessages().some((m) => m.text.includes('Here’s exactly what went')));

    // Only the answer itself is left from the app; the file is gone from Slack.
    expect(appMessages()).toHaveLength(1);
    expect(filesInDm()).toEqual([]);
    const answer = JSON.stringify(appMessages()[0]?.blocks);
    const messagesDeleted = postedByApp - 1; // the file's own message goes with the file
    expect(answer).toContain(`${messagesDeleted} messages and 1 file I had sent you in this chat.`);
    expect(answer).toContain('1 draft.');
    expect(answer).toContain(`1 request closed: ${reference}.`);
    expect(answer).toContain('so HR was told only that it was withdrawn');
    expect(answer).toContain('Our chat history');
    // And what Slack keeps: what they typed, and how to delete it; HR's copy and for how long.
    expect(answer).toContain('What you typed to me stays in Slack');
    expect(answer).toContain('Delete message');
    expect(answer).toContain(`HR keeps what they received (${reference}) for 365 days`);

    const deletes = harness.calls('chat.delete');
    expect(deletes.filter((call) => call.ok)).toHaveLength(messagesDeleted);
    expect(deletes.every((call) => call.args.channel === DM)).toBe(true);
    expect(harness.calls('files.delete').filter((call) => call.ok)).toHaveLength(1);
    // What they typed is theirs: the app cannot delete it, and did not try.
    expect(ownMessages()).toHaveLength(ownBefore);
  });

  it("keeps HR's card (closed) in HR's channel, and deletes nothing more once the worker is done", async () => {
    await harness.emulator.settle();
    await until(() => harness.calls('chat.update').some((call) => call.args.channel === 'CHR'));
    expect(workspace().findMessage(hrCard?.channel ?? '', hrCard?.ts ?? '')).toBeDefined();
    expect(harness.calls('chat.delete').every((call) => call.args.channel === DM)).toBe(true);
    expect(appMessages()).toHaveLength(1);
  });

  it('a second Delete my data finds nothing more of the app’s to delete', async () => {
    const { employee } = harness;
    await employee.command('/accommodation', 'delete-my-data');
    await employee.submit();
    await until(() => appMessages().filter((m) => m.text.includes('Here’s exactly what went')).length === 1);
    await until(() => appMessages().length === 1 && appMessages()[0]?.ts !== undefined);
    const answer = JSON.stringify(appMessages()[0]?.blocks);
    expect(answer).toContain('1 message and 0 files I had sent you in this chat.');
    expect(answer).toContain('No draft to delete.');
    expect(answer).toContain('No request to close.');
  });
});
