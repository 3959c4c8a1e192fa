import { runScript, type Step } from '@accommodation-assistant/slack-emulator';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Harness, startHarness } from '../support/harness.js';
import { loadScript, TEAM } from '../support/scripts.js';

/** The journey up to and including "Send to HR". */
const journey = loadScript('journey.json');
const sent = journey.findIndex(
  (step: Step) => 'expect' in step && String(step.expect).startsWith('Your request is saved'),
);
const toSent = journey.slice(0, sent);

describe('HR’s card through a Slack outage and a restart of the app', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({
      env: {
        REDIS_URL: inject('redisUrl'),
        REDIS_KEY_PREFIX: `outage${Date.now().toString(36)}`,
        OUTBOX_RETRY_BASE_MS: '200',
        OUTBOX_MAX_ATTEMPTS: '20',
      },
    });
  });
  afterAll(async () => {
    harness.emulator.faults.clear();
    await harness?.stop();
  });

  it('is delivered once Slack answers again, after 500s and a restart in between', async () => {
    const { emulator } = harness;
    const hrChannel = emulator.directory.channels[0]?.id ?? '';
    const cards = () => harness.calls('chat.postMessage').filter((c) => c.ok && c.args.channel === hrChannel);
    const failed = () =>
      harness.calls('chat.postMessage').filter((c) => c.fault === 'http_500' && c.args.channel === hrChannel);

    emulator.faults.set('chat.postMessage', { kind: 'error', status: 500 });
    await runScript(emulator, toSent, () => {});
    const stored = await harness.app.services.store.requests.listByEmployee(TEAM, harness.employee.user.id);
    expect(stored).toHaveLength(1);
    const reference = stored[0]?.id ?? '';

    // Slack keeps failing: the worker keeps trying; nothing reaches HR.
    for (let waited = 0; failed().length < 2 && waited < 15_000; waited += 100)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(failed().length).toBeGreaterThanOrEqual(2);
    expect(cards()).toEqual([]);

    // A deploy (or a crash) while Slack is still down; Slack comes back after.
    await harness.restartApp();
    emulator.faults.clear('chat.postMessage');

    for (let waited = 0; cards().length === 0 && waited < 20_000; waited += 100)
      await new Promise((resolve) => setTimeout(resolve, 100));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(cards()).toHaveLength(1);
    expect(String(cards()[0]?.args.text)).toContain(reference);
    expect(await harness.app.services.store.outbox.pending(TEAM, reference)).toEqual([]);
    await harness.employee.expect('Your request is saved, and HR will be told');
  });
});
