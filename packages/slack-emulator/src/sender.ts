import { createHmac } from 'node:crypto';
import { request } from 'node:http';

/**
 * Posts to the app what Slack posts, signed as Slack signs it: `v0=` + HMAC-SHA256 of
 * `v0:{timestamp}:{body}` with the signing secret. Options let a test send what Slack never would
 * (a wrong or missing signature, an old timestamp) and what Slack does on a slow answer (retries).
 *
 * Slack waits 3 seconds for the app's acknowledgement and then gives up: so does this. The moment
 * the answer's headers arrive is reported through `onAnswer`, before anything else runs, so that a
 * Web API call the app makes after acknowledging is never mistaken for one made before it.
 */

export interface Delivery {
  /** The app's HTTP status; 0 when it did not answer in time. */
  readonly status: number;
  readonly body: string;
  /** True when the app did not answer within the acknowledgement deadline. */
  readonly timedOut?: boolean;
  /** Milliseconds from sending to the answer's headers (or to giving up). */
  readonly ms: number;
}

export interface DeliveryOptions {
  /** Unix seconds for `X-Slack-Request-Timestamp`; defaults to now. */
  readonly timestamp?: number;
  /** `'missing'` leaves the header out; a string is sent as is; otherwise the body is signed. */
  readonly signature?: 'missing' | string;
  /** Sent as `X-Slack-Retry-Num` / `X-Slack-Retry-Reason`, as Slack does when it retries. */
  readonly retry?: { readonly num: number; readonly reason: string };
}

/** How long Slack waits for an app to acknowledge a request. */
export const ACK_DEADLINE_MS = 3000;

export function slackSignature(signingSecret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export function deliver(args: {
  url: string;
  signingSecret: string;
  body: string;
  contentType: 'application/x-www-form-urlencoded' | 'application/json';
  nowMs: number;
  options?: DeliveryOptions;
  /** Gives up after this long, as Slack does; defaults to 3 seconds. */
  deadlineMs?: number;
  /** Called as soon as the answer's status line and headers arrive. */
  onAnswer?: () => void;
  /** Headers of the emulator's own, beyond Slack's (the interaction's tag, attribution.ts). */
  extraHeaders?: Readonly<Record<string, string>>;
}): Promise<Delivery> {
  const options = args.options ?? {};
  const timestamp = options.timestamp ?? Math.floor(args.nowMs / 1000);
  const headers: Record<string, string> = {
    'content-type': args.contentType,
    'content-length': String(Buffer.byteLength(args.body)),
    'x-slack-request-timestamp': String(timestamp),
    'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
    ...args.extraHeaders,
  };
  if (options.signature !== 'missing') {
    headers['x-slack-signature'] =
      options.signature ?? slackSignature(args.signingSecret, timestamp, args.body);
  }
  if (options.retry) {
    headers['x-slack-retry-num'] = String(options.retry.num);
    headers['x-slack-retry-reason'] = options.retry.reason;
  }
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise<Delivery>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: Delivery | Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const outgoing = request(args.url, { method: 'POST', headers, agent: false }, (response) => {
      args.onAnswer?.();
      const chunks: Buffer[] = [];
      const ms = elapsed();
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        finish({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms }),
      );
      response.on('error', (error) => finish(error));
    });
    const timer = setTimeout(() => {
      // Slack stops waiting; whatever the app answers later is lost.
      finish({ status: 0, body: '', timedOut: true, ms: elapsed() });
      outgoing.destroy();
    }, args.deadlineMs ?? ACK_DEADLINE_MS);
    outgoing.on('error', (error) => finish(error));
    outgoing.end(args.body);
  });
}
