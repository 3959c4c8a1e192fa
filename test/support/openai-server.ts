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
 */

export type OpenAIServerMode =
  | 'ok'
  | 'malformed'
  | 'error500'
  | 'slow'
  | 'invalid-schema'
  | 'clinical'
  | 'refusal';

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

/** Appends the clinical sentence to free-text strings only, so enums and consts stay valid. */
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
        withClinicalSentence(inner, schema?.properties?.[key]),
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

  const okContent = (name: string | undefined, schema: JsonSchema | undefined): string => {
    const reply = name !== undefined && replies.has(name) ? replies.get(name) : DEFAULT_REPLIES[name ?? ''];
    const value = reply ?? exampleForSchema(schema);
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
          sendJson(res, 200, completion(model, { content: okContent(name, schema), refusal: null }));
          return;
        case 'slow': {
          const timer = setTimeout(() => {
            pendingTimers.delete(timer);
            if (!res.destroyed)
              sendJson(res, 200, completion(model, { content: okContent(name, schema), refusal: null }));
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
          const ok = okContent(name, schema);
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
