import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { REASON_TOKEN } from '../../src/drafting/schemas.js';

/**
 * A local OpenAI-compatible server for tests and the demo: POST /v1/chat/completions answers in the
 * chat.completion shape and records every request, so a test can read exactly what would have left
 * the process. It listens on 127.0.0.1 only.
 *
 * How it answers depends on the mode (set with `mode`, or one-off with `queue`):
 * - `ok`: valid JSON for the response_format's json_schema name: a reply set with `setReply`, else
 *   a built-in reply for the app's formats (`statement_of_need`, `question_answer`), else a value
 *   generated from the JSON schema itself (first enum value, "example" strings, false, 0, []).
 * - `malformed`: content cut off mid-JSON.
 * - `invalid-schema`: valid JSON missing every required property.
 * - `clinical`: the `ok` reply with CLINICAL_REPLY_SENTENCE added to every string, so schema checks
 *   pass and only a clinical scan can catch it.
 * - `refusal`: no content, a refusal message.
 * - `error500`: HTTP 500 with an OpenAI error body and `retry-after-ms` set low, so SDK retries
 *   happen at once instead of after its default back-off.
 * - `slow`: waits `slowMs` (default 10 s) and then answers as `ok`; use a client timeout below it.
 * - `from-prompt`: for `grounded_answer`, answers like a careful model would from the prompt itself:
 *   the `<article>` whose words the question shares most is cited and its paragraphs and help line
 *   are the answer; with no shared word, `articleId: "none"`. Other formats answer as `ok`. (`ok`
 *   does the same for `grounded_answer` unless a reply was set.)
 * - `echo`: quotes back what it was sent (see `echoContent`), as a model that repeats the question.
 *
 * A reply set with `setReply` may use FIRST_ARTICLE_ID for "the first article in this prompt", so a
 * test can make a misbehaving model whose reply still cites a real article.
 */

export type OpenAIServerMode =
  | 'ok'
  | 'malformed'
  | 'error500'
  | 'slow'
  | 'invalid-schema'
  | 'clinical'
  | 'refusal'
  | 'from-prompt'
  | 'echo';

export interface RecordedRequest {
  method: string;
  /** Path with query, e.g. /v1/chat/completions. */
  path: string;
  headers: IncomingHttpHeaders;
  /** The body exactly as received: scan this for canary strings. */
  rawBody: string;
  /** The body parsed as JSON, or undefined when it was not JSON. */
  body: unknown;
  /** response_format.json_schema.name, when the request asked for structured output. */
  schemaName?: string;
  /** The mode this request was answered in. */
  answeredAs: OpenAIServerMode;
}

export interface OpenAIServer {
  /** Base URL including /v1, as OpenAI's SDK and OPENAI_BASE_URL expect it. */
  readonly url: string;
  /** Every request, in arrival order (including ones a client gave up on). */
  readonly requests: RecordedRequest[];
  /** The standing mode for every request from now on. */
  mode(mode: OpenAIServerMode): void;
  /** Modes for the next requests, one each, before the standing mode applies again. */
  queue(...modes: OpenAIServerMode[]): void;
  /** The `ok` content for one schema name: an object (sent as JSON) or a raw string; undefined restores the default. */
  setReply(schemaName: string, content: unknown): void;
  /** How long `slow` holds a request before answering. */
  setSlowMs(ms: number): void;
  /** Back to a fresh state: mode `ok`, empty queue, default replies, no recorded requests. */
  reset(): void;
  close(): Promise<void>;
}

/** Added by the `clinical` mode: terms from every C3 family the detector should know. */
export const CLINICAL_REPLY_SENTENCE =
  'I attend an IOP for opioid use disorder, take Suboxone, and see my therapist at the rehab clinic.';

/** What `ok` answers for the app's own formats; tests compare against these. */
export const DEFAULT_REPLIES: Record<string, unknown> = {
  statement_of_need: {
    statementOfNeed: `I'm writing to ask for a flexible schedule as a workplace accommodation because of ${REASON_TOKEN}. I'm asking to leave at 16:30 on Mondays and Wednesdays from 3 March to 30 May, and I'll keep meeting the essential functions of my role.`,
    coveragePlan:
      "I'll make up the time on Tuesday and Thursday mornings, hand over anything urgent by 16:00, and stay reachable on chat until I leave.",
  },
  question_answer: {
    answer:
      'You can ask for a later start, an earlier finish, or a shifted schedule on the days you need, with dates and a review point. HR can explain the policy.',
    suggestsStartingRequest: true,
  },
};

/** In a reply set with `setReply`: replaced by the id of the first article in the prompt. */
export const FIRST_ARTICLE_ID = '{{first-article}}';

const GROUNDED_FORMAT = 'grounded_answer';

/**
 * `echo`: a model that quotes back what it was sent. A grounded answer cites the prompt's first
 * article and repeats the question; any other format has every string set to the last user
 * message, whole. Whatever the app put in a prompt comes straight back towards Slack.
 */
function echoContent(name: string | undefined, schema: JsonSchema | undefined, body: unknown): string {
  const said = userMessages(body).at(-1) ?? '';
  if (name === GROUNDED_FORMAT) {
    const { articles, question } = readGroundedPrompt(body);
    return JSON.stringify({
      articleId: articles[0]?.id ?? 'none',
      answer: `You asked: ${question || said}`,
      whenToAskForHelp: `You asked: ${question || said}`,
    });
  }
  const fill = (value: unknown): unknown =>
    typeof value === 'string'
      ? said
      : Array.isArray(value)
        ? value.map(fill)
        : value && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, fill(inner)]))
          : value;
  return JSON.stringify(fill(DEFAULT_REPLIES[name ?? ''] ?? exampleForSchema(schema)));
}

interface PromptArticle {
  readonly id: string;
  readonly title: string;
  readonly text: string;
}

function userMessages(body: unknown): string[] {
  const messages =
    (body as { messages?: { role?: string; content?: unknown }[] } | undefined)?.messages ?? [];
  return messages
    .filter((message) => message.role === 'user' && typeof message.content === 'string')
    .map((message) => message.content as string);
}

/** The articles and the question of the app's grounded prompt (the last user message). */
export function readGroundedPrompt(body: unknown): { articles: PromptArticle[]; question: string } {
  const last = userMessages(body).at(-1) ?? '';
  const articles = [...last.matchAll(/<article id="([^"]+)" title="([^"]*)">\n([\s\S]*?)\n<\/article>/g)].map(
    ([, id = '', title = '', text = '']) => ({ id, title, text }),
  );
  const question = /The question: ([\s\S]*)$/.exec(last)?.[1]?.trim() ?? '';
  return { articles, question };
}

const wordsOf = (text: string) =>
  new Set(
    text
      .toLowerCase()
      .split(/[^a-z0-9']+/)
      .filter((word) => word.length >= 4),
  );

/** What a model that keeps to its ground would say: one article's own lines, or "none". */
export function answerFromPrompt(body: unknown): {
  articleId: string;
  answer: string;
  whenToAskForHelp: string;
} {
  const { articles, question } = readGroundedPrompt(body);
  const asked = wordsOf(question);
  let best: PromptArticle | undefined;
  let bestShared = 0;
  for (const article of articles) {
    const known = wordsOf(`${article.title} ${article.text}`);
    const shared = [...asked].filter((word) => known.has(word)).length;
    if (shared > bestShared) {
      best = article;
      bestShared = shared;
    }
  }
  if (!best) return { articleId: 'none', answer: '', whenToAskForHelp: '' };
  // Everything but the help part, as a careful model would keep it: whole paragraphs, not too long.
  const paragraphs = best.text.split(/\n\n+/);
  let answer = paragraphs[0] ?? '';
  for (const paragraph of paragraphs.slice(1, -1)) {
    if (answer.length + paragraph.length > 900) break;
    answer = `${answer}\n\n${paragraph}`;
  }
  return { articleId: best.id, answer, whenToAskForHelp: paragraphs.at(-1) ?? '' };
}

function withFirstArticle(value: unknown, body: unknown): unknown {
  const first = readGroundedPrompt(body).articles[0]?.id ?? 'none';
  return JSON.parse(JSON.stringify(value).replaceAll(FIRST_ARTICLE_ID, first));
}

const MALFORMED_CONTENT = '{"statementOfNeed": "I\'m writing to ask for a flexible sched';
const DEFAULT_SLOW_MS = 10_000;

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
};

/** A plausible value for a JSON schema, for formats this server has no built-in reply for. */
export function exampleForSchema(schema: JsonSchema | undefined): unknown {
  if (!schema) return null;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants?.length) return exampleForSchema(variants.find((v) => v.type !== 'null') ?? variants[0]);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([key, value]) => [key, exampleForSchema(value)]),
      );
    case 'array':
      return [exampleForSchema(schema.items)];
    case 'string':
      return 'example text from the test server';
    case 'number':
    case 'integer':
      return 0;
    case 'boolean':
      return false;
    default:
      return null;
  }
}

/** Appends the clinical sentence to free-text strings only, so enums, consts and ids stay valid. */
function withClinicalSentence(value: unknown, schema: JsonSchema | undefined): unknown {
  if (schema?.enum || schema?.const !== undefined) return value;
  const variants = schema?.anyOf ?? schema?.oneOf;
  if (variants) {
    const jsType = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
    const match = variants.find((v) => {
      const types = Array.isArray(v.type) ? v.type : [v.type];
      return types.includes(jsType) || (jsType === 'number' && types.includes('integer'));
    });
    return withClinicalSentence(value, match);
  }
  if (typeof value === 'string') return `${value} ${CLINICAL_REPLY_SENTENCE}`;
  if (Array.isArray(value)) return value.map((item) => withClinicalSentence(item, schema?.items));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [
        key,
        key.endsWith('Id') ? inner : withClinicalSentence(inner, schema?.properties?.[key]),
      ]),
    );
  }
  return value;
}

function responseFormatOf(body: unknown): { name?: string; schema?: JsonSchema } {
  const format = (body as { response_format?: { json_schema?: { name?: string; schema?: JsonSchema } } })
    ?.response_format?.json_schema;
  return { name: format?.name, schema: format?.schema };
}

function sendJson(
  res: ServerResponse,
  status: number,
  payload: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(payload);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export async function startOpenAIServer(options: { slowMs?: number } = {}): Promise<OpenAIServer> {
  const requests: RecordedRequest[] = [];
  const replies = new Map<string, unknown>();
  const pendingTimers = new Set<NodeJS.Timeout>();
  let standingMode: OpenAIServerMode = 'ok';
  let queued: OpenAIServerMode[] = [];
  let slowMs = options.slowMs ?? DEFAULT_SLOW_MS;

  const okContent = (name: string | undefined, schema: JsonSchema | undefined, body: unknown): string => {
    if (name !== undefined && replies.has(name)) {
      const set = replies.get(name);
      return typeof set === 'string' ? set : JSON.stringify(withFirstArticle(set, body));
    }
    if (name === GROUNDED_FORMAT) return JSON.stringify(answerFromPrompt(body));
    const value = DEFAULT_REPLIES[name ?? ''] ?? exampleForSchema(schema);
    return typeof value === 'string' ? value : JSON.stringify(value);
  };

  const completion = (model: unknown, message: { content: string | null; refusal: string | null }) => ({
    id: `chatcmpl-test-${randomUUID()}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: typeof model === 'string' ? model : 'test-model',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', ...message, annotations: [] },
        logprobs: null,
        finish_reason: 'stop',
      },
    ],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    system_fingerprint: null,
  });

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = rawBody ? JSON.parse(rawBody) : undefined;
      } catch {
        body = undefined;
      }
      const path = req.url ?? '/';

      if (req.method === 'GET' && path === '/v1/models') {
        sendJson(res, 200, {
          object: 'list',
          data: [{ id: 'test-model', object: 'model', created: 0, owned_by: 'test' }],
        });
        return;
      }
      if (req.method !== 'POST' || path !== '/v1/chat/completions') {
        sendJson(res, 404, {
          error: { message: 'Not found on the test server', type: 'invalid_request_error' },
        });
        return;
      }

      const mode = queued.shift() ?? standingMode;
      const { name, schema } = responseFormatOf(body);
      requests.push({
        method: req.method,
        path,
        headers: req.headers,
        rawBody,
        body,
        schemaName: name,
        answeredAs: mode,
      });
      const model = (body as { model?: unknown } | undefined)?.model;

      switch (mode) {
        case 'ok':
          sendJson(res, 200, completion(model, { content: okContent(name, schema, body), refusal: null }));
          return;
        case 'echo':
          sendJson(res, 200, completion(model, { content: echoContent(name, schema, body), refusal: null }));
          return;
        case 'from-prompt': {
          const content =
            name === GROUNDED_FORMAT ? JSON.stringify(answerFromPrompt(body)) : okContent(name, schema, body);
          sendJson(res, 200, completion(model, { content, refusal: null }));
          return;
        }
        case 'slow': {
          const timer = setTimeout(() => {
            pendingTimers.delete(timer);
            if (!res.destroyed)
              sendJson(
                res,
                200,
                completion(model, { content: okContent(name, schema, body), refusal: null }),
              );
          }, slowMs);
          pendingTimers.add(timer);
          return;
        }
        case 'malformed':
          sendJson(res, 200, completion(model, { content: MALFORMED_CONTENT, refusal: null }));
          return;
        case 'invalid-schema':
          sendJson(
            res,
            200,
            completion(model, { content: JSON.stringify({ unexpected: 42 }), refusal: null }),
          );
          return;
        case 'clinical': {
          const ok = okContent(name, schema, body);
          let content: string;
          try {
            content = JSON.stringify(withClinicalSentence(JSON.parse(ok), schema));
          } catch {
            content = `${ok} ${CLINICAL_REPLY_SENTENCE}`;
          }
          sendJson(res, 200, completion(model, { content, refusal: null }));
          return;
        }
        case 'refusal':
          sendJson(
            res,
            200,
            completion(model, { content: null, refusal: "I'm sorry, I can't help with that." }),
          );
          return;
        case 'error500':
          sendJson(
            res,
            500,
            {
              error: {
                message: 'The test server had an error',
                type: 'server_error',
                param: null,
                code: null,
              },
            },
            { 'retry-after-ms': '5' },
          );
          return;
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    mode(mode) {
      standingMode = mode;
    },
    queue(...modes) {
      queued.push(...modes);
    },
    setReply(schemaName, content) {
      if (content === undefined) replies.delete(schemaName);
      else replies.set(schemaName, content);
    },
    setSlowMs(ms) {
      slowMs = ms;
    },
    reset() {
      standingMode = 'ok';
      queued = [];
      replies.clear();
      requests.length = 0;
    },
    async close() {
      for (const timer of pendingTimers) clearTimeout(timer);
      pendingTimers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
