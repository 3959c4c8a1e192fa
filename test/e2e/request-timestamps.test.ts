import { commandBody } from '@accommodation-assistant/slack-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../support/harness.js';

/**
 * Slack signs the time it sent a request with the body; a captured request replayed later, or a
 * signed one dated ahead to outlive the window, must not be acted on. The app accepts a request
 * dated within five minutes of its own clock, either side, and refuses the rest with 401 and one
 * log line, doing nothing.
 */

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness.stop();
});

const nowSec = () => Math.floor(Date.now() / 1000);

/** `/accommodation help`, signed as Slack signs it but dated `offsetSec` from now. */
async function helpDatedAt(offsetSec: number) {
  const { emulator, employee } = harness;
  const before = harness.calls('chat.postEphemeral').length;
  const logBefore = harness.logs().length;
  const delivery = await emulator.sendForm(
    commandBody({
      workspace: emulator.workspace,
      user: employee.user,
      channel: emulator.workspace.openDm(employee.user.id),
      command: '/accommodation',
      text: 'help',
      triggerId: emulator.workspace.mintTrigger(employee.user.id),
      responseUrl: `${emulator.baseUrl}/respond/none`,
    }),
    { timestamp: nowSec() + offsetSec },
  );
  await emulator.settle();
  return {
    status: delivery.status,
    answered: harness.calls('chat.postEphemeral').length - before,
    logged: harness.logs().slice(logBefore),
  };
}

describe('a correctly signed request is dated', () => {
  it.each([
    ['an hour ahead', 3600],
    ['six minutes ahead', 360],
    ['an hour ago', -3600],
    ['six minutes ago', -360],
  ])('%s: refused with 401, nothing done, one log line', async (_when, offset) => {
    const { status, answered, logged } = await helpDatedAt(offset);
    expect(status).toBe(401);
    expect(answered).toBe(0);
    expect(logged).toMatch(/refused a Slack request|request is stale/);
    expect(logged).not.toContain('help');
  });

  it.each([
    ['four minutes ahead', 240],
    ['now', 0],
    ['four minutes ago', -240],
  ])('%s: answered', async (_when, offset) => {
    const { status, answered } = await helpDatedAt(offset);
    expect(status).toBe(200);
    expect(answered).toBe(1);
  });
});
