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

  it('acknowledges every kind of interaction before it calls Slack at all', async () => {
    const { employee, manager, hr } = harness;
    const from = harness.emulator.interactions().length;
    // The person's own surfaces, after a request is sent.
    await employee.openHome();
    await employee.click('View request');
    await employee.closeModal();
    // HR's answer falls due, so the Home tab offers to ask for an update.
    harness.advanceAppClock(7 * 86_400_000);
    await employee.openHome();
    await employee.click('Ask HR for an update');
    await employee.click('Export my data');
    await employee.click('Read the privacy notice');
    await employee.closeModal();
    await employee.command('/accommodation', 'status');
    await employee.command('/accommodation', 'help');
    await employee.message('How long does HR usually take to reply?');
    // A new draft from the shortcut: the review's buttons and forms, saving for later.
    await manager.shortcut('start_accommodation_request');
    await manager.click('I understand, continue');
    await manager.fill({ 'Sessions start at': '09:00' });
    await manager.closeModal();
    await manager.openHome();
    await manager.click('Continue your draft');
    await manager.closeModal();
    // Crisis words are answered by the middleware, before any listener, on every surface.
    await manager.command('/accommodation', 'i feel suicidal and cannot cope');
    await manager.message('I keep thinking about suicide');
    // HR's card.
    await hr.closeModal();
    await hr.click('View request');
    await employee.command('/accommodation', 'delete-my-data');
    await employee.closeModal();

    const interactions = harness.emulator.interactions().slice(from);
    expect(interactions.map((interaction) => interaction.kind)).toEqual(
      expect.arrayContaining(['slash_command', 'block_actions', 'event:message', 'view_closed', 'shortcut']),
    );
    // Over this whole file: the intake's form submissions and Send to HR, HR's clicks, and the above.
    expect(harness.unacknowledged()).toEqual([]);
    expect(
      harness.callsBeforeAck().map(({ call, interaction }) => `${call.method} during ${interaction.kind}`),
    ).toEqual([]);
  });
});
