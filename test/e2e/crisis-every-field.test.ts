import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../support/harness.js';
import { type OpenAIServer, startOpenAIServer } from '../support/openai-server.js';

/**
 * The crisis phrases of the privacy issue, typed into every free-text field of the intake and the
 * Edit wording form, and sent as DMs, through the real app over HTTP: each gets the crisis line,
 * nothing of it is saved in the draft or the chat, and none of it reaches the model, which is
 * running (a local OpenAI-compatible server) and is shown to be asked for ordinary questions.
 */
const phrases = [
  'I keep thinking about ending it',
  'tengo ganas de morir',
  'ngl I want to kms',
  'I have SI again this week',
  'thinking of taking all my pills at once',
  'I don’t see the point of going on',
  'can’t go on like this and want to disappear',
];

const weeksFromNow = (weeks: number) => {
  const day = new Date(Date.now() + weeks * 7 * 86_400_000);
  return day.toISOString().slice(0, 10);
};

type Values = Record<string, string | string[]>;

/** Each step's form filled in as an ordinary employee would; the free-text fields are the table. */
const steps: { step: string; next: string; values: Values; freeText: string[] }[] = [
  {
    step: 'Step 2 of 5',
    next: 'Step 3 of 5',
    values: {
      'Days you usually work': ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
      'Your workday usually starts at': '09:00',
      'Your workday usually ends at': '17:30',
      'Anything else about your work HR should know': 'I lead the Tuesday stand-up.',
    },
    freeText: ['Anything else about your work HR should know'],
  },
  {
    step: 'Step 3 of 5',
    next: 'Step 4 of 5',
    values: {
      'What would help': [
        'Leave early or start late on session days, and make up the hours',
        'Something else',
      ],
      'If something else, what is it?': 'A quiet desk near the exit.',
      'How your work would be covered': 'Priya covers the late queue.',
    },
    freeText: ['If something else, what is it?', 'How your work would be covered'],
  },
  {
    step: 'Step 4 of 5',
    next: 'Step 5 of 5',
    values: {
      'How the reason is worded': 'In my own words',
      'The reason, in your own words': 'I have regular appointments for a while.',
      'Where do you work?': 'United States',
      'Private note (only you can see this)': 'Ask about the parking pass.',
      'A short note for your team (optional)': 'Sam covers the Tuesday stand-up.',
    },
    freeText: [
      'The reason, in your own words',
      'Private note (only you can see this)',
      'A short note for your team (optional)',
    ],
  },
];

describe('a crisis phrase in every free-text field and in a DM gets the crisis line, and is not kept', () => {
  let harness: Harness;
  let model: OpenAIServer;
  beforeAll(async () => {
    model = await startOpenAIServer();
    harness = await startHarness({
      env: { OPENAI_BASE_URL: model.url, OPENAI_API_KEY: 'test-key', OPENAI_MAX_RETRIES: '0' },
    });
  }, 60_000);
  afterAll(async () => {
    await harness?.stop();
    await model?.close();
  });

  /** Every phrase absent from everything the model was sent so far. */
  const modelSawNone = () => {
    const sent = model.requests.map((r) => r.rawBody).join('\n');
    for (const phrase of phrases) expect(sent, phrase).not.toContain(phrase);
  };

  it('an ordinary question in a DM is put to the model (it is running)', async () => {
    const before = model.requests.length;
    await harness.eap.message('Can my manager see why I asked for different hours?');
    await harness.eap.expect('manager');
    expect(model.requests.length).toBeGreaterThan(before);
  });

  const draftText = async (userId: string) =>
    JSON.stringify(await harness.app.services.store.conversations.get('T0DEMO', userId));

  it.each(phrases)('a DM saying “%s”', async (phrase) => {
    const { employee } = harness;
    await employee.message(phrase);
    await employee.expect('988');
    expect(employee.screen()).not.toContain('held this message back');
    expect(await draftText(employee.user.id)).not.toContain(phrase);
    modelSawNone();
  });

  it('every intake field and both Edit wording fields, each phrase in turn', async () => {
    const employee = harness.hr;
    await employee.command('/accommodation');
    await employee.click('I understand, continue');
    await employee.expect('Step 1 of 5');
    await employee.fill({
      'Days you have sessions': ['Tuesday', 'Thursday'],
      'Sessions start at': '15:00',
      'Sessions end at': '18:00',
      'Travel time each way': '30 minutes',
      'First day of sessions': weeksFromNow(3),
      'Or: number of weeks': '10',
      'How you attend': 'In person',
    });
    await employee.submit();
    let turn = 0;
    const checked: string[] = [];
    const tryCrisis = async (step: string, values: Values, field: string) => {
      const phrase = phrases[turn++ % phrases.length] ?? '';
      await employee.expect(step);
      await employee.fill({ ...values, [field]: phrase });
      await employee.submit();
      await employee.expect('988');
      expect(await draftText(employee.user.id), field).not.toContain(phrase);
      checked.push(field);
      await employee.closeModal();
    };
    for (const { step, next, values, freeText } of steps) {
      for (const field of freeText) await tryCrisis(step, values, field);
      await employee.expect(step);
      await employee.fill(values);
      await employee.submit();
      await employee.expect(next);
    }
    const wording = {
      'What you’re asking for, in your words': 'I am asking to leave at 15:00 on Tuesdays and Thursdays.',
      'How your work would be covered': 'Priya covers the late queue.',
    };
    for (const field of Object.keys(wording)) {
      // Where the crisis window took the form’s place, the draft opens again at its review.
      if (!employee.screen().includes('Step 5 of 5')) await employee.command('/accommodation');
      await employee.expect('Step 5 of 5');
      await employee.click('Edit wording');
      await tryCrisis('What you’re asking for', wording, field);
    }
    expect(checked).toHaveLength(8);
    // Nothing of any phrase reached HR: no request was sent, and no message to anyone holds one.
    expect(await harness.app.services.store.requests.listByEmployee('T0DEMO', employee.user.id)).toEqual([]);
    for (const phrase of phrases)
      expect(JSON.stringify(harness.calls('chat.postMessage'))).not.toContain(phrase);
    // The draft as it stands goes to the model when the employee asks for a redraft: none of it.
    const before = model.requests.length;
    if (!employee.screen().includes('Step 5 of 5')) await employee.command('/accommodation');
    await employee.expect('Step 5 of 5');
    await employee.click('Redraft with the assistant');
    await harness.emulator.settle();
    expect(model.requests.length).toBeGreaterThan(before);
    modelSawNone();
  }, 120_000);
});
