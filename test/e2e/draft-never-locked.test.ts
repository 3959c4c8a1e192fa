import { runScript, type Step } from '@accommodation-assistant/slack-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { typedByPerson } from '../../src/privacy/private-text.js';
import { updateDraft } from '../../src/workflows/drafts.js';
import { type Harness, startHarness } from '../support/harness.js';
import { loadScript, TEAM } from '../support/scripts.js';

/**
 * Issue 9: at step 3 tick "Leave early or start late…" and "Work from home on session days", type a
 * coverage plan, then choose "Redraft with the assistant" at step 5 with no model configured. The
 * modal stayed on "Putting your letter together…", and from then on /accommodation and "Continue
 * your draft" failed every time. The person must always get their draft back, with a plain note.
 */

const coverage =
  'I will start at 7:45 on session days and hand over anything urgent to Alex by 4:30. My calendar will show ' +
  'when I am away, Sam covers the client inbox on those afternoons, and anything that cannot wait reaches me by phone.';

/** The journey to step 5, with both schedule changes ticked at step 3 and a long coverage plan. */
function toReview(): Step[] {
  const steps = loadScript('journey.json');
  const review = steps.findIndex((step) => 'expect' in step && step.expect === 'Step 5 of 5');
  return steps.slice(0, review + 1).map((step) => {
    if ('fill' in step && 'What would help' in step.fill) {
      return {
        ...step,
        fill: {
          'What would help': [
            'Leave early or start late on session days, and make up the hours',
            'Work from home on session days',
          ],
          'How your work would be covered': coverage,
        },
      } as Step;
    }
    return step;
  });
}

describe('the employee is never locked out of their own draft', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
    await runScript(harness.emulator, toReview(), () => {});
  });
  afterAll(async () => {
    await harness.stop();
  });

  const screen = () => harness.employee.screen();

  it('Redraft with the assistant (no model) comes back to the review, with a plain note', async () => {
    await harness.employee.click('Redraft with the assistant');
    const shown = screen();
    expect(shown).not.toContain('Putting your letter together');
    expect(shown).toContain('Step 5 of 5');
    const refused = harness.calls('views.update').filter((call) => !call.ok);
    expect(refused, JSON.stringify(refused)).toEqual([]);
  });

  it('every views.update names the hash of the view it replaces, so two updates cannot race', () => {
    const updates = harness.calls('views.update');
    expect(updates.length).toBeGreaterThan(0);
    for (const call of updates) expect((call.args as Record<string, unknown>).hash, call.method).toBeTruthy();
  });

  it('every view the app sent was accepted by Slack', () => {
    for (const method of ['views.open', 'views.update', 'views.push']) {
      expect(harness.calls(method).filter((call) => !call.ok)).toEqual([]);
    }
  });

  const closeEverything = async () => {
    while (harness.employee.topModal()) await harness.employee.closeModal();
  };

  it('/accommodation afterwards opens the draft again', async () => {
    await closeEverything();
    await harness.employee.command('/accommodation');
    expect(screen()).toMatch(/Step 5 of 5|Continue your draft/);
    expect(harness.calls('views.open').filter((call) => !call.ok)).toEqual([]);
  });

  it('Continue your draft from the Home tab opens it too', async () => {
    await closeEverything();
    await harness.employee.openHome();
    await harness.employee.click('Continue your draft');
    expect(screen()).toContain('Step 5 of 5');
    expect(harness.calls('views.open').filter((call) => !call.ok)).toEqual([]);
  });

  it('a draft whose answers don’t fit the letter still opens, saying what to fix', async () => {
    const { store } = harness.app.services;
    const userId = harness.employee.user.id;
    const draft = (await store.conversations.get(TEAM, userId))?.draft;
    if (!draft) throw new Error('no draft');
    await updateDraft(store, TEAM, userId, draft.draftId, new Date(), (current) => ({
      ...current,
      // 450 characters, as a note saved before step 2 held it to the letter’s 300 could be.
      sensitive: {
        ...current.sensitive,
        constraintsNote: typedByPerson(`${coverage} ${coverage}`.slice(0, 450)),
      },
    }));
    await closeEverything();
    await harness.employee.command('/accommodation');
    if (!screen().includes('Step 5 of 5')) await harness.employee.click('Continue your draft');
    await harness.employee.expect('Step 5 of 5');
    await harness.employee.expect(
      'I couldn’t put the letter together: what you told HR about your work (step 2) doesn’t fit the letter (at most 300 characters)',
    );
    await harness.employee.expect('Your answers are saved');

    await closeEverything();
    await harness.employee.openHome();
    await harness.employee.click('Continue your draft');
    await harness.employee.expect('I couldn’t put the letter together');
    expect(harness.calls('views.open').filter((call) => !call.ok)).toEqual([]);
  });

  it('and Send to HR refuses to send a letter that can’t be written, keeping the draft', async () => {
    const posted = harness.calls('chat.postMessage').length;
    await harness.employee.submit();
    await harness.employee.expect('Step 5 of 5');
    await harness.employee.expect('I couldn’t put the letter together');
    expect(harness.calls('chat.postMessage').slice(posted)).toEqual([]);
    expect(
      (await harness.app.services.store.conversations.get(TEAM, harness.employee.user.id))?.draft,
    ).toBeDefined();
  });
});
