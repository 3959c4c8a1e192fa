import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFLINE_NOTES } from '../../src/drafting/drafter.js';
import { type Harness, startHarness } from '../support/harness.js';
import { type OpenAIServer, type OpenAIServerMode, startOpenAIServer } from '../support/openai-server.js';

/**
 * The model misbehaving, through the real app over HTTP: slower than OPENAI_TIMEOUT_MS, failing with
 * 500, or answering what does not fit the schema. The person still gets an answer from the offline
 * guide, told which: the assistant could not be reached, or its answer did not fit. Nothing here
 * is timed: the slow model holds its answer for 30 s and the client gives up after 1 s, so an
 * answer at all means the offline path answered without waiting for the model.
 */
describe('the model slow, failing or answering nonsense', () => {
  let harness: Harness;
  let model: OpenAIServer;

  beforeAll(async () => {
    model = await startOpenAIServer({ slowMs: 30_000 });
    harness = await startHarness({
      env: {
        OPENAI_BASE_URL: model.url,
        OPENAI_API_KEY: 'test-key',
        OPENAI_TIMEOUT_MS: '1000',
        OPENAI_MAX_RETRIES: '0',
      },
    });
  });
  afterAll(async () => {
    await harness.stop();
    await model.close();
  });

  const cases: [string, OpenAIServerMode, string][] = [
    ['slower than the configured timeout', 'slow', OFFLINE_NOTES.answerUnreachable],
    ['failing with HTTP 500', 'error500', OFFLINE_NOTES.answerUnreachable],
    ['answering cut-off JSON', 'malformed', OFFLINE_NOTES.answerUnfit],
    ['answering JSON that does not fit the schema', 'invalid-schema', OFFLINE_NOTES.answerUnfit],
  ];

  it.each(cases)('%s: the offline guide answers, and says why', async (_name, mode, note) => {
    const { employee } = harness;
    model.mode(mode);
    const asked = model.requests.length;
    const before = { answers: said('Your request goes to HR only.'), notes: said(note) };
    await employee.message('Who can see my request?');
    await until(() => said(note) > before.notes, 'the offline answer and its note');
    expect(said('Your request goes to HR only.')).toBeGreaterThan(before.answers);
    // The model was asked: this is its failure the person was told about, not a model never tried.
    expect(model.requests.length).toBeGreaterThan(asked);
  });

  /** How many of the app's messages to the employee say `text` (each case adds its own). */
  function said(text: string): number {
    return harness.emulator.workspace
      .allMessages()
      .filter((m) => m.fromBot && m.channel.startsWith('D'))
      .filter((m) => `${m.text} ${JSON.stringify(m.blocks)}`.includes(text)).length;
  }

  async function until(done: () => boolean, what: string): Promise<void> {
    const deadline = Date.now() + 60_000;
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`Still waiting for ${what}.`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
});
