import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  articleText,
  createDrafter,
  type DrafterPrivacy,
  loadKnowledge,
  loadPromptLibrary,
  OFFLINE_NOTES,
  REASON_TOKEN,
} from '../../../src/drafting/index.js';
import { isClinical, redactClinical } from '../../../src/privacy/clinical/index.js';
import {
  CLINICAL_REPLY_SENTENCE,
  DEFAULT_REPLIES,
  type OpenAIServer,
  type OpenAIServerMode,
  startOpenAIServer,
} from '../../support/openai-server.js';
import { asked, CANARIES, statementInput } from '../../unit/drafting/fixtures.js';

// The product's own detector and redactor, as the app wires them: what these tests prove holds
// for the real lexicon, not only for the canary list the other drafting tests inject.
const privacy: DrafterPrivacy = { redact: (text) => redactClinical(text).text, isClinical };

let server: OpenAIServer;
beforeAll(async () => {
  server = await startOpenAIServer({ slowMs: 10_000 });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => server.reset());

const drafter = () =>
  createDrafter({ baseURL: server.url, model: 'test-model', timeoutMs: 300, maxRetries: 1, privacy });

const question = asked(
  'Do I have to tell HR that my Suboxone appointments are why? I also see a therapist at rehab.',
  [
    { role: 'user' as const, content: 'I go to an IOP three evenings a week for opioid use.' },
    { role: 'assistant' as const, content: 'Thanks for telling me. What would help most?' },
  ],
);

describe('drafting with the real clinical redactor', () => {
  it('sends no clinical word the employee typed, on any path the server can take', async () => {
    const modes: OpenAIServerMode[] = ['ok', 'error500', 'malformed', 'invalid-schema', 'clinical', 'slow'];
    const input = statementInput({
      accommodations: ['other', 'remote_on_treatment_days'],
      otherAccommodation: 'Leave at 16:00 for my methadone pickup',
      constraintsNote: 'My therapist can only do Mondays.',
      coverageNotes: 'Sam covers while I am at rehab.',
    });
    for (const mode of modes) {
      server.mode(mode);
      await drafter().draftStatement(input);
      await drafter().answerQuestion(question);
    }
    expect(server.requests.length).toBeGreaterThanOrEqual(modes.length * 2);
    for (const request of server.requests) {
      for (const canary of CANARIES) {
        expect(request.rawBody.toLowerCase(), `${canary} in a request`).not.toMatch(
          new RegExp(`\\b${canary.toLowerCase()}\\b`),
        );
      }
    }
  });

  it('replaces what it removed with placeholders the prompts tell the model to leave out', async () => {
    await drafter().answerQuestion(question);
    expect(server.requests[0]?.rawBody).toContain('[health detail 1]');
  });

  it('does not use a model reply the detector flags', async () => {
    expect(isClinical(CLINICAL_REPLY_SENTENCE)).toBe(true);
    server.mode('clinical');
    expect(await drafter().answerQuestion(question)).toMatchObject({
      source: 'offline',
      fallback: 'clinical_output',
    });
  });

  it('uses the test server’s ordinary replies, which the detector passes', async () => {
    expect(isClinical(JSON.stringify(DEFAULT_REPLIES))).toBe(false);
    expect((await drafter().draftStatement(statementInput())).source).toBe('model');
  });
});

describe('the product’s own wording passes the detector', () => {
  const { statementSystem, questionSystem } = loadPromptLibrary();
  const { articles } = loadKnowledge();

  // The outbound guard holds back any DM the detector flags, so an article it flagged would never
  // reach the employee; and articles go into prompts, which must stay clean too.
  it.each(
    articles.flatMap((article) =>
      (['us', 'uk', 'ca'] as const).map((country) => [article.id, country, article] as const),
    ),
  )('the knowledge article "%s" as read in %s', (_id, country, article) => {
    expect(isClinical(`${article.title}\n${articleText(article, country)}`)).toBe(false);
  });

  it('the notes shown when the offline wording is used', () => {
    for (const note of Object.values(OFFLINE_NOTES)) expect(isClinical(note)).toBe(false);
  });

  it('the system prompts and the curated guide, so a scan of every prompt stays clean', () => {
    expect(isClinical(statementSystem)).toBe(false);
    expect(isClinical(questionSystem)).toBe(false);
  });

  it('the offline statement built from work facts', async () => {
    const offline = createDrafter({ model: 'unused', timeoutMs: 1, maxRetries: 0, privacy });
    const draft = await offline.draftStatement(statementInput({ reasonWording: REASON_TOKEN }));
    expect(isClinical(`${draft.statementOfNeed} ${draft.coveragePlan}`)).toBe(false);
  });
});
