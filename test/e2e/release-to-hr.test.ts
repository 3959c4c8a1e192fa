import { runScript, type Step } from '@accommodation-assistant/slack-emulator';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { type Harness, startHarness } from '../support/harness.js';
import { loadScript } from '../support/scripts.js';

/**
 * Sending is the release. The review shows "What HR will read": the letter exactly as HR will get
 * it, with the employee's own words in it; pressing Send to HR is what shares those words. Words
 * that name a health detail (alone, or only when two fields are read together), web and email
 * addresses, cannot be released: the review explains kindly, inline, and nothing reaches HR.
 */
let harness: Harness;
beforeEach(async () => {
  harness = await startHarness();
});
afterEach(async () => {
  await harness.stop();
});

/** The journey up to the review (Send to HR not pressed), with extra answers on the step that has `near`. */
function journeyToReview(extra: readonly { near: string; fill: Record<string, string> }[]): Step[] {
  const steps = loadScript('journey.json');
  const review = steps.findIndex((step) => 'expect' in step && step.expect === 'Step 5 of 5');
  return steps.slice(0, review + 1).map((step) => {
    if (!('fill' in step)) return step;
    const more = extra.filter(({ near }) => near in step.fill).map(({ fill }) => fill);
    return more.length > 0 ? { ...step, fill: Object.assign({ ...step.fill }, ...more) } : step;
  });
}

const workNote = 'Anything else about your work HR should know';
const coverage = 'How your work would be covered';
const privateNote = 'Private note (only you can see this)';
const HR_DOES_NOT_NEED = 'HR doesn’t need that to approve a schedule';

async function reachReview(extra: readonly { near: string; fill: Record<string, string> }[]) {
  await runScript(harness.emulator, journeyToReview(extra), () => {});
}

/** Whether HR was told of any request at all (the card with its View request button). */
function hrWasTold(): boolean {
  return harness.calls('chat.postMessage').some((call) => JSON.stringify(call.args).includes('View request'));
}

it('the review shows What HR will read, and sending releases exactly those words to HR', async () => {
  await reachReview([
    { near: 'Your workday usually starts at', fill: { [workNote]: 'I lead the Tuesday release call.' } },
    { near: coverage, fill: { [coverage]: 'Priya covers the support queue after 4:30 on session days.' } },
    {
      near: 'How the reason is worded',
      fill: { [privateNote]: 'Harborlight on Mondays with Dr Okonkwo-Reyes' },
    },
  ]);
  const { employee, hr } = harness;
  await employee.expect('What HR will read');
  expect(employee.screen()).toContain('Priya covers the support queue after 4:30 on session days.');
  expect(employee.screen()).toContain('I lead the Tuesday release call.');
  expect(employee.screen()).not.toContain(HR_DOES_NOT_NEED);
  await employee.submit();
  await employee.expect('Your request is saved, and HR will be told');
  await hr.expect('View request');
  expect(hrWasTold()).toBe(true);
  await hr.click('View request');
  await hr.expect('Priya covers the support queue after 4:30 on session days.');
  expect(hr.screen()).toContain('I lead the Tuesday release call.');
  // The private note is never released, and HR's letter has no trace of it.
  expect(hr.screen()).not.toContain('Harborlight');
  expect(hr.screen()).not.toContain('Okonkwo');
  expect(hr.screen()).not.toContain('Held back');
});

it('a health detail in the words cannot be sent: the review says why inline and HR is told nothing', async () => {
  await reachReview([
    {
      near: coverage,
      fill: { [coverage]: 'Priya covers the queue while I am at my dysthymia group on Mondays.' },
    },
  ]);
  const { employee } = harness;
  await employee.expect('What HR will read');
  // Said before they press anything, and again when they do.
  await employee.expect(HR_DOES_NOT_NEED);
  expect(employee.screen()).toContain('how your work would be covered mentions a health detail');
  expect(employee.screen()).toContain('provider form');
  await employee.submit();
  await employee.expect(HR_DOES_NOT_NEED);
  expect(employee.screen()).toContain('nothing has been sent');
  expect(employee.screen()).not.toContain('Your request is saved');
  await harness.emulator.settle();
  expect(hrWasTold()).toBe(false);
});

it('a detail split across two fields is caught when they are read together', async () => {
  // Neither field names anyone alone: "Dr" ends one, the clinician's name starts the other.
  await reachReview([
    { near: 'Your workday usually starts at', fill: { [workNote]: 'For my hours please call Dr' } },
    { near: coverage, fill: { [coverage]: 'Okonkwo-Reyes, and Priya covers the queue on Mondays.' } },
  ]);
  const { employee } = harness;
  await employee.expect(HR_DOES_NOT_NEED);
  expect(employee.screen()).toContain(
    'what you told HR about your work (step 2) and how your work would be covered mention a health detail',
  );
  await employee.submit();
  await employee.expect(HR_DOES_NOT_NEED);
  await harness.emulator.settle();
  expect(hrWasTold()).toBe(false);
});

it('web and email addresses are not released', async () => {
  await reachReview([
    {
      near: coverage,
      fill: {
        [coverage]: 'Priya covers the queue; questions to sam.lee@example.com or see example.org/rota.',
      },
    },
  ]);
  const { employee } = harness;
  await employee.expect('mentions a web or email address');
  await employee.submit();
  await employee.expect(HR_DOES_NOT_NEED);
  await harness.emulator.settle();
  expect(hrWasTold()).toBe(false);
});
