import { runScript, type Step } from '@accommodation-assistant/slack-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../support/harness.js';
import { loadScript } from '../support/scripts.js';

const journey = loadScript('journey.json');

/**
 * Crisis language is answered before anything else, wherever the employee types it: the crisis
 * line for their country, warmly, and nothing of what they wrote is kept or repeated.
 */
describe('crisis language', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness.stop();
  });

  it.each([
    'I keep thinking about suicide',
    'honestly I want to kill myself',
    'I don’t want to be here anymore',
  ])('a DM saying “%s” gets the crisis line, not a held-back message', async (text) => {
    const { employee } = harness;
    await employee.message(text);
    await employee.expect('988');
    expect(employee.screen()).not.toContain('held this message back');
    const conversation = await harness.app.services.store.conversations.get('T0DEMO', employee.user.id);
    expect(JSON.stringify(conversation?.turns ?? [])).not.toMatch(/suicide|kill myself|be here anymore/i);
  });

  it('a form field with crisis words gets the crisis line in a window of its own, and is not saved', async () => {
    const { hr } = harness;
    const toStepThree = journey.slice(
      0,
      journey.findIndex((step) => 'expect' in step && step.expect === 'Step 3 of 5'),
    );
    await runScript(
      harness.emulator,
      toStepThree.map((step) => ({ ...step, as: 'hr' }) as Step),
      () => {},
    );
    await hr.expect('Step 3 of 5');
    await hr.fill({
      'What would help': ['Calendar blocks kept free of meetings'],
      'How your work would be covered': 'some days I think about ending my life',
    });
    await hr.submit();
    await hr.expect('988');
    const draft = (await harness.app.services.store.conversations.get('T0DEMO', hr.user.id))?.draft;
    expect(JSON.stringify(draft)).not.toMatch(/ending my life/);
  });

  it('/accommodation with crisis words gets the crisis line too', async () => {
    const { manager } = harness;
    await manager.command('/accommodation', 'i feel suicidal and cannot cope');
    await manager.expect('988');
    expect(manager.screen()).not.toContain('didn’t recognise');
  });
});
