import { runScript } from '@accommodation-assistant/slack-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../support/harness.js';
import { loadScript, TEAM } from '../support/scripts.js';

/**
 * Slack gives an interaction three seconds. The app answers from memory: names and time zones from
 * a profile it remembers (fetched after an ack), HR and EAP membership from a directory listed at
 * start-up and again only when it has grown old. Here that shows as how often Slack is asked.
 */
describe('asking Slack only when it must', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness.stop();
  });

  it('a whole intake asks Slack for the employee’s profile once, not at every step', async () => {
    const from = harness.calls().length;
    await runScript(harness.emulator, loadScript('journey.json'), () => {});
    const lookups = harness
      .calls('users.info')
      .filter((call) => harness.calls().indexOf(call) >= from && call.args.user === harness.employee.user.id);
    expect(lookups).toHaveLength(1);
    expect(
      await harness.app.services.store.requests.listByEmployee(TEAM, harness.employee.user.id),
    ).toHaveLength(1);
  });

  it('HR opening the request again and again does not list the HR user group each time', async () => {
    const { hr } = harness;
    const from = harness.calls('usergroups.users.list').length;
    for (let click = 0; click < 3; click += 1) {
      await hr.closeModal();
      await hr.click('View request');
      await hr.expect('interactive process');
    }
    // At most one listing, and only if the directory had grown old meanwhile.
    expect(harness.calls('usergroups.users.list').length - from).toBeLessThanOrEqual(1);
  });
});
