import OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  CLINICAL_REPLY_SENTENCE,
  type OpenAIServer,
  startOpenAIServer,
} from '../../support/openai-server.js';

// The test server is shared with other suites, so its own promises are checked through the real SDK.
let server: OpenAIServer;
let client: OpenAI;
beforeAll(async () => {
  server = await startOpenAIServer();
  client = new OpenAI({ apiKey: 'test', baseURL: server.url, maxRetries: 0, logLevel: 'off' });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => server.reset());

const letterFormat = z.object({
  kind: z.enum(['request', 'denial']),
  paragraphs: z.array(z.string()),
  urgent: z.boolean(),
  days: z.number().int(),
  note: z.string().nullable(),
});

const ask = () =>
  client.chat.completions.parse({
    model: 'any-model',
    messages: [{ role: 'user', content: 'hello' }],
    response_format: zodResponseFormat(letterFormat, 'letter_outline'),
  });

describe('the local OpenAI-compatible server', () => {
  it('answers any structured format with a value that fits its schema', async () => {
    const completion = await ask();
    expect(completion.choices[0]?.message.parsed).toEqual({
      kind: 'request',
      paragraphs: ['example text from the test server'],
      urgent: false,
      days: 0,
      note: 'example text from the test server',
    });
    expect(completion.model).toBe('any-model');
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      path: '/v1/chat/completions',
      schemaName: 'letter_outline',
    });
  });

  it('answers with a reply set for a format name', async () => {
    server.setReply('letter_outline', {
      kind: 'denial',
      paragraphs: ['No.'],
      urgent: true,
      days: 3,
      note: null,
    });
    expect((await ask()).choices[0]?.message.parsed?.kind).toBe('denial');
  });

  it('adds the clinical sentence to every string in clinical mode', async () => {
    server.mode('clinical');
    const parsed = (await ask()).choices[0]?.message.parsed;
    expect(parsed?.paragraphs[0]).toContain(CLINICAL_REPLY_SENTENCE);
  });

  it('plays queued modes once each, then the standing mode', async () => {
    server.queue('error500', 'malformed');
    await expect(ask()).rejects.toMatchObject({ status: 500 });
    await expect(ask()).rejects.toBeInstanceOf(SyntaxError);
    await expect(ask()).resolves.toBeTruthy();
    expect(server.requests.map((r) => r.answeredAs)).toEqual(['error500', 'malformed', 'ok']);
  });

  it('records the raw body so a test can scan what left the process', async () => {
    await ask();
    expect(server.requests[0]?.rawBody).toContain('"content":"hello"');
  });
});
