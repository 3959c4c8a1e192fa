import { commandBody } from '@accommodation-assistant/slack-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../support/harness.js';

let world: Harness;

beforeAll(async () => {
  world = await startHarness();
});

afterAll(async () => {
  await world?.stop();
});

function accommodationCommand(): string {
  const { workspace } = world.emulator;
  const employee = world.employee.user;
  return commandBody({
    workspace,
    user: employee,
    channel: workspace.openDm(employee.id),
    command: '/accommodation',
    text: '',
    triggerId: workspace.mintTrigger(employee.id),
    responseUrl: `${world.emulator.baseUrl}/respond/none`,
  });
}

describe('the app behind the local Slack', () => {
  it('refuses a request with a wrong signature, and nothing runs', async () => {
    const before = world.calls().length;
    const delivery = await world.emulator.sendForm(accommodationCommand(), {
      signature: 'v0=0123456789abcdef',
    });
    await world.emulator.settle();
    expect(delivery.status).toBe(401);
    expect(world.calls().slice(before)).toEqual([]);
    expect(world.employee.screen()).not.toContain('Before we start');
  });

  it('refuses a request with no signature, and nothing runs', async () => {
    const before = world.calls().length;
    const delivery = await world.emulator.sendForm(accommodationCommand(), { signature: 'missing' });
    await world.emulator.settle();
    expect(delivery.status).toBe(401);
    expect(world.calls().slice(before)).toEqual([]);
  });

  it('refuses a correctly signed request whose timestamp is more than five minutes old', async () => {
    const before = world.calls().length;
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    const delivery = await world.emulator.sendForm(accommodationCommand(), { timestamp: sixMinutesAgo });
    await world.emulator.settle();
    expect(delivery.status).toBe(401);
    expect(world.calls().slice(before)).toEqual([]);
  });

  it('opens the privacy notice when the employee runs /accommodation', async () => {
    await world.employee.command('/accommodation');
    await world.employee.expect('Your privacy, in plain words');
    await world.employee.expect('You never need to name a diagnosis or a condition.');
    const opened = world.calls('views.open');
    expect(opened).toHaveLength(1);
    expect(opened[0]?.ok).toBe(true);
    expect(world.employee.screen()).toMatch(/Modal: Before we start/);
    expect(world.employee.screen()).toMatch(/\[\d+\] I understand, continue/);
  });

  it('closes the notice without telling the app when it did not ask to be told', async () => {
    const before = world.calls().length;
    await world.employee.closeModal();
    expect(world.employee.screen()).not.toContain('Before we start');
    expect(world.calls().slice(before)).toEqual([]);
  });

  it('shows an EAP coordinator their tracking Home, on their own screen only', async () => {
    await world.eap.openHome();
    await world.eap.expect('Accommodation tracking');
    expect(world.eap.screen()).not.toContain('Read the privacy notice');
    const published = world.calls('views.publish');
    expect(published.at(-1)?.args.user_id).toBe(world.eap.user.id);
    expect(world.hr.screen()).not.toContain('Accommodation tracking');
  });

  it('gives every Web API call the app made a recorded method, arguments and outcome', () => {
    for (const call of world.calls()) {
      expect(call.method).toMatch(/^[a-z]+\.[A-Za-z.]+$/);
      expect(call.ok, `${call.method} failed: ${call.error}`).toBe(true);
      expect(call.args).not.toHaveProperty('token');
    }
  });
});
