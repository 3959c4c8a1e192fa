import {
  directMessageEvent,
  eventEnvelope,
  runScript,
  type Step,
  viewSubmissionPayload,
} from '@accommodation-assistant/slack-emulator';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Harness, startHarness } from '../support/harness.js';
import { loadScript, TEAM } from '../support/scripts.js';

/**
 * The employee's journey, end to end over HTTP: the real app on its receiver, the emulator as
 * Slack, a private Redis as the store. Scripts under test/e2e/scripts are the same ones
 * `npm run demo -- --script` runs.
 */

/** The journey script's steps up to (not including) the first step that matches. */
function stepsUntil(steps: Step[], stop: (step: Step) => boolean): Step[] {
  const index = steps.findIndex(stop);
  return index < 0 ? steps : steps.slice(0, index);
}

const journey = loadScript('journey.json');
const toReview = stepsUntil(journey, (step) => 'expect' in step && step.expect === 'Step 5 of 5');

let prefixCounter = 0;
async function freshHarness(): Promise<Harness> {
  prefixCounter += 1;
  return startHarness({
    env: { REDIS_URL: inject('redisUrl'), REDIS_KEY_PREFIX: `journey${process.pid}x${prefixCounter}` },
  });
}

async function requestsOf(harness: Harness, employeeId: string) {
  return harness.app.services.store.requests.listByEmployee(TEAM, employeeId);
}

describe('an employee’s journey, end to end', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await freshHarness();
  });
  afterAll(async () => {
    await harness.stop();
  });

  it('takes a new employee from /accommodation to a request with HR and the HR card', async () => {
    await runScript(harness.emulator, journey, () => {});
    const employeeId = harness.employee.user.id;

    const requests = await requestsOf(harness, employeeId);
    expect(requests).toHaveLength(1);
    const reference = requests[0]?.id ?? '';
    expect(reference).toMatch(/^ACC-\d{4}-\d{4}$/);
    expect(requests[0]?.status).toBe('submitted');
    const audit = await harness.app.services.store.audit.list(TEAM, reference);
    expect(audit.map((entry) => entry.action)).toEqual(['submit', 'viewed']);

    const posts = harness.calls('chat.postMessage').filter((call) => call.ok);
    const toEmployee = posts.filter((call) => String(call.args.channel).includes('EMPLOYEE'));
    const confirmation = JSON.stringify(toEmployee.at(-1)?.args);
    expect(confirmation).toContain(reference);
    // The confirmation names no reason.
    expect(confirmation).not.toMatch(/outpatient|treatment program/i);

    const hrChannel = harness.emulator.directory.channels[0]?.id ?? '';
    const cards = posts.filter((call) => call.args.channel === hrChannel);
    expect(cards).toHaveLength(1);
    const card = JSON.stringify(cards[0]?.args);
    expect(card).toContain(reference);
    expect(card).toContain(`<@${employeeId}>`);
    expect(card).toContain('View request');
    expect(card).not.toMatch(/outpatient|treatment program|Alex/i);
  });

  it('every view and message of the journey passed Slack’s Block Kit checks', () => {
    // Web API calls are checked by the emulator as Slack checks them; views returned in a
    // view_submission ack are checked by the driver, which throws on any problem.
    const refused = harness.calls().filter((call) => !call.ok);
    expect(refused.map((call) => `${call.method}: ${call.error}`)).toEqual([]);
    // Nothing in this journey is clinical, so the guard had nothing to hold back.
    expect(harness.logs()).not.toContain('held back');
    const methods = new Set(harness.calls().map((call) => call.method));
    for (const method of ['views.open', 'views.update', 'views.publish', 'chat.postMessage']) {
      expect(methods.has(method), method).toBe(true);
    }
  });
});

describe('a draft is never lost', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await freshHarness();
  });
  afterAll(async () => {
    await harness.stop();
  });

  it('resumes where it was left after the app restarts, with what was typed in the open form', async () => {
    const toStepThree = stepsUntil(journey, (step) => 'expect' in step && step.expect === 'Step 3 of 5');
    await runScript(harness.emulator, toStepThree, () => {});
    const { employee } = harness;
    await employee.expect('Step 3 of 5');
    await employee.fill({ 'How your work would be covered': 'Priya covers the Thursday stand-up.' });
    await employee.closeModal();

    await harness.restartApp();

    await employee.openHome();
    await employee.expect('Continue your draft');
    await employee.click('Continue your draft');
    await employee.expect('Step 3 of 5');
    await employee.expect('Priya covers the Thursday stand-up.');
  });

  it('keeps the answers of a form that had an error', async () => {
    const { employee } = harness;
    await employee.fill({ 'What would help': ['Something else'] });
    await employee.submit();
    // "Something else" needs a description: Slack shows the error by the input, the form stays.
    await employee.expect('Step 3 of 5');
    expect(employee.screen()).toMatch(/what|describe|something else/i);
    await employee.closeModal();
    await employee.openHome();
    await employee.click('Continue your draft');
    await employee.expect('Priya covers the Thursday stand-up.');
  });
});

describe('closing the review', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await freshHarness();
  });
  afterAll(async () => {
    await harness.stop();
  });

  it('is answered, keeps the draft, and the Home tab offers to continue it', async () => {
    await runScript(harness.emulator, toReview, () => {});
    const { employee } = harness;
    await employee.expect('Step 5 of 5');
    const closed = await employee.closeModal();
    expect(closed?.status).toBe(200);
    await employee.openHome();
    await employee.expect('Continue your draft');
    await employee.click('Continue your draft');
    await employee.expect('a scheduled outpatient medical treatment program');
  });
});

describe('one request, however often Slack delivers', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await freshHarness();
  });
  afterAll(async () => {
    await harness.stop();
  });

  it('makes exactly one request from a double-clicked Send to HR, and one HR card', async () => {
    await runScript(harness.emulator, toReview, () => {});
    const { employee, emulator } = harness;
    await employee.expect('Step 5 of 5');
    const view = employee.topModal();
    if (!view) throw new Error('the review modal is not open');
    const click = () =>
      emulator.sendInteractive(
        viewSubmissionPayload({
          workspace: emulator.workspace,
          user: employee.user,
          triggerId: emulator.workspace.mintTrigger(employee.user.id),
          view,
        }),
      );
    const [first, second] = await Promise.all([click(), click()]);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    await emulator.settle();

    expect(await requestsOf(harness, employee.user.id)).toHaveLength(1);
    const hrChannel = emulator.directory.channels[0]?.id ?? '';
    const cards = () => harness.calls('chat.postMessage').filter((call) => call.args.channel === hrChannel);
    // The card comes from the outbox worker just after the ack; give it time to come twice if it would.
    for (let waited = 0; cards().length === 0 && waited < 10_000; waited += 50)
      await new Promise((resolve) => setTimeout(resolve, 50));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(cards()).toHaveLength(1);
  });

  it('makes exactly one request when Slack retries the submission (x-slack-retry-num)', async () => {
    const { emulator } = harness;
    const employee = harness.as('manager');
    // The manager is an employee too: a second, separate journey.
    const steps = toReview.map((step) => ({ ...step, as: 'manager' }) as Step);
    await runScript(emulator, steps, () => {});
    await employee.expect('Step 5 of 5');
    const view = employee.topModal();
    if (!view) throw new Error('the review modal is not open');
    const payload = viewSubmissionPayload({
      workspace: emulator.workspace,
      user: employee.user,
      triggerId: emulator.workspace.mintTrigger(employee.user.id),
      view,
    });
    await emulator.sendInteractive(payload);
    await emulator.sendInteractive(payload, { retry: { num: 1, reason: 'http_timeout' } });
    await emulator.settle();
    expect(await requestsOf(harness, employee.user.id)).toHaveLength(1);
  });

  it('answers a DM once when Slack delivers it again', async () => {
    const { emulator } = harness;
    const user = harness.eap.user;
    const channel = emulator.workspace.openDm(user.id);
    const message = emulator.workspace.addMessage({
      channel,
      text: 'How long does HR usually take?',
      blocks: [],
      user: user.id,
      fromBot: false,
    });
    const envelope = eventEnvelope(emulator.workspace, directMessageEvent(emulator.workspace, message));
    const before = harness.calls('chat.postMessage').length;
    await emulator.sendEvent(envelope);
    await emulator.settle();
    await emulator.sendEvent(envelope, { retry: { num: 1, reason: 'http_timeout' } });
    await emulator.settle();
    // Only this conversation: the outbox may still be delivering an earlier test's messages elsewhere.
    const replies = harness
      .calls('chat.postMessage')
      .slice(before)
      .filter((call) => call.args.channel === channel);
    expect(replies).toHaveLength(1);
  });
});
