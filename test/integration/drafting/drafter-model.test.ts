import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CLOSEST_TOPICS_TEXT,
  createDrafter,
  type DrafterOptions,
  MAX_RETRIES_CAP,
  OFFLINE_NOTES,
  REASON_TOKEN,
} from '../../../src/drafting/index.js';
import {
  DEFAULT_REPLIES,
  FIRST_ARTICLE_ID,
  type OpenAIServer,
  type OpenAIServerMode,
  readGroundedPrompt,
  startOpenAIServer,
} from '../../support/openai-server.js';
import { asked, CANARIES, canaryPrivacy, REASON, statementInput } from '../../unit/drafting/fixtures.js';

let server: OpenAIServer;
beforeAll(async () => {
  server = await startOpenAIServer({ slowMs: 10_000 });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => server.reset());

function bodyOf<T>(index: number): T {
  const request = server.requests[index];
  if (!request) throw new Error(`the server got no request number ${index}`);
  return request.body as T;
}

interface Warning {
  obj: object;
  msg: string;
}

function drafterFor(overrides: Partial<DrafterOptions> = {}) {
  const warnings: Warning[] = [];
  const privacy = canaryPrivacy();
  const drafter = createDrafter({
    baseURL: server.url,
    apiKey: 'test-key',
    model: 'test-model',
    timeoutMs: 5_000,
    maxRetries: 0,
    privacy,
    logger: { warn: (obj, msg) => warnings.push({ obj, msg }) },
    ...overrides,
  });
  return { drafter, warnings, privacy };
}

const question = asked('Do I have to tell HR that my Suboxone appointments are why?', [
  { role: 'user' as const, content: 'I go to an IOP three evenings a week.' },
  { role: 'assistant' as const, content: 'Thanks for telling me. What would help most?' },
]);

describe('drafting with a reachable model', () => {
  it('returns the model statement with the chosen reason put in, the employee’s own coverage notes first, and no note', async () => {
    const { drafter } = drafterFor();
    const input = statementInput();
    const draft = await drafter.draftStatement(input);
    const reply = DEFAULT_REPLIES.statement_of_need as { statementOfNeed: string; coveragePlan: string };
    expect(draft).toEqual({
      statementOfNeed: reply.statementOfNeed.replace(REASON_TOKEN, REASON),
      coveragePlan: `${String(input.coverageNotes)}\n${reply.coveragePlan}`,
      source: 'model',
    });
  });

  it('asks for strict structured output under the statement format name, with the configured model', async () => {
    const { drafter } = drafterFor();
    await drafter.draftStatement(statementInput());
    expect(server.requests).toHaveLength(1);
    const body = bodyOf<{
      model: string;
      response_format: { type: string; json_schema: { name: string; strict: boolean; schema: object } };
    }>(0);
    expect(body.model).toBe('test-model');
    expect(body.response_format.type).toBe('json_schema');
    expect(body.response_format.json_schema).toMatchObject({
      name: 'statement_of_need',
      strict: true,
      schema: { required: ['statementOfNeed', 'coveragePlan'], additionalProperties: false },
    });
    expect(server.requests[0]?.headers.authorization).toBe('Bearer test-key');
  });

  it('answers a question from an article it was given, and names that article', async () => {
    const { drafter } = drafterFor();
    const answer = await drafter.answerQuestion(question);
    expect(server.requests[0]?.schemaName).toBe('grounded_answer');
    const { articles } = readGroundedPrompt(server.requests[0]?.body);
    expect(answer).toMatchObject({ kind: 'answer', source: 'model', article: { id: 'disclosure' } });
    expect(articles.map((article) => article.id)).toContain('disclosure');
    // The reply is the cited article's own words, then who to ask.
    expect(answer.answer).toMatch(/^You choose what to share\./);
    expect(answer.answer).toMatch(/HR|EAP|lawyer/);
  });

  it('puts the top articles in the prompt as the only ground, with the recent history', async () => {
    const { drafter } = drafterFor();
    await drafter.answerQuestion(question);
    const { messages } = bodyOf<{ messages: { role: string; content: string }[] }>(0);
    expect(messages[0]?.role).toBe('system');
    expect(messages[0]?.content).toContain('They are the only ground you may answer from');
    expect(messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    const { articles, question: asked } = readGroundedPrompt(bodyOf(0));
    expect(articles.length).toBeGreaterThanOrEqual(1);
    expect(articles.length).toBeLessThanOrEqual(3);
    expect(asked).toBe('Do I have to tell HR that my [health detail] appointments are why?');
  });

  it('masks rare words the detector does not know, in the question and the history, before the prompt', async () => {
    const { drafter } = drafterFor();
    await drafter.answerQuestion(
      asked('Can Mrs Okonkwo from Harborlight see my request?', [
        { role: 'user', content: 'Lindqvist drives me on Tuesdays.' },
      ]),
    );
    const raw = server.requests[0]?.rawBody ?? '';
    for (const word of ['Okonkwo', 'Harborlight', 'Lindqvist']) expect(raw).not.toContain(word);
    const { question: sent } = readGroundedPrompt(bodyOf(0));
    expect(sent).toBe('Can Mrs [word 1] from [word 2] see my request?');
  });

  it('masks the Spanish words search reads, which are not the articles’ own words', async () => {
    // "recaer" (to relapse) and "diagnóstico" help find the topic, yet say what the person lives with.
    const { drafter } = drafterFor();
    await drafter.answerQuestion(asked('¿y si vuelvo a recaer, pido otro diagnóstico?'));
    const raw = server.requests[0]?.rawBody ?? '';
    for (const word of ['recaer', 'diagnóstico', 'diagnostico']) expect(raw).not.toContain(word);
    expect(readGroundedPrompt(bodyOf(0)).question).toMatch(/\[word \d\]\?$/);
  });

  it('does not show a reply that repeats a masked word’s placeholder', async () => {
    server.setReply('grounded_answer', {
      articleId: FIRST_ARTICLE_ID,
      answer: 'Only HR sees what you tell [word 1].',
      whenToAskForHelp: 'HR can explain the policy.',
    });
    const { drafter } = drafterFor();
    expect(await drafter.answerQuestion(asked('Can Harborlight see my request?'))).toMatchObject({
      source: 'offline',
      fallback: 'echoed_placeholder',
    });
  });

  it('reads the articles for the employee’s country', async () => {
    const { drafter } = drafterFor();
    await drafter.answerQuestion(asked('Can they fire me for asking?', [], 'uk'));
    const { articles } = readGroundedPrompt(bodyOf(0));
    const retaliation = articles.find((article) => article.id === 'retaliation');
    expect(retaliation?.text).toContain('victimisation');
    expect(retaliation?.text).not.toContain('FMLA');
  });

  it('offers the closest topics, not an invented answer, when the model finds no article that answers', async () => {
    server.mode('from-prompt');
    const { drafter } = drafterFor();
    const answer = await drafter.answerQuestion(asked('Who won the game last night?'));
    expect(answer).toMatchObject({ kind: 'topics', source: 'model', answer: CLOSEST_TOPICS_TEXT });
    if (answer.kind !== 'topics') throw new Error('expected topics');
    expect(answer.topics).toHaveLength(3);
  });

  it.each(['can you write my performance review', 'what does our health insurance cover'])(
    'does not ask the model "%s": no article holds it, so it gets the closest topics',
    async (question) => {
      server.mode('from-prompt');
      const { drafter } = drafterFor();
      const answer = await drafter.answerQuestion(asked(question));
      expect(answer).toMatchObject({ kind: 'topics', answer: CLOSEST_TOPICS_TEXT });
      expect(server.requests).toHaveLength(0);
    },
  );

  it('refuses an answer that cites an article it was not given, and answers offline', async () => {
    server.setReply('grounded_answer', {
      articleId: 'a-made-up-article',
      answer: 'You are entitled to six months of paid leave.',
      whenToAskForHelp: 'Ask HR.',
    });
    const { drafter, warnings } = drafterFor();
    const answer = await drafter.answerQuestion(asked('Can they fire me for asking?'));
    expect(answer).toMatchObject({
      source: 'offline',
      fallback: 'uncited_output',
      article: { id: 'retaliation' },
    });
    expect(answer.answer).not.toContain('six months');
    expect(warnings.map((w) => w.obj)).toEqual([{ task: 'question', failure: 'uncited_output' }]);
  });

  it('refuses an answer with a figure the cited article does not have', async () => {
    server.setReply('grounded_answer', {
      articleId: FIRST_ARTICLE_ID,
      answer: 'HR has 10 days to reply, by law.',
      whenToAskForHelp: 'Ask HR if it takes longer.',
    });
    const { drafter } = drafterFor();
    const answer = await drafter.answerQuestion(asked('How long does HR have to reply?'));
    expect(answer).toMatchObject({
      source: 'offline',
      fallback: 'ungrounded_output',
      article: { id: 'timelines' },
    });
  });

  it('refuses an answer that does not say when to ask HR, the EAP or a lawyer', async () => {
    server.setReply('grounded_answer', {
      articleId: FIRST_ARTICLE_ID,
      answer: 'You can ask for a later start.',
      whenToAskForHelp: 'Good luck!',
    });
    const { drafter } = drafterFor();
    expect(await drafter.answerQuestion(question)).toMatchObject({
      source: 'offline',
      fallback: 'invalid_output',
    });
  });

  it('works against a compatible server that needs no key', async () => {
    const { drafter } = drafterFor({ apiKey: undefined });
    expect((await drafter.answerQuestion(question)).source).toBe('model');
  });

  it('recovers when a retry succeeds', async () => {
    server.queue('error500');
    const { drafter, warnings } = drafterFor({ maxRetries: 1 });
    expect((await drafter.draftStatement(statementInput())).source).toBe('model');
    expect(server.requests.map((r) => r.answeredAs)).toEqual(['error500', 'ok']);
    expect(warnings).toEqual([]);
  });
});

describe('falling back to the offline wording', () => {
  const unreachable = new Set(['timeout', 'http_error', 'connection']);
  const failures: [OpenAIServerMode, string][] = [
    ['error500', 'http_error'],
    ['malformed', 'malformed'],
    ['invalid-schema', 'invalid_output'],
    ['clinical', 'clinical_output'],
    ['refusal', 'refusal'],
    ['slow', 'timeout'],
  ];

  it.each(failures)(
    'a statement: when the server is %s, the employee gets the standard draft and the note',
    async (mode, kind) => {
      server.mode(mode);
      const { drafter, warnings } = drafterFor({ timeoutMs: mode === 'slow' ? 300 : 5_000 });
      const draft = await drafter.draftStatement(statementInput());
      expect(draft).toMatchObject({
        source: 'offline',
        fallback: kind,
        // "Couldn't reach" only when it could not; a reply that was not fit to use says so.
        note: unreachable.has(kind) ? OFFLINE_NOTES.statementUnreachable : OFFLINE_NOTES.statementUnfit,
      });
      expect(draft.statementOfNeed).toContain(`because of ${REASON}.`);
      expect(draft.statementOfNeed).toContain('Mondays, Wednesdays and Thursdays from 5:00 PM to 8:00 PM');
      expect(server.requests).toHaveLength(1);
      expect(warnings).toEqual([
        {
          obj: { task: 'statement', failure: kind, ...(mode === 'error500' ? { status: 500 } : {}) },
          msg: 'drafting fell back to offline wording',
        },
      ]);
    },
  );

  it.each(failures)(
    'a question: when the server is %s, the article answers with the note',
    async (mode, kind) => {
      server.mode(mode);
      const { drafter, warnings } = drafterFor({ timeoutMs: mode === 'slow' ? 300 : 5_000 });
      const answer = await drafter.answerQuestion(question);
      expect(answer).toMatchObject({
        source: 'offline',
        fallback: kind,
        note: unreachable.has(kind) ? OFFLINE_NOTES.answerUnreachable : OFFLINE_NOTES.answerUnfit,
      });
      expect(answer.answer).toMatch(/^You choose what to share\./);
      expect(warnings.map((w) => w.obj)).toEqual([
        { task: 'question', failure: kind, ...(mode === 'error500' ? { status: 500 } : {}) },
      ]);
    },
  );

  it('falls back when the model leaves out the reason token the statement needs', async () => {
    server.setReply('statement_of_need', {
      statementOfNeed: 'I am asking to leave at 16:30 on Mondays and Wednesdays for the next three months.',
      coveragePlan: 'I will make up the time on Tuesday mornings.',
    });
    const { drafter } = drafterFor();
    expect(await drafter.draftStatement(statementInput())).toMatchObject({
      source: 'offline',
      fallback: 'invalid_output',
    });
  });

  it('falls back when the reply repeats a placeholder that redaction put in the prompt', async () => {
    server.setReply('grounded_answer', {
      articleId: FIRST_ARTICLE_ID,
      answer: 'You do not need to mention [health detail] to HR.',
      whenToAskForHelp: 'HR can explain the policy.',
    });
    const { drafter, warnings } = drafterFor();
    expect(await drafter.answerQuestion(question)).toMatchObject({
      source: 'offline',
      fallback: 'echoed_placeholder',
    });
    expect(warnings.map((w) => w.obj)).toEqual([{ task: 'question', failure: 'echoed_placeholder' }]);
  });

  it('keeps a reply whose brackets were not put there by redaction', async () => {
    server.setReply('grounded_answer', {
      articleId: FIRST_ARTICLE_ID,
      answer: 'You could write "I need to leave at [time] on [days]" and fill in the rest.',
      whenToAskForHelp: 'HR can explain the policy.',
    });
    const { drafter } = drafterFor();
    expect((await drafter.answerQuestion(question)).source).toBe('model');
  });

  it('falls back when the server cannot be reached at all', async () => {
    const { drafter } = drafterFor({ baseURL: 'http://127.0.0.1:9/v1' });
    expect(await drafter.answerQuestion(question)).toMatchObject({
      source: 'offline',
      fallback: 'connection',
    });
  });

  it('retries a 500 only as often as configured', async () => {
    server.mode('error500');
    for (const maxRetries of [0, 2]) {
      server.requests.length = 0;
      await drafterFor({ maxRetries }).drafter.draftStatement(statementInput());
      expect(server.requests).toHaveLength(maxRetries + 1);
    }
  });

  it('caps retries however many are configured', async () => {
    server.mode('error500');
    await drafterFor({ maxRetries: 50 }).drafter.answerQuestion(question);
    expect(server.requests).toHaveLength(MAX_RETRIES_CAP + 1);
  });

  it('retries a timeout too, within the same bound', async () => {
    server.mode('slow');
    const draft = await drafterFor({ timeoutMs: 200, maxRetries: 1 }).drafter.draftStatement(
      statementInput(),
    );
    expect(draft.fallback).toBe('timeout');
    expect(server.requests).toHaveLength(2);
  });
});

describe('offline mode', () => {
  it('sends nothing at all without a key or a base URL, even with OPENAI_* in the environment', async () => {
    const saved = { key: process.env.OPENAI_API_KEY, url: process.env.OPENAI_BASE_URL };
    process.env.OPENAI_API_KEY = 'from-the-environment';
    process.env.OPENAI_BASE_URL = server.url;
    try {
      const { drafter, warnings } = drafterFor({ apiKey: undefined, baseURL: undefined });
      const draft = await drafter.draftStatement(statementInput());
      const answer = await drafter.answerQuestion(asked('What if they say no?'));
      expect(draft).toMatchObject({ source: 'offline', fallback: 'not_configured' });
      expect(answer).toMatchObject({ source: 'offline', fallback: 'not_configured' });
      expect(answer.answer).toMatch(/^HR may offer a different change/);
      expect(server.requests).toHaveLength(0);
      expect(warnings).toEqual([]);
    } finally {
      for (const [name, value] of [
        ['OPENAI_API_KEY', saved.key],
        ['OPENAI_BASE_URL', saved.url],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
});

describe('what leaves the process', () => {
  it('carries no clinical word the employee typed, in any request, on any path', async () => {
    const modes: OpenAIServerMode[] = ['ok', 'error500', 'malformed', 'clinical'];
    const { drafter } = drafterFor({ maxRetries: 1 });
    for (const mode of modes) {
      server.mode(mode);
      await drafter.draftStatement(
        statementInput({
          accommodations: ['other', 'remote_on_treatment_days'],
          otherAccommodation: 'Leave at 16:00 for my methadone clinic',
          constraintsNote: 'My therapist can only do Mondays.',
          coverageNotes: 'Sam covers while I am at rehab; a relapse would change this.',
        }),
      );
      await drafter.answerQuestion(question);
    }
    expect(server.requests.length).toBeGreaterThan(modes.length * 2);
    for (const request of server.requests) {
      for (const canary of CANARIES) {
        expect(request.rawBody.toLowerCase(), `${canary} in a request`).not.toContain(canary.toLowerCase());
      }
    }
  });

  it('never sends the employee’s own words in a statement request, and redacts the question and history', async () => {
    const { drafter, privacy } = drafterFor();
    const input = statementInput({
      accommodations: ['other', 'shifted_hours'],
      otherAccommodation: 'A later lunch break on Tuesdays',
    });
    const draft = await drafter.draftStatement(input);
    await drafter.answerQuestion(question);
    const statementRequest = server.requests[0]?.rawBody ?? '';
    for (const words of [
      input.ownWords,
      input.constraintsNote,
      input.coverageNotes,
      input.otherAccommodation,
    ]) {
      expect(statementRequest).not.toContain(String(words));
    }
    expect(statementRequest).toContain('written in their own words (kept out of this request)');
    // The coverage notes the model never saw still lead the plan the employee gets back.
    expect(draft.coveragePlan.startsWith(String(input.coverageNotes))).toBe(true);
    for (const text of [
      input.work.timeZone,
      question.question,
      ...question.history.map((turn) => turn.content),
    ]) {
      expect(privacy.redacted).toContain(text);
    }
  });

  it('never sends the reason wording: the model writes a token and the wording goes in afterwards', async () => {
    const reasonWording = 'a program I would rather describe in my own way';
    const { drafter } = drafterFor();
    const draft = await drafter.draftStatement(statementInput({ reasonWording }));
    expect(draft.statementOfNeed).toContain(reasonWording);
    expect(server.requests[0]?.rawBody).not.toContain(reasonWording);
  });

  it('logs only the kind of failure, never what was written', async () => {
    server.mode('clinical');
    const { drafter, warnings } = drafterFor();
    await drafter.draftStatement(statementInput());
    await drafter.answerQuestion(question);
    const logged = JSON.stringify(warnings);
    for (const canary of CANARIES) expect(logged.toLowerCase()).not.toContain(canary.toLowerCase());
    expect(logged).not.toContain('stand-up');
    expect(warnings.map((w) => Object.keys(w.obj).sort())).toEqual([
      ['failure', 'task'],
      ['failure', 'task'],
    ]);
  });
});
