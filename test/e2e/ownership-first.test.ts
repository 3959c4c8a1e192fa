import {
  type Actor,
  blockActionsPayload,
  type Json,
  runScript,
  type Step,
  type StoredView,
} from '@accommodation-assistant/slack-emulator';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { reviewIds } from '../../src/slack/views/intake/index.js';
import { myRequestIds } from '../../src/slack/views/my-requests.js';
import { type Harness, startHarness } from '../support/harness.js';
import { loadScript, TEAM } from '../support/scripts.js';

/**
 * A button names what it acts on (a request's reference in its value, a draft in its view's
 * metadata), and anyone can send a signed click with any value. Before a listener shows, updates
 * or posts anything, it checks that the person clicking may see that request or draft; for
 * someone else's it does nothing at all.
 */

let harness: Harness;
let reference = '';
let othersDraftMetadata = '';

/** The journey as `who`, up to step `upTo` of the script (the whole of it by default). */
function journeyAs(who: string, until: string): Step[] {
  const steps = loadScript('journey.json');
  const end = steps.findIndex((step) => 'expect' in step && step.expect === until);
  return steps.slice(0, end + 1).map((step) => ({ ...step, as: who }) as Step);
}

beforeAll(async () => {
  harness = await startHarness({
    env: { REDIS_URL: inject('redisUrl'), REDIS_KEY_PREFIX: `owner${process.pid}` },
  });
  // The employee has sent a request; the EAP coordinator (an employee too) has a draft at review.
  await runScript(
    harness.emulator,
    journeyAs('employee', 'Your request is saved, and HR will be told'),
    () => {},
  );
  const [summary] = await harness.app.services.store.requests.listByEmployee(TEAM, harness.employee.user.id);
  reference = summary?.id ?? '';
  await runScript(harness.emulator, journeyAs('eap', 'Step 5 of 5'), () => {});
  othersDraftMetadata = String(harness.eap.topModal()?.definition.private_metadata ?? '');
  await harness.emulator.settle();
}, 60_000);

afterAll(async () => {
  await harness.stop();
});

/** A click on `view` (the clicker's own screen), with the payload's view changed as a forger would. */
async function forgeClick(who: Actor, view: StoredView, action: Json, viewChanges: Json = {}) {
  const { emulator } = harness;
  const payload = blockActionsPayload({
    workspace: emulator.workspace,
    user: who.user,
    triggerId: emulator.workspace.mintTrigger(who.user.id),
    action: { type: 'button', block_id: 'forged', ...action },
    container: { view },
  });
  const forged = { ...payload, view: { ...(payload.view as Json), ...viewChanges } };
  const from = harness.calls().length;
  const delivery = await emulator.sendInteractive(forged);
  await emulator.settle();
  await new Promise((resolve) => setTimeout(resolve, 300));
  const shown = harness
    .calls()
    .slice(from)
    .filter((call) => /^(views|chat)\./.test(call.method));
  return { status: delivery.status, shown };
}

describe('someone else’s request or draft, named in a signed click', () => {
  it('Withdraw with another person’s reference shows nothing: no “withdraw ACC-…?”', async () => {
    const { manager } = harness;
    await manager.openHome();
    const home = harness.emulator.workspace.home(manager.user.id);
    if (!home) throw new Error('the manager has no Home tab');
    const { status, shown } = await forgeClick(manager, home, {
      action_id: myRequestIds.withdrawRequest,
      value: reference,
    });
    expect(status).toBe(200);
    expect(shown).toEqual([]);
    expect(JSON.stringify(harness.emulator.workspace.topModal(manager.user.id) ?? {})).not.toContain(
      reference,
    );
  });

  it('the owner still gets the confirmation', async () => {
    const { employee } = harness;
    await employee.openHome();
    await employee.click('Withdraw');
    await employee.expect(`Withdraw request ${reference}?`);
    await employee.closeModal();
  });

  it('Redraft on the review with another person’s draft updates no view before checking', async () => {
    const { manager } = harness;
    await manager.command('/accommodation', 'new');
    const own = harness.emulator.workspace.topModal(manager.user.id);
    if (!own) throw new Error('the manager has no form open');
    const before = JSON.stringify(own.definition);
    const { status, shown } = await forgeClick(
      manager,
      own,
      { action_id: reviewIds.redraft, value: 'redraft' },
      { private_metadata: othersDraftMetadata },
    );
    expect(status).toBe(200);
    expect(shown).toEqual([]);
    expect(JSON.stringify(harness.emulator.workspace.topModal(manager.user.id)?.definition)).toBe(before);
    await manager.closeModal();
  });
});
