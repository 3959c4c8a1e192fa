import { runScript, type Step } from '@accommodation-assistant/slack-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { constraintChoices } from '../../src/slack/views/intake/options.js';
import { type Harness, startHarness } from '../support/harness.js';
import { loadScript } from '../support/scripts.js';

/**
 * Issue 9: step 2 asks what about the role affects timing, and it never reached HR's card. It is a
 * work fact (C1) in HR's projection, so the card shows it; not clinical, it passes the outbound guard.
 */

const every = constraintChoices.map((choice) => choice.text);
const label = 'Anything about your role that affects timing';

/** The journey to the HR card, with every role constraint ticked at step 2. */
function journeyWithEveryConstraint(): Step[] {
  const steps = loadScript('journey.json');
  const card = steps.findIndex(
    (step) => 'expect' in step && step.as === 'hr' && step.expect === 'View request',
  );
  return steps
    .slice(0, card + 1)
    .map((step) =>
      'fill' in step && label in step.fill
        ? ({ ...step, fill: { ...step.fill, [label]: every } } as Step)
        : step,
    );
}

describe("HR's request card", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
    await runScript(harness.emulator, journeyWithEveryConstraint(), () => {});
    await harness.emulator.settle();
  });
  afterAll(async () => {
    await harness.stop();
  });

  it('shows the role constraints the employee ticked at step 2', async () => {
    const card = harness.emulator.workspace.messagesSeenBy('CHR', 'UHR').find((m) => m.fromBot);
    const shown = JSON.stringify(card?.blocks);
    expect(shown).toContain('Role constraints');
    for (const constraint of every) expect(shown).toContain(constraint);
  });

  it('passes the outbound guard: nothing was held back on the way to HR', () => {
    expect(harness.logs()).not.toContain('outbound Slack call held back');
  });
});
