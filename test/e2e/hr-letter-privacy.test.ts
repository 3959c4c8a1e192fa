import { runScript, type Step } from '@accommodation-assistant/slack-emulator';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Harness, startHarness } from '../support/harness.js';
import { loadScript } from '../support/scripts.js';

/**
 * A health detail in the words the letter would carry cannot be released to HR. The employee is
 * told on the review, changes the wording, and HR then reads the letter with the new wording and
 * no trace of the detail: not replaced by a placeholder, not held back, simply never released.
 */
let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness.stop();
});

function withAnswers(steps: Step[], answers: Record<string, string>): Step[] {
  return steps.map((step) => {
    if (!('fill' in step)) return step;
    const fill = { ...step.fill };
    for (const label of Object.keys(answers)) if (label in fill) fill[label] = answers[label] ?? '';
    return { ...step, fill };
  });
}

it('HR reads only the wording the employee could release, after they changed it', async () => {
  const journey = loadScript('journey.json');
  const steps = withAnswers(journey, {
    'How your work would be covered': 'Sam covers the queue while I am at recovery on Mondays.',
  }).map((step) =>
    'fill' in step && 'How the reason is worded' in step.fill
      ? {
          ...step,
          fill: { ...step.fill, 'Private note (only you can see this)': 'I am in recovery since June.' },
        }
      : step,
  );
  const sent = steps.findIndex(
    (step) => 'expect' in step && step.expect === 'Your request is saved, and HR will be told',
  );
  await runScript(harness.emulator, steps.slice(0, sent), () => {});
  const { employee, hr } = harness;
  await employee.expect('HR doesn’t need that to approve a schedule');
  await employee.click('Edit wording');
  await employee.fill({ 'How your work would be covered': 'Sam covers the queue after 4:30 on Mondays.' });
  await employee.submit();
  await employee.expect('Sam covers the queue after 4:30 on Mondays.');
  expect(employee.screen()).not.toContain('HR doesn’t need that');
  await employee.submit();
  await employee.expect('Your request is saved, and HR will be told');
  await hr.click('View request');
  await hr.expect('Sam covers the queue after 4:30 on Mondays.');
  expect(hr.screen()).not.toContain('Held back');
  expect(hr.screen().toLowerCase()).not.toContain('recovery');
  expect(hr.screen()).not.toContain('[health detail');
});
