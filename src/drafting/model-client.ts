import OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { ZodError, type z } from 'zod';

/** Why a model call gave no usable answer. Names only: never the content that failed. */
export type ModelFailureKind =
  | 'timeout'
  | 'http_error'
  | 'connection'
  | 'malformed'
  | 'invalid_output'
  | 'refusal';

export type ModelOutcome<T> = { ok: true; value: T } | { ok: false; kind: ModelFailureKind; status?: number };

export interface StructuredRequest<Schema extends z.ZodType> {
  /** Plain schema sent as the response format; the name is what the server sees. */
  schema: Schema;
  name: string;
  messages: ChatCompletionMessageParam[];
}

export interface StructuredModel {
  complete<Schema extends z.ZodType>(
    request: StructuredRequest<Schema>,
  ): Promise<ModelOutcome<z.infer<Schema>>>;
}

export interface ModelClientOptions {
  apiKey?: string;
  baseURL?: string;
  model: string;
  timeoutMs: number;
  maxRetries: number;
}

/** Retries beyond this only keep an employee waiting; the offline draft is a fine answer. */
export const MAX_RETRIES_CAP = 5;
/** Compatible local servers often need no key, but the SDK insists on one. */
const PLACEHOLDER_KEY = 'no-key-needed';

export function createModelClient(options: ModelClientOptions): StructuredModel {
  const client = new OpenAI({
    apiKey: options.apiKey || PLACEHOLDER_KEY,
    // Explicit, so the SDK never picks up OPENAI_BASE_URL behind the config's back.
    baseURL: options.baseURL || 'https://api.openai.com/v1',
    organization: null,
    project: null,
    timeout: options.timeoutMs,
    maxRetries: Math.min(Math.max(0, Math.floor(options.maxRetries)), MAX_RETRIES_CAP),
    // The SDK's own logging may print URLs and error bodies; our logger says what is needed.
    logLevel: 'off',
  });

  return {
    async complete(request) {
      try {
        const completion = await client.chat.completions.parse({
          model: options.model,
          messages: request.messages,
          response_format: zodResponseFormat(request.schema, request.name),
        });
        const message = completion.choices[0]?.message;
        if (message?.refusal) return { ok: false, kind: 'refusal' };
        if (message?.parsed == null) return { ok: false, kind: 'invalid_output' };
        return { ok: true, value: message.parsed as z.infer<typeof request.schema> };
      } catch (error) {
        return { ok: false, ...classifyFailure(error) };
      }
    },
  };
}

function classifyFailure(error: unknown): { kind: ModelFailureKind; status?: number } {
  if (error instanceof OpenAI.APIConnectionTimeoutError) return { kind: 'timeout' };
  if (error instanceof OpenAI.APIConnectionError) return { kind: 'connection' };
  if (error instanceof OpenAI.APIError) {
    return error.status === undefined ? { kind: 'http_error' } : { kind: 'http_error', status: error.status };
  }
  if (error instanceof SyntaxError) return { kind: 'malformed' };
  if (error instanceof ZodError) return { kind: 'invalid_output' };
  // Length and content-filter stops, and anything else the SDK raises about the reply.
  return { kind: 'invalid_output' };
}
