import { runScript, type Step } from '@accommodation-assistant/slack-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../support/harness.js';
import { loadScript } from '../support/scripts.js';

/**
 * Issue 9: Edit wording -> Back closed the whole form instead of returning to the review. The
 * wording editor now opens over the review (`views.push`), so Back shows the review again, as it
 * was, and Save shows the review with the new wording.
 */

function toReview(): Step[] {
  const steps = loadScript('journey.json');
  const review = steps.findIndex((step) => 'expect' in step && step.expect === 'Step 5 of 5');
  return steps.slice(0, review + 1);
}

describe('Edit wording on the review', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
    await runScript(harness.emulator, toReview(), () => {});
  });
  afterAll(async () => {
    await harness.stop();
  });

  const employee = () => harness.employee;
  const stack = () => harness.emulator.workspace.modalStack('UEMPLOYEE');

  it('Back returns to the review, with nothing lost', async () => {
    const review = employee().screen();
    await employee().click('Edit wording');
    await employee().expect('What you’re asking for, in your words');
    await employee().closeModal();
    expect(employee().topModal(), 'the form was closed').toBeDefined();
    expect(employee().screen()).toContain('Step 5 of 5');
    expect(employee().screen()).toBe(review);
    expect(stack()).toHaveLength(1);
  });

  it('Save shows the review again with the new wording, one modal deep', async () => {
    await employee().click('Edit wording');
    await employee().fill({
      'What you’re asking for, in your words':
        'I am asking to finish at 16:45 on Mondays, Wednesdays and Thursdays for ten weeks.',
    });
    await employee().submit();
    await employee().expect('Step 5 of 5');
    await employee().expect('I am asking to finish at 16:45 on Mondays, Wednesdays and Thursdays');
    expect(stack()).toHaveLength(1);
    // Send to HR still works from the review the editor returned to.
    await employee().submit();
    await employee().expect('Your request is saved, and HR will be told');
  });

  it('every view the app sent was accepted by Slack', () => {
    for (const method of ['views.open', 'views.update', 'views.push']) {
      expect(harness.calls(method).filter((call) => !call.ok)).toEqual([]);
    }
    expect(harness.calls('views.push').length).toBeGreaterThan(0);
    for (const call of harness.calls('views.update'))
      expect(call.args.hash, 'views.update without a hash').toBeTruthy();
  });
});
