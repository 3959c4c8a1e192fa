import { describe, expect, it } from 'vitest';
import { createDrafter, OFFLINE_NOTES, REASON_TOKEN } from '../../../src/drafting/index.js';
import { CANARIES, canaryPrivacy, REASON, statementInput } from './fixtures.js';

const offlineDrafter = () =>
  createDrafter({ model: 'unused', timeoutMs: 1000, maxRetries: 0, privacy: canaryPrivacy() });

describe('the offline statement', () => {
  it('says what is asked for, when, and how work is covered, in the first person', async () => {
    const draft = await offlineDrafter().draftStatement(statementInput());
    expect(draft.statementOfNeed).toBe(
      `I'm writing to ask for a workplace accommodation because of ${REASON}. ` +
        'From 2 March 2026 to 29 May 2026, I have scheduled sessions on Mondays, Wednesdays and Thursdays from 5:00 PM to 8:00 PM ET, plus about 30 minutes of travel each way. ' +
        "I usually work Monday to Friday, 9:00 AM to 5:30 PM, and I'm asking to start later or leave earlier on those days and to keep those times free of meetings in my calendar. " +
        "My role includes recurring meetings, and I've planned for that below. " +
        'Something to keep in mind: The Monday stand-up runs until 16:45. ' +
        "I'll keep meeting the essential functions of my role, and I'm glad to talk through the details.",
    );
    expect(draft.coveragePlan).toContain('Priya has agreed to cover the late support queue.');
    expect(draft.coveragePlan).toContain('29 May 2026');
  });

  it('is marked as the standard draft, without claiming anything went wrong', async () => {
    const draft = await offlineDrafter().draftStatement(statementInput());
    expect(draft).toMatchObject({
      source: 'offline',
      fallback: 'not_configured',
      note: OFFLINE_NOTES.statementNotConfigured,
    });
  });

  it('leaves out free text that holds clinical detail, and never uses the own-words field', async () => {
    const draft = await offlineDrafter().draftStatement(
      statementInput({
        constraintsNote: 'My therapist moved the group to Mondays.',
        coverageNotes: 'Sam covers while I am at rehab.',
        accommodations: ['other'],
        otherAccommodation: 'Time off for methadone pickup',
      }),
    );
    const text = `${draft.statementOfNeed} ${draft.coveragePlan}`;
    for (const canary of CANARIES) expect(text.toLowerCase()).not.toContain(canary.toLowerCase());
    expect(text).not.toContain('Sam covers');
    expect(draft.statementOfNeed).toContain("I'm asking for a change to my working pattern.");
  });

  it('uses the words the employee gave for "other" when they are work terms', async () => {
    const draft = await offlineDrafter().draftStatement(
      statementInput({ accommodations: ['other'], otherAccommodation: 'A later lunch break on Tuesdays.' }),
    );
    expect(draft.statementOfNeed).toContain("I'm asking for this change: A later lunch break on Tuesdays.");
  });

  it('writes times the way the letter’s country does', async () => {
    const uk = await offlineDrafter().draftStatement(statementInput({ jurisdiction: 'uk' }));
    expect(uk.statementOfNeed).toContain('from 17:00 to 20:00');
    const ca = await offlineDrafter().draftStatement(statementInput({ jurisdiction: 'ca' }));
    expect(ca.statementOfNeed).toContain('from 5:00 p.m. to 8:00 p.m.');
  });

  it('puts in the chosen reason exactly once, and no token', async () => {
    const reasonWording = 'My program costs $& and $1 to attend.';
    const draft = await offlineDrafter().draftStatement(statementInput({ reasonWording }));
    expect(draft.statementOfNeed.split(reasonWording)).toHaveLength(2);
    expect(draft.statementOfNeed).not.toContain(REASON_TOKEN);
  });

  it('rejects answers the intake should never have let through, naming fields but not their content', async () => {
    const good = statementInput();
    const bad = { ...good, schedule: { ...good.schedule, sessionStart: 'Suboxone at 5' } };
    const error = await offlineDrafter()
      .draftStatement(bad)
      .then(
        () => new Error('no error'),
        (e: unknown) => e as Error,
      );
    expect(error.message).toContain('schedule.sessionStart');
    expect(error.message).not.toContain('Suboxone');
  });
});
