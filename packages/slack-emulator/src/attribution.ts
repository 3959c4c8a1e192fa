import { AsyncLocalStorage } from 'node:async_hooks';
import diagnostics from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';

/**
 * Which interaction's handler made a Web API call, when the app runs in the same process as the
 * emulator (tests). Real Slack cannot tell, and cannot need to: it only sees that a call came while
 * an ack was outstanding. A test can, and must: the app's outbox worker delivers in the background,
 * and its call landing while another interaction awaits its ack is not that interaction's doing.
 *
 * How: every request the emulator sends the app carries `INTERACTION_HEADER`. When the app's HTTP
 * server starts handling it, the interaction's tag is entered into an async context; every `fetch`
 * the handler's work makes to a traced emulator (directly or through awaited promises, timers and
 * queues it starts) carries the tag back as `CAUSE_HEADER`. Work started elsewhere (the worker, a
 * timer set at start-up) carries none. Node's diagnostics channels do the hooking: the app is not
 * changed and knows nothing of it.
 */

export const INTERACTION_HEADER = 'x-slack-emulator-interaction';
export const CAUSE_HEADER = 'x-slack-emulator-cause';

const causes = new AsyncLocalStorage<string>();
const tracedOrigins = new Map<string, number>();
let subscribed = false;

function onServerRequest(message: unknown): void {
  const { request } = message as { request: IncomingMessage };
  const tag = request.headers[INTERACTION_HEADER];
  // Entered for the rest of this request's handling; '' for a request the emulator did not send.
  causes.enterWith(typeof tag === 'string' ? tag : '');
}

function onFetchRequest(message: unknown): void {
  const { request } = message as {
    request: { origin?: unknown; addHeader(name: string, value: string): unknown };
  };
  const tag = causes.getStore();
  if (!tag || typeof request.origin !== 'string' || !tracedOrigins.has(request.origin)) return;
  request.addHeader(CAUSE_HEADER, tag);
}

/** Starts tagging calls to `origin` (`http://127.0.0.1:4321`); the returned function stops it. */
export function traceCauses(origin: string): () => void {
  if (!subscribed) {
    diagnostics.subscribe('http.server.request.start', onServerRequest);
    diagnostics.subscribe('undici:request:create', onFetchRequest);
    subscribed = true;
  }
  tracedOrigins.set(origin, (tracedOrigins.get(origin) ?? 0) + 1);
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    const count = (tracedOrigins.get(origin) ?? 1) - 1;
    if (count > 0) tracedOrigins.set(origin, count);
    else tracedOrigins.delete(origin);
  };
}
