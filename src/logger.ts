import type { Logger as BoltLogger, LogLevel as BoltLogLevel } from '@slack/bolt';
import { type DestinationStream, type Logger as PinoLogger, pino } from 'pino';
import type { PrivateText } from './privacy/private-text.js';

/** A field that holds what a person typed: refused by the type checker in any log line. */
type Loggable<T> = [Extract<T, PrivateText>] extends [never] ? T : never;
type LogFields<T> = [Extract<T, PrivateText>] extends [never]
  ? { [K in keyof T]: Loggable<T[K]> extends never ? never : T[K] }
  : never;

/**
 * A log call: routing facts as fields, and a message. Typed text (`PrivateText`) is accepted in
 * neither, neither as the message nor as a field, so no log line can be handed what someone wrote.
 */
export interface LogFn {
  <T extends object>(fields: T & LogFields<T>, message?: string): void;
  (message: string): void;
}

/** The one logger's type: pino's, with log calls that refuse typed text. */
export type Logger = Omit<PinoLogger, 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace'> & {
  readonly fatal: LogFn;
  readonly error: LogFn;
  readonly warn: LogFn;
  readonly info: LogFn;
  readonly debug: LogFn;
  readonly trace: LogFn;
};

/**
 * The one logger. Log lines carry routing facts (ids, statuses, error kinds), never what anyone
 * typed: known payload fields are censored by path, and every string argument passes `scrub`
 * (the clinical redactor) as a second line of defence.
 */

/** Fields that may hold user text or secrets anywhere in a logged object. */
const censoredPaths = [
  'text',
  'blocks',
  'view',
  'body',
  'payload',
  'message',
  'messages',
  'value',
  'values',
  'state',
  'content',
  'prompt',
  'input',
  'token',
  'authorization',
  'headers',
  '*.text',
  '*.blocks',
  '*.view',
  '*.body',
  '*.payload',
  '*.state',
  '*.value',
  '*.content',
  '*.token',
  '*.headers',
  '*.authorization',
  'err.data',
  'err.config',
  'err.request',
  'err.response',
];

export interface LoggerOptions {
  readonly level: string;
  readonly stream?: DestinationStream;
  readonly scrub: (text: string) => string;
}

export function createLogger({ level, stream, scrub }: LoggerOptions): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: { paths: censoredPaths, censor: '[redacted]' },
      serializers: { err: (error: unknown) => describeError(error, scrub) },
      hooks: {
        logMethod(args, method) {
          const cleaned = args.map((arg) => (typeof arg === 'string' ? scrub(arg) : arg));
          return method.apply(this, cleaned as Parameters<typeof method>);
        },
      },
    },
    stream,
  );
}

/** An error as a log line may carry it: its kind and code, and a scrubbed message; no stack data. */
export function describeError(error: unknown, scrub: (text: string) => string): Record<string, unknown> {
  if (!(error instanceof Error)) return { kind: typeof error };
  const code = (error as { code?: unknown }).code;
  const slackError = (error as { data?: { error?: unknown } }).data?.error;
  return {
    kind: error.name,
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof slackError === 'string' ? { slackError } : {}),
    message: scrub(error.message).slice(0, 300),
  };
}

/**
 * Lines where the Web API client, Bolt's receivers or the Socket Mode client print a whole payload
 * at debug level: request bodies, every received envelope (what the person typed, the verification
 * token) and every ack (the modal we answer with). Only the kind of line is kept.
 */
const payloadLine =
  /^(?:http request (?:body|headers)|Received a message on the WebSocket|Unable to parse an incoming WebSocket message|Sending a WebSocket message|Calling ack\(\)|ack\(\) (?:call begins|response (?:sent|stored)))/;

/** Any other line that embeds JSON (a payload Bolt serialised) is cut where the JSON starts. */
function withoutJson(text: string): string {
  const at = text.search(/[{[]\s*"/);
  return at < 0 ? text : `${text.slice(0, at)}[payload withheld]`;
}

/**
 * Bolt and the Web API client log through this adapter. They pass free-form arguments (sometimes
 * whole payloads or errors carrying request bodies), so objects are reduced to safe summaries.
 */
export function boltLogger(logger: Logger, scrub: (text: string) => string): BoltLogger {
  let name = 'bolt';
  let level = logger.level as BoltLogLevel;
  const summarise = (args: unknown[]): string =>
    typeof args[0] === 'string' && payloadLine.test(args[0])
      ? `${payloadLine.exec(args[0])?.[0]} [payload withheld]`
      : args
          .map((arg) => {
            if (typeof arg === 'string') return scrub(withoutJson(arg));
            if (arg instanceof Error) return JSON.stringify(describeError(arg, scrub));
            if (arg && typeof arg === 'object') return `[${Object.keys(arg).slice(0, 8).join(',')}]`;
            return String(arg);
          })
          .join(' ')
          .slice(0, 1000);
  return {
    debug: (...args) => logger.debug({ source: name }, summarise(args)),
    info: (...args) => logger.info({ source: name }, summarise(args)),
    warn: (...args) => logger.warn({ source: name }, summarise(args)),
    error: (...args) => logger.error({ source: name }, summarise(args)),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: (next) => {
      name = next;
    },
  };
}
