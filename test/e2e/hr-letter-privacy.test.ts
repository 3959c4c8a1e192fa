import { runScript, type Step } from '@accommodation-assistant/slack-emulator';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Harness, startHarness } from '../support/harness.js';
import { loadScript } from '../support/scripts.js';

/**
 * A health detail the employee gave in one place is the same detail wherever else it appears, even
 * where the detector alone would read the word as ordinary: HR's copy of the letter has it replaced,
 * and HR still gets the letter rather than a held-back window.
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

it('HR reads the letter with the detail replaced, not held back and not in plain', async () => {
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
  await runScript(harness.emulator, steps, () => {});
  const { hr } = harness;
  await hr.expect('Sam covers the queue');
  expect(hr.screen()).not.toContain('Held back');
  expect(hr.screen().toLowerCase()).not.toContain('recovery');
  expect(hr.screen()).toContain('[health detail');
});
