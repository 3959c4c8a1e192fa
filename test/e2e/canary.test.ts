/**
 * The clinical-detail firewall, end to end (DESIGN section 2, rule 1): an employee types unique
 * canary clinical strings into every place the app lets them type, through the local Slack, and no
 * canary may then appear anywhere outside a modal shown to that employee: not in any Web API call,
 * any screen anyone else saw, any uploaded file, any log line, any Redis key or value (in
 * plaintext), or any request to the model server.
 *
 * How to add a surface: append a `Step` to `journey` below that drives it through the emulator as
 * a person would (`slack.employee`, `slack.hr`, ...), typing `type(canaries.x)` into each
 * free-text input; for a new free-text field, add a canary to `canaries` in
 * test/support/canary.ts first (a realistic sentence whose marker word the detector flags). Steps
 * run in order in one world, so a step can build on the one before. Nothing else changes: the
 * scans at the end cover every surface whatever the steps did, and a test fails if a canary is
 * defined but never typed.
 *
 * Two steps exist so that each line of defence is the only one somewhere, and removing it fails
 * this test: the model server repeating the employee's private note (no clinical word for the
 * drafter's output scan, so only the outbound guard holds it back), and logging at `trace` (the
 * Web API client logs response bodies at debug, and those carry the employee's own modal, so only
 * the log scrub keeps them out).
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  adversarialCanaries,
  allCanaries,
  type Canary,
  canaries,
  describeLeaks,
  findCanaries,
  type LeaksBySurface,
  ScreenWatcher,
  scanEverywhere,
  scanLogs,
  scanModelRequests,
  scanRedis,
  scanSlackCalls,
  undetectedCanaries,
} from '../support/canary.js';
import { type Harness, startHarness } from '../support/harness.js';
import { FIRST_ARTICLE_ID, type OpenAIServer, startOpenAIServer } from '../support/openai-server.js';

interface World {
  readonly slack: Harness;
  readonly model: OpenAIServer;
}

interface Step {
  readonly name: string;
  run(world: World): Promise<void>;
}

/** Types a canary and notes that it was typed, so the test can tell if a canary is never used. */
const typedCanaries = new Set<string>();
function type(c: Canary): string {
  typedCanaries.add(c.id);
  return c.text;
}

/** A date some weeks ahead, so the intake's "not in the past" rule never trips. */
function weeksFromNow(weeks: number): string {
  return new Date(Date.now() + weeks * 7 * 86_400_000).toISOString().slice(0, 10);
}

/** While it runs, the model server answers questions with `answer`, as a misbehaving model might. */
async function withModelAnswer(model: OpenAIServer, answer: string, run: () => Promise<void>) {
  // It cites an article it was given, so only the app's own scans stand between it and the employee.
  model.setReply('grounded_answer', {
    articleId: FIRST_ARTICLE_ID,
    answer,
    whenToAskForHelp: 'HR can tell you the company policy.',
  });
  try {
    await run();
  } finally {
    model.setReply('grounded_answer', undefined);
  }
}

const journey: Step[] = [
  // ---- commands, the privacy notice, the App Home ----
  {
    name: 'runs /accommodation with clinical words after it',
    run: async ({ slack }) => {
      await slack.employee.command('/accommodation', type(canaries.commandText));
    },
  },
  {
    name: 'opens the App Home and reads the privacy notice',
    run: async ({ slack }) => {
      await slack.employee.openHome();
      await slack.employee.click('Read the privacy notice');
      await slack.employee.expect('Your privacy, in plain words');
      await slack.employee.closeModal();
    },
  },

  // ---- the assistant in the DM ----
  {
    name: 'asks the assistant a question that names a clinician',
    run: async ({ slack, model }) => {
      const asked = model.requests.length;
      await slack.employee.message(type(canaries.dmQuestion));
      // The question really went to the model server (redacted), so that scan is not vacuous.
      // Polled: on a busy machine the reply can come after the emulator thinks the app is quiet.
      await expect.poll(() => model.requests.length).toBeGreaterThan(asked);
    },
  },
  {
    name: 'follows up with a substance and a sobriety date',
    run: async ({ slack }) => {
      await slack.employee.message(type(canaries.dmFollowUp));
    },
  },
  {
    name: 'writes something that sounds like a crisis',
    run: async ({ slack }) => {
      await slack.employee.message(type(canaries.dmCrisis));
      await slack.employee.expect('988');
    },
  },
  {
    name: 'gets an answer from a model that writes clinical detail of its own',
    run: async ({ slack, model }) => {
      await withModelAnswer(model, canaries.modelReply.text, async () => {
        const asked = model.requests.length;
        await slack.employee.message('What hours could I ask to change?');
        // Polled: on a busy machine the reply can come after the emulator thinks the app is quiet.
        await expect.poll(() => model.requests.length).toBeGreaterThan(asked);
      });
    },
  },

  // ---- the guided intake: every free-text field gets its own canary ----
  {
    name: 'accepts the privacy notice and fills in the session schedule',
    run: async ({ slack }) => {
      const { employee } = slack;
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
      await employee.expect('Step 2 of 5');
    },
  },
  {
    name: 'describes their work, with a clinical note',
    run: async ({ slack }) => {
      const { employee } = slack;
      await employee.fill({
        'Days you usually work': ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
        'Your workday usually starts at': '09:00',
        'Your workday usually ends at': '17:30',
        'Anything about your role that affects timing': ['Recurring meetings I need to be in'],
        'Anything else about your work HR should know': type(canaries.workNote),
      });
      await employee.submit();
      await employee.expect('Step 3 of 5');
    },
  },
  {
    name: 'says what would help, with clinical words in "something else" and the coverage plan',
    run: async ({ slack }) => {
      const { employee } = slack;
      await employee.fill({
        'What would help': [
          'Leave early or start late on session days, and make up the hours',
          'Something else',
        ],
        'If something else, what is it?': type(canaries.helpOther),
        'How your work would be covered': type(canaries.coveragePlan),
      });
      await employee.submit();
      await employee.expect('Step 4 of 5');
    },
  },
  {
    name: 'gives the reason in their own words and writes a private note',
    run: async ({ slack }) => {
      const { employee } = slack;
      await employee.fill({
        'How the reason is worded': 'In my own words',
        'The reason, in your own words': type(canaries.ownWords),
        'Should your manager be told the approved schedule?':
          'Yes, tell my manager the approved days and hours',
        'May the EAP team see how your request is going?': 'Yes, they may see its status and dates',
        'Where do you work?': 'United States',
        'Private note (only you can see this)': type(canaries.privateNote),
      });
      await employee.submit();
      await employee.expect('Step 5 of 5');
    },
  },
  {
    name: 'edits the wording of the letter with clinical words',
    run: async ({ slack }) => {
      const { employee } = slack;
      await employee.click('Edit wording');
      await employee.fill({
        'What you’re asking for, in your words': type(canaries.wordingStatement),
        'How your work would be covered': type(canaries.wordingCoverage),
      });
      await employee.submit();
      await employee.expect('Step 5 of 5');
    },
  },
  {
    name: 'asks the assistant to redraft the letter',
    run: async ({ slack, model }) => {
      const asked = model.requests.length;
      await slack.employee.click('Redraft with the assistant');
      await slack.employee.expect('Step 5 of 5');
      // Polled: on a busy machine the reply can come after the emulator thinks the app is quiet.
      await expect.poll(() => model.requests.length).toBeGreaterThan(asked);
    },
  },
  {
    name: 'goes back to a step, closes the form to finish later, and sees the draft on the App Home',
    run: async ({ slack }) => {
      await slack.employee.click('Change what would help');
      await slack.employee.expect('Step 3 of 5');
      await slack.employee.closeModal();
      await slack.employee.openHome();
      await slack.employee.expect('Continue your draft');
    },
  },
  {
    // Only the guard stands here: the note has no clinical word for the drafter's scan to catch,
    // but it is private as a whole, and the DM handler has just read the draft that holds it.
    name: 'asks the assistant something while a model repeats their private note back',
    run: async ({ slack, model }) => {
      await withModelAnswer(model, canaries.privateNote.text, async () => {
        await slack.employee.message('Can I change my request later?');
      });
    },
  },
  {
    name: 'reopens the draft from the global shortcut, and leaves it for later again',
    run: async ({ slack }) => {
      const { employee } = slack;
      await employee.shortcut('start_accommodation_request');
      await employee.expect('Step 5 of 5');
      await employee.click('Change what would help');
      await employee.closeModal();
    },
  },
  {
    name: 'continues the draft from the App Home and sends it to HR',
    run: async ({ slack }) => {
      const { employee } = slack;
      await employee.openHome();
      await employee.click('Continue your draft');
      await employee.expect('Step 5 of 5');
      // Words that name a health detail cannot be released to HR: the review says so, and nothing goes.
      await employee.submit();
      await employee.expect('HR doesn’t need that to approve a schedule');
      await employee.expect('nothing has been sent');
      // So the employee rewrites every part of the letter in plain work terms, and sends that.
      await employee.click('Edit wording');
      await employee.fill({
        'What you’re asking for, in your words': 'I would like to finish at 2:30 on Tuesdays and Thursdays.',
        'How your work would be covered': 'I will hand over anything urgent to Alex by 2:15.',
      });
      await employee.submit();
      await employee.expect('Step 5 of 5');
      await employee.click('Change work hours');
      await employee.fill({ 'Anything else about your work HR should know': 'I lead the Tuesday stand-up.' });
      await employee.submit();
      await employee.expect('Step 5 of 5');
      await employee.click('Change what would help');
      await employee.fill({ 'If something else, what is it?': 'A quiet desk near the exit.' });
      await employee.submit();
      await employee.expect('Step 5 of 5');
      await employee.click('Change what’s shared');
      await employee.fill({ 'The reason, in your own words': 'I have regular appointments for a while.' });
      await employee.submit();
      await employee.expect('Step 5 of 5');
      expect(employee.screen()).not.toContain('HR doesn’t need that');
      await employee.submit();
      employee.openMessages();
      await employee.expect('Your request is saved, and HR will be told');
    },
  },

  // ---- after submitting: HR, status, export ----
  {
    name: 'HR opens the request from the card',
    run: async ({ slack }) => {
      await slack.hr.click('View request');
      await slack.hr.expect('interactive process');
    },
  },
  {
    name: 'checks the status, views the request and asks HR for an update',
    run: async ({ slack }) => {
      const { employee } = slack;
      await employee.command('/accommodation', 'status');
      await employee.openHome();
      await employee.click('View request');
      await employee.closeModal();
      // HR's answer falls due, so the Home tab offers to ask for an update.
      slack.advanceAppClock(7 * 86_400_000);
      await employee.openHome();
      await employee.click('Ask HR for an update');
    },
  },
  {
    name: 'exports their data',
    run: async ({ slack }) => {
      const uploaded = () => [...slack.emulator.workspace.files.values()].filter((file) => file.completed);
      const before = uploaded().length;
      await slack.employee.openHome();
      await slack.employee.click('Export my data');
      // The file really reached Slack, so the file scan has something to read.
      expect(uploaded().length).toBeGreaterThan(before);
    },
  },
];

/**
 * The adversarial forms, shared out over the free-text fields of a second draft, a few to a field
 * (the work note takes 300 characters). The detail split across fields ends one and starts the next.
 */
const adversarialFields = [
  'Anything else about your work HR should know',
  'If something else, what is it?',
  'How your work would be covered',
  'The reason, in your own words',
  'Private note (only you can see this)',
  'What you’re asking for, in your words',
  'How your work would be covered (Edit wording)',
] as const;
type AdversarialField = (typeof adversarialFields)[number];

function adversarialText(): Record<AdversarialField, string> {
  const split = adversarialCanaries.find((c) => c.id === 'adv-split');
  const rest = adversarialCanaries.filter((c) => c !== split);
  const texts = adversarialFields.map((_, k) =>
    rest
      .filter((_, i) => i % adversarialFields.length === k)
      .map((c) => type(c))
      .join('. '),
  );
  // "I was diagnosed with" ends the work note; the condition opens the next field.
  texts[0] = `${texts[0]}. I was diagnosed with`;
  if (split) texts[1] = `${type(split)}. ${texts[1]}`;
  return Object.fromEntries(adversarialFields.map((field, k) => [field, texts[k] ?? ''])) as Record<
    AdversarialField,
    string
  >;
}

const adversarialJourney: Step[] = [
  {
    name: 'types every adversarial form in a DM, with the model quoting back what it is sent',
    run: async ({ slack, model }) => {
      model.mode('echo');
      try {
        for (const c of adversarialCanaries) await slack.employee.message(type(c));
      } finally {
        model.mode('ok');
      }
    },
  },
  {
    name: 'types the adversarial forms into every free-text field of a second request, which cannot be sent',
    run: async ({ slack, model }) => {
      const { employee } = slack;
      const typed = adversarialText();
      for (const [field, text] of Object.entries(typed)) expect(text.length, field).toBeLessThanOrEqual(300);
      model.mode('echo');
      try {
        await employee.command('/accommodation', 'new');
        await employee.expect('Step 1 of 5');
        await employee.fill({
          'Days you have sessions': ['Monday', 'Wednesday'],
          'Sessions start at': '16:00',
          'Sessions end at': '19:00',
          'Travel time each way': '30 minutes',
          'First day of sessions': weeksFromNow(4),
          'Or: number of weeks': '8',
          'How you attend': 'In person',
        });
        await employee.submit();
        await employee.expect('Step 2 of 5');
        await employee.fill({
          'Days you usually work': ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
          'Your workday usually starts at': '09:00',
          'Your workday usually ends at': '17:30',
          'Anything else about your work HR should know':
            typed['Anything else about your work HR should know'],
        });
        await employee.submit();
        await employee.expect('Step 3 of 5');
        await employee.fill({
          'What would help': [
            'Leave early or start late on session days, and make up the hours',
            'Something else',
          ],
          'If something else, what is it?': typed['If something else, what is it?'],
          'How your work would be covered': typed['How your work would be covered'],
        });
        await employee.submit();
        await employee.expect('Step 4 of 5');
        await employee.fill({
          'How the reason is worded': 'In my own words',
          'The reason, in your own words': typed['The reason, in your own words'],
          'Should your manager be told the approved schedule?':
            'Yes, tell my manager the approved days and hours',
          'May the EAP team see how your request is going?': 'Yes, they may see its status and dates',
          'Where do you work?': 'United States',
          'Private note (only you can see this)': typed['Private note (only you can see this)'],
        });
        await employee.submit();
        await employee.expect('Step 5 of 5');
        await employee.click('Edit wording');
        await employee.fill({
          'What you’re asking for, in your words': typed['What you’re asking for, in your words'],
          'How your work would be covered': typed['How your work would be covered (Edit wording)'],
        });
        await employee.submit();
        await employee.expect('Step 5 of 5');
        // The employee's own review shows them their words back, disguises and all.
        // ("Provigil …" falls to the letter's opening paragraph, from Edit wording.)
        await employee.expect('Provigil for the fatigue, it helps with the afternoons');
        const asked = model.requests.length;
        await employee.click('Redraft with the assistant');
        await employee.expect('Step 5 of 5');
        await expect.poll(() => model.requests.length).toBeGreaterThan(asked);
        // Sending is the release, and none of these words can be released.
        await employee.submit();
        await employee.expect('HR doesn’t need that to approve a schedule');
        await employee.closeModal();
      } finally {
        model.mode('ok');
      }
    },
  },
];

describe('canary clinical strings never leave through any way out', () => {
  const keyPrefix = `canary-${randomUUID().slice(0, 8)}`;
  let world: World;
  let screens: ScreenWatcher;
  let redis: Redis;
  let leaks: LeaksBySurface;

  beforeAll(async () => {
    const model = await startOpenAIServer();
    const slack = await startHarness({
      env: {
        REDIS_URL: inject('redisUrl'),
        REDIS_KEY_PREFIX: keyPrefix,
        OPENAI_BASE_URL: model.url,
        OPENAI_API_KEY: 'test-key',
        OPENAI_MAX_RETRIES: '0',
        // The most the app ever logs: a leak at any level shows up.
        LOG_LEVEL: 'trace',
      },
    });
    world = { slack, model };
    screens = new ScreenWatcher(slack.emulator);
    redis = new Redis(inject('redisUrl'));
  });

  afterAll(async () => {
    screens?.stop();
    await world?.slack.stop();
    await world?.model.close();
    if (redis) {
      const keys = await redis.keys(`${keyPrefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
    }
  });

  it('uses canaries whose clinical part the detector flags, so the guard knows them', () => {
    expect(undetectedCanaries().map((c) => c.id)).toEqual([]);
    expect(adversarialCanaries.length).toBeGreaterThan(20);
  });

  describe('the employee', () => {
    for (const step of [...journey, ...adversarialJourney]) {
      it(step.name, () => step.run(world));
    }
  });

  it('typed every canary somewhere (only the model writes its own)', () => {
    const untyped = allCanaries.filter((c) => c !== canaries.modelReply && !typedCanaries.has(c.id));
    expect(untyped.map((c) => c.id)).toEqual([]);
  });

  describe('afterwards, no canary is in', () => {
    const scanned = async (): Promise<LeaksBySurface> => {
      leaks ??= await scanEverywhere(
        {
          emulator: world.slack.emulator,
          screens,
          logs: world.slack.logs(),
          redis,
          keyPrefix,
          modelRequests: world.model.requests,
        },
        { ownerId: world.slack.employee.user.id },
      );
      return leaks;
    };
    const nothingIn = async (surface: keyof LeaksBySurface) => {
      const found = (await scanned())[surface];
      expect(found, describeLeaks(found)).toEqual([]);
    };

    it('(each scan had something real to read)', async () => {
      const { slack, model } = world;
      expect(slack.calls().length).toBeGreaterThan(20);
      expect([...slack.emulator.workspace.files.values()].some((file) => file.content)).toBe(true);
      expect(slack.logs().split('\n').length).toBeGreaterThan(20);
      expect((await redis.keys(`${keyPrefix}:*`)).length).toBeGreaterThan(3);
      expect(model.requests.length).toBeGreaterThanOrEqual(4);
    });
    it('any Slack Web API call, except modals shown to the employee', () => nothingIn('slackCalls'));
    it('anything anyone sees: App Homes, messages, others’ modals', () => nothingIn('slackScreens'));
    it('any file uploaded to Slack', () => nothingIn('files'));
    it('any log line', () => nothingIn('logs'));
    it('any Redis key or value, in plaintext', () => nothingIn('redis'));
    it('any request the model server received', () => nothingIn('modelServer'));
  });

  describe('the scanners themselves', () => {
    const context = () => ({ ownerId: world.slack.employee.user.id });

    it('find a canary and mask it in the context they report, even one cut at the edge', () => {
      // Sixty characters before "Hazelden" falls inside "fentanyl": a naive excerpt would show "tanyl".
      const text = `${canaries.helpOther.text}${' '.repeat(33)}${canaries.workNote.text}`;
      const leaks = findCanaries(text, { surface: 's', where: 'w' });
      expect(leaks.map((leak) => leak.canary)).toEqual(['work-note', 'help-other']);
      for (const leak of leaks) {
        expect(leak.context).toContain(`<${leak.canary}>`);
        expect(leak.context.toLowerCase()).not.toMatch(/fentanyl|entanyl|hazelden|azelden/);
      }
    });

    it('find a canary hidden in base64, as private_metadata or a key segment would carry it', () => {
      const encoded = Buffer.from(JSON.stringify({ note: canaries.ownWords.text })).toString('base64');
      expect(findCanaries(`metadata=${encoded}`, { surface: 's', where: 'w' })).toHaveLength(1);
    });

    it('allow the employee’s own modal, but not a modal shown to someone else', async () => {
      const view = { type: 'modal', title: { type: 'plain_text', text: 'x' }, blocks: [] };
      const { employee, hr, emulator } = world.slack;
      const openFor = (userId: string) =>
        emulator.workspace.openModal(userId, { ...view, private_metadata: canaries.ownWords.text });
      const mine = openFor(employee.user.id);
      const theirs = openFor(hr.user.id);
      const calls = [mine, theirs].map((opened, index) => ({
        seq: index + 1,
        method: 'views.open',
        args: { view: opened.definition },
        at: '',
        ok: true,
      }));
      const found = scanSlackCalls(calls, screens, context());
      emulator.workspace.clearModals(employee.user.id);
      emulator.workspace.clearModals(hr.user.id);
      expect(found.map((leak) => leak.where)).toEqual([
        `#2 views.open (modal of ${hr.user.id}) view.private_metadata`,
      ]);
    });

    it('read every Redis type and decode encoded key segments', async () => {
      const prefix = `${keyPrefix}-control`;
      const segment = Buffer.from(canaries.privateNote.text).toString('base64url');
      await redis.hset(`${prefix}:{T}:hash`, 'field', canaries.coveragePlan.text);
      await redis.rpush(`${prefix}:{T}:list`, canaries.helpOther.text);
      await redis.xadd(`${prefix}:{T}:stream`, '*', 'note', canaries.dmCrisis.text);
      await redis.set(`${prefix}:{T}:claim:~${segment}`, '1');
      try {
        const found = await scanRedis(redis, prefix, context());
        expect(new Set(found.map((leak) => leak.canary))).toEqual(
          new Set(['coverage-plan', 'help-other', 'dm-crisis', 'private-note']),
        );
      } finally {
        await redis.del(...(await redis.keys(`${prefix}:*`)));
      }
    });

    it('read log lines and model requests', () => {
      const line = JSON.stringify({ level: 30, msg: `said ${canaries.dmFollowUp.text}` });
      expect(scanLogs(`${line}\n`, context())).toHaveLength(1);
      const request = {
        method: 'POST',
        path: '/v1/chat/completions',
        headers: {},
        rawBody: '',
        body: { messages: [{ role: 'user', content: canaries.dmQuestion.text }] },
        answeredAs: 'ok' as const,
      };
      expect(scanModelRequests([request], context()).map((leak) => leak.where)).toEqual([
        'request 1 /v1/chat/completions messages[0].content',
      ]);
    });

    it('give each canary a marker of its own', () => {
      expect(allCanaries.length).toBe(new Set(allCanaries.map((c) => c.marker)).size);
    });
  });
});
