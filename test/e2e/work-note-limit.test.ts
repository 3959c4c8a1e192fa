import { runScript, type Step } from '@accommodation-assistant/slack-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../support/harness.js';
import { loadScript } from '../support/scripts.js';

/**
 * Issue 9: step 2's "Anything else about your work HR should know" took 500 characters, and the
 * letter only 300, so a note between the two broke the letter at step 5. One limit now: stated in
 * the field's hint, checked on the spot with a specific error, and whatever it accepts is in the letter.
 */

const label = 'Anything else about your work HR should know';
const opening = 'I cover the front desk until 1pm and run the Thursday stand-up.';
const noteOf = (length: number) => `${opening} ${'x'.repeat(length)}`.slice(0, length);

/** The journey up to step 2, filled in but not yet submitted. */
function toWorkStep(): Step[] {
  const steps = loadScript('journey.json');
  const work = steps.findIndex((step) => 'expect' in step && step.expect === 'Step 2 of 5');
  return steps.slice(0, work + 2);
}

describe('step 2: the note about the work', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
    await runScript(harness.emulator, toWorkStep(), () => {});
  });
  afterAll(async () => {
    await harness.stop();
  });
  const employee = () => harness.employee;

  it('says its limit in the hint', () => {
    expect(employee().screen()).toMatch(/hint: A short note of up to 300 characters/);
  });

  it('refuses one character too many on the spot, saying by how much, and keeps the step', async () => {
    await employee().fill({ [label]: noteOf(301) });
    await employee().submit();
    await employee().expect("That's 1 character over the limit of 300: please shorten it a little.");
    expect(employee().screen()).toContain('Step 2 of 5');
  });

  it('takes 300, and the letter at step 5 holds all of it', async () => {
    await employee().fill({ [label]: noteOf(300) });
    await employee().submit();
    await employee().expect('Step 3 of 5');
    const rest = loadScript('journey.json');
    const from = rest.findIndex((step) => 'expect' in step && step.expect === 'Step 3 of 5');
    const review = rest.findIndex((step) => 'expect' in step && step.expect === 'Step 5 of 5');
    await runScript(harness.emulator, rest.slice(from + 1, review + 1), () => {});
    expect(employee().screen()).not.toContain('I couldn’t put the letter together');
    await employee().expect(opening);
  });
});
