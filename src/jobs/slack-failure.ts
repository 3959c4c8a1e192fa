/**
 * What a failed delivery means for the next try. Slack's errors are read for their code only: a
 * message body, a payload or a token never reaches a log line or a dead letter.
 */
export type DeliveryFailure =
  /** Try again later; `afterMs` is Slack's own Retry-After when it gave one. */
  | { readonly retry: true; readonly reason: string; readonly afterMs?: number }
  /** Trying again cannot help (a channel that is gone, a token without the scope). */
  | { readonly retry: false; readonly reason: string };

/** Slack platform errors that say "not now" rather than "never". */
const TRANSIENT_PLATFORM_ERRORS = new Set([
  'ratelimited',
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
  'team_added_to_org',
]);

/** Thrown by a delivery that must wait for an earlier one (a thread reply before its card). */
export class NotYetError extends Error {
  override readonly name = 'NotYetError';
  constructor(
    readonly reason: string,
    readonly afterMs = 50,
  ) {
    super(`not yet: ${reason}`);
  }
}

export function classifyFailure(error: unknown): DeliveryFailure {
  if (error instanceof NotYetError)
    return { retry: true, reason: `waiting_${error.reason}`, afterMs: error.afterMs };
  const e = (error ?? {}) as {
    code?: unknown;
    retryAfter?: unknown;
    statusCode?: unknown;
    data?: { error?: unknown };
    name?: unknown;
  };
  switch (e.code) {
    case 'slack_webapi_rate_limited_error': {
      const seconds = typeof e.retryAfter === 'number' && e.retryAfter >= 0 ? e.retryAfter : 1;
      return { retry: true, reason: 'slack_rate_limited', afterMs: seconds * 1000 };
    }
    case 'slack_webapi_http_error': {
      const status = typeof e.statusCode === 'number' ? e.statusCode : 0;
      // 4xx other than 408/429 will not change by waiting.
      const transient = status >= 500 || status === 408 || status === 429 || status === 0;
      return { retry: transient, reason: `slack_http_${status}` };
    }
    case 'slack_webapi_request_error':
      return { retry: true, reason: 'slack_unreachable' };
    case 'slack_webapi_platform_error': {
      const code = typeof e.data?.error === 'string' ? e.data.error.replace(/[^a-z0-9_]/gi, '') : 'unknown';
      return { retry: TRANSIENT_PLATFORM_ERRORS.has(code), reason: `slack_${code}` };
    }
    default:
      break;
  }
  if (e.name === 'StoreUnavailableError' || e.name === 'StoreNotDurableError')
    return { retry: true, reason: 'store_unavailable' };
  // Our own bug or a broken record: retried within the bound, then a dead letter someone can see.
  const name = typeof e.name === 'string' ? e.name.replace(/[^a-z0-9_]/gi, '') : 'Error';
  return { retry: true, reason: `error_${name || 'Error'}` };
}
