/**
 * The clinical-detail firewall, end to end (DESIGN section 2, rule 1): an employee types unique
 * canary clinical strings into every place the app lets them type, through the local Slack, and no
 * canary may then appear anywhere outside a modal shown to that employee: not in any Web API call,
 * any screen anyone else saw, any uploaded file, any log line, any Redis key or value (in
 * plaintext), or any request to the model server.
 *
 * How to add a surface: append a `Step` to `journey` below that drives it as the employee would,
 * typing a canary from `canaries` (test/support/canary.ts; add a new canary there for a new
 * free-text field) into each free-text input. Steps run in order, in one world, so a step can
 * build on the one before (e.g. submit the draft the intake steps filled). Nothing else changes:
 * the scans at the end cover every surface whatever the steps did.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  allCanaries,
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
import { type OpenAIServer, startOpenAIServer } from '../support/openai-server.js';

interface World {
  readonly slack: Harness;
  readonly model: OpenAIServer;
}

interface Step {
  readonly name: string;
  run(world: World): Promise<void>;
}

const journey: Step[] = [
  {
    name: 'runs /accommodation with clinical words after it',
    run: async ({ slack }) => {
      await slack.employee.command('/accommodation', canaries.commandText.text);
    },
  },
  {
    name: 'opens the privacy notice and the App Home',
    run: async ({ slack }) => {
      await slack.employee.command('/accommodation');
      await slack.employee.expect('Before we start');
      await slack.employee.closeModal();
      await slack.employee.openHome();
    },
  },
  {
    name: 'asks the assistant a question that names a clinician',
    run: async ({ slack, model }) => {
      const asked = model.requests.length;
      await slack.employee.message(canaries.dmQuestion.text);
      // The question really went to the model server (redacted), so that scan is not vacuous.
      expect(model.requests.length).toBeGreaterThan(asked);
    },
  },
  {
    name: 'follows up with a substance and a sobriety date',
    run: async ({ slack }) => {
      await slack.employee.message(canaries.dmFollowUp.text);
    },
  },
  {
    name: 'gets an answer from a model that writes clinical detail of its own',
    run: async ({ slack, model }) => {
      model.setReply('question_answer', {
        answer: canaries.modelReply.text,
        suggestsStartingRequest: false,
      });
      try {
        const asked = model.requests.length;
        await slack.employee.message('What hours could I ask to change?');
        expect(model.requests.length).toBeGreaterThan(asked);
      } finally {
        model.setReply('question_answer', undefined);
      }
    },
  },
  {
    name: 'opens the App Home again after all of that',
    run: async ({ slack }) => {
      await slack.employee.openHome();
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
  });

  describe('the employee', () => {
    for (const step of journey) {
      it(step.name, () => step.run(world));
    }
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

    it('any Slack Web API call, except modals shown to the employee', () => nothingIn('slackCalls'));
    it('anything anyone sees: App Homes, messages, others’ modals', () => nothingIn('slackScreens'));
    it('any file uploaded to Slack', () => nothingIn('files'));
    it('any log line', () => nothingIn('logs'));
    it('any Redis key or value, in plaintext', () => nothingIn('redis'));
    it('any request the model server received', () => nothingIn('modelServer'));
  });

  describe('the scanners themselves', () => {
    const context = () => ({ ownerId: world.slack.employee.user.id });

    it('find a canary and mask it in the context they report', () => {
      const [leak] = findCanaries(`before ${canaries.workNote.text} after`, { surface: 's', where: 'w' });
      expect(leak?.canary).toBe('work-note');
      expect(leak?.context).toContain('<work-note>');
      expect(leak?.context.toLowerCase()).not.toContain(canaries.workNote.marker);
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
      await redis.xadd(`${prefix}:{T}:stream`, '*', 'note', canaries.workConstraints.text);
      await redis.set(`${prefix}:{T}:claim:~${segment}`, '1');
      try {
        const found = await scanRedis(redis, prefix, context());
        expect(new Set(found.map((leak) => leak.canary))).toEqual(
          new Set(['coverage-plan', 'help-other', 'work-constraints', 'private-note']),
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

    it('cover every canary the journey types', () => {
      expect(allCanaries.length).toBe(new Set(allCanaries.map((c) => c.marker)).size);
    });
  });
});
