import { appHomeOpenedEvent, eventEnvelope, type Json } from '@accommodation-assistant/slack-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../support/harness.js';

/** `tokens_revoked` and `app_uninstalled`: work stops for that install, said in one log line. */

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness.stop();
});

const send = async (event: Record<string, unknown>) => {
  const delivery = await harness.emulator.sendEvent(eventEnvelope(harness.emulator.workspace, event as Json));
  expect(delivery.status).toBe(200);
  await harness.emulator.settle();
};
const openHome = async () => {
  const before = harness.calls().length;
  const { workspace } = harness.emulator;
  const user = harness.employee.user;
  await send(appHomeOpenedEvent(workspace, user, workspace.openDm(user.id)) as Record<string, unknown>);
  return harness
    .calls()
    .slice(before)
    .filter((call) => call.method === 'views.publish');
};
const lines = (text: string) =>
  harness
    .logs()
    .split('\n')
    .filter((line) => line.includes(text));

describe('when Slack says the app is gone', () => {
  it('a revoked user token is not ours: work goes on', async () => {
    await send({ type: 'tokens_revoked', tokens: { oauth: ['UEMPLOYEE'] } });
    expect(lines('token was revoked')).toEqual([]);
    expect(await openHome()).toHaveLength(1);
  });

  it('app_uninstalled: one log line, and nothing more is done for that workspace', async () => {
    await send({ type: 'app_uninstalled' });
    expect(lines('the app was uninstalled here')).toHaveLength(1);
    expect(await openHome()).toEqual([]);
    const before = harness.calls().length;
    const delivery = await harness.emulator.sendForm(
      new URLSearchParams({
        command: '/accommodation',
        text: '',
        team_id: harness.emulator.workspace.directory.team.id,
        user_id: harness.employee.user.id,
        channel_id: 'D0EMP',
        trigger_id: harness.emulator.workspace.mintTrigger(harness.employee.user.id),
      }).toString(),
    );
    expect(delivery.status).toBe(200);
    await harness.emulator.settle();
    expect(harness.calls().slice(before)).toEqual([]);
  });
});
