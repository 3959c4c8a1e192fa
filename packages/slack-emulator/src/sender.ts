import { createHmac } from 'node:crypto';

/**
 * Posts to the app what Slack posts, signed as Slack signs it: `v0=` + HMAC-SHA256 of
 * `v0:{timestamp}:{body}` with the signing secret. Options let a test send what Slack never would
 * (a wrong or missing signature, an old timestamp) and what Slack does on a slow answer (retries).
 */

export interface Delivery {
  readonly status: number;
  readonly body: string;
}

export interface DeliveryOptions {
  /** Unix seconds for `X-Slack-Request-Timestamp`; defaults to now. */
  readonly timestamp?: number;
  /** `'missing'` leaves the header out; a string is sent as is; otherwise the body is signed. */
  readonly signature?: 'missing' | string;
  /** Sent as `X-Slack-Retry-Num` / `X-Slack-Retry-Reason`, as Slack does when it retries. */
  readonly retry?: { readonly num: number; readonly reason: string };
}

export function slackSignature(signingSecret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export async function deliver(args: {
  url: string;
  signingSecret: string;
  body: string;
  contentType: 'application/x-www-form-urlencoded' | 'application/json';
  nowMs: number;
  options?: DeliveryOptions;
}): Promise<Delivery> {
  const options = args.options ?? {};
  const timestamp = options.timestamp ?? Math.floor(args.nowMs / 1000);
  const headers: Record<string, string> = {
    'content-type': args.contentType,
    'x-slack-request-timestamp': String(timestamp),
    'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
  };
  if (options.signature !== 'missing') {
    headers['x-slack-signature'] =
      options.signature ?? slackSignature(args.signingSecret, timestamp, args.body);
  }
  if (options.retry) {
    headers['x-slack-retry-num'] = String(options.retry.num);
    headers['x-slack-retry-reason'] = options.retry.reason;
  }
  const response = await fetch(args.url, { method: 'POST', headers, body: args.body });
  return { status: response.status, body: await response.text() };
}
