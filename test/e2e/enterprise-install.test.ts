import { commandBody, shortcutPayload } from '@accommodation-assistant/slack-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../support/harness.js';

/**
 * Org-wide (Enterprise Grid) installs send `team: null` with `enterprise` and
 * `is_enterprise_install`; the global shortcut failed there. A request naming no workspace at all
 * was reported as "Redis is not reachable". Both are answered properly now.
 */

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness.stop();
});

const texts = (from: number) =>
  harness
    .calls()
    .slice(from)
    .map((call) => JSON.stringify(call.args))
    .join('\n');

describe('an org-wide install', () => {
  it('the global shortcut opens the form', async () => {
    const { employee, emulator } = harness;
    const before = harness.calls().length;
    const payload = shortcutPayload({
      workspace: emulator.workspace,
      user: employee.user,
      callbackId: 'start_accommodation_request',
      triggerId: emulator.workspace.mintTrigger(employee.user.id),
    }) as Record<string, unknown>;
    const delivery = await emulator.sendInteractive({
      ...payload,
      team: null,
      enterprise: { id: 'E0ORG', name: 'Northwind Group' },
      is_enterprise_install: true,
    });
    expect(delivery.status).toBe(200);
    await emulator.settle();
    const opened = harness.calls('views.open').filter((call) => harness.calls().indexOf(call) >= before);
    expect(opened.map((call) => call.ok)).toEqual([true]);
    expect(texts(before)).not.toMatch(/something went wrong|couldn’t save|not reachable/i);
  });
});

describe('a request that names no workspace', () => {
  it('a shortcut is answered plainly in a DM, never as a storage problem', async () => {
    const { employee, emulator } = harness;
    const before = harness.calls().length;
    const payload = shortcutPayload({
      workspace: emulator.workspace,
      user: employee.user,
      callbackId: 'start_accommodation_request',
      triggerId: emulator.workspace.mintTrigger(employee.user.id),
    }) as Record<string, unknown>;
    const delivery = await emulator.sendInteractive({
      ...payload,
      team: null,
      user: { id: employee.user.id },
    });
    expect(delivery.status).toBe(200);
    await emulator.settle();
    const said = texts(before);
    expect(said).toContain('Slack didn’t say which workspace this came from');
    expect(said).not.toMatch(/Redis|not reachable|storage/i);
  });

  it('a slash command is answered plainly, with nothing changed', async () => {
    const { employee, emulator } = harness;
    const body = new URLSearchParams(
      commandBody({
        workspace: emulator.workspace,
        user: employee.user,
        channel: emulator.workspace.openDm(employee.user.id),
        command: '/accommodation',
        text: '',
        triggerId: emulator.workspace.mintTrigger(employee.user.id),
        responseUrl: 'https://hooks.slack.test/commands/1',
      }),
    );
    body.set('team_id', '');
    const delivery = await emulator.sendForm(body.toString());
    expect(delivery.status).toBe(200);
    expect(delivery.body).toContain('Slack didn’t say which workspace this came from');
    expect(delivery.body).not.toMatch(/Redis|not reachable/i);
  });
});
