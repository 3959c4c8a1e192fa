import { runScript, type Step } from '@accommodation-assistant/slack-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSEST_TOPICS_TEXT } from '../../src/drafting/index.js';
import { EXTENSION_ANSWERS, NOT_IN_APP_YET } from '../../src/slack/views/assistant.js';
import { type Harness, startHarness } from '../support/harness.js';
import { type OpenAIServer, readGroundedPrompt, startOpenAIServer } from '../support/openai-server.js';
import { loadScript } from '../support/scripts.js';

/** The journey up to the confirmation that the request is saved, as one person. */
function sendRequestAs(who: string): Step[] {
  const steps = loadScript('journey.json');
  const end = steps.findIndex(
    (step) => 'expect' in step && step.expect === 'Your request is saved, and HR will be told',
  );
  return steps.slice(0, end + 1).map((step) => ({ ...step, as: who }) as Step);
}

/** The assistant in the DM, end to end over HTTP: answers, topic buttons, and intents as buttons. */
describe('the assistant, offline', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness.stop();
  });

  it('answers a question from its topic and names the topic it came from', async () => {
    const { employee } = harness;
    await employee.message('Can they fire me for asking?');
    await employee.expect('It makes sense to worry about this.');
    await employee.expect('From our guide: Can they punish me for asking?');
    expect(employee.screen()).not.toContain('not sure');
  });

  it('under an answer, offers the other close topics, and a click answers from one', async () => {
    const { manager } = harness;
    await manager.message('Who can see my request?');
    await manager.expect('Your request goes to HR only.');
    await manager.expect('Not what you asked?');
    await manager.click('A copy of my letter, export or delete my data');
    await manager.expect('Choose View next to a request to read the letter HR got.');
  });

  it('offers the three closest topics for a question it cannot answer, and a click answers from one', async () => {
    const { employee } = harness;
    await employee.message('what’s the wifi password?');
    await employee.expect(CLOSEST_TOPICS_TEXT);
    await employee.click('What can I ask for?');
    await employee.expect('You can ask for the change that would let you go to your sessions');
  });

  it('turns "withdraw", "where is my request" and "my sessions moved" into the existing flows', async () => {
    const { hr } = harness;
    // Someone with a request HR already has.
    await runScript(harness.emulator, sendRequestAs('hr'), () => {});
    await hr.expect('Your request is saved, and HR will be told');
    const reference = /ACC-\d{4}-\d{4}/.exec(hr.screen())?.[0];
    expect(reference).toBeDefined();

    await hr.message('where is my request');
    await hr.expect(`${reference} · Sent to HR`);
    // HR is not late yet: the answer offers no update that `decide` would refuse.
    expect(hr.screen()).not.toContain(`Ask HR for an update on ${reference}`);

    // HR has two business days to acknowledge; a week on, they are late and the update is offered.
    harness.advanceAppClock(7 * 86_400_000);
    await hr.message('where is my request');
    await hr.click(`Ask HR for an update on ${reference}`);

    await hr.message('my sessions moved');
    await hr.expect(NOT_IN_APP_YET.change);

    await hr.message('withdraw');
    await hr.click(`Withdraw ${reference}`);
    await hr.expect(`Withdraw request ${reference}?`);
  });

  it('meets "does a slip cancel my request?" with the relapse answer, never a button to withdraw', async () => {
    const { hr } = harness;
    // hr has a request HR already has (the test before), so a withdraw button could be offered.
    expect(hr.screen()).toMatch(/ACC-\d{4}-\d{4}/);
    const withdrawButtons = () => hr.screen().match(/Withdraw ACC-/g)?.length ?? 0;
    const before = withdrawButtons();
    await hr.message('Does a slip cancel my request?');
    await hr.expect('A setback does not cancel it');
    await hr.expect('call or text 988');
    expect(withdrawButtons()).toBe(before);
  });

  it('"I need more time" without a request says what to do, and offers no button that does nothing', async () => {
    const { eap } = harness;
    await eap.message('I need more time');
    await eap.expect('Short programs, program end, step-down and extensions');
    expect(eap.screen()).not.toContain(EXTENSION_ANSWERS.notYetApproved);
  });
});

describe('the assistant, with a model', () => {
  let harness: Harness;
  let model: OpenAIServer;
  beforeAll(async () => {
    model = await startOpenAIServer();
    model.mode('from-prompt');
    harness = await startHarness({
      env: { OPENAI_BASE_URL: model.url, OPENAI_API_KEY: 'test-key', OPENAI_MAX_RETRIES: '0' },
    });
  });
  afterAll(async () => {
    await harness.stop();
    await model.close();
  });

  it('answers from the articles it was given and cites the one it used', async () => {
    const { employee } = harness;
    await employee.message('Who can see my request?');
    await employee.expect('From our guide: Who sees my request?');
    await employee.expect('Your request goes to HR only.');
    const { articles } = readGroundedPrompt(model.requests.at(-1)?.body);
    expect(articles.map((article) => article.id)).toContain('who-sees-it');
  });

  it('gives the closest topics, not an invented answer, when no article answers', async () => {
    const { employee } = harness;
    await employee.message('who won the game last night?');
    await employee.expect(CLOSEST_TOPICS_TEXT);
  });
});
