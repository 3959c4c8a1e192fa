import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type App,
  type BufferedIncomingMessage,
  defaultBodyLimit,
  HTTPModuleFunctions,
  HTTPReceiver,
  type HTTPReceiverOptions,
  type ReceiverEvent,
} from '@slack/bolt';
import type { Logger } from '../../logger.js';
import { judgeRequest } from './request-shape.js';

/** Slack's replay window: a request's signed timestamp may be this far from the clock, no further. */
export const TIMESTAMP_TOLERANCE_SECONDS = 5 * 60;

/**
 * Bolt's HTTP receiver with a guard in front and a floor under it:
 * - a signed request whose body is not one Slack sends (a null payload, no user, actions that are
 *   not a list, a submission without its view) gets 400 and one log line, before Bolt parses it:
 *   Bolt reads such a body without checking and the failure escapes as an unhandled rejection,
 *   which stops the process;
 * - a well-formed request nothing handles (an unknown action, callback or command) gets an empty
 *   200 as soon as the listeners are done, instead of Slack waiting three seconds and showing
 *   the person an error;
 * - a signed request dated more than five minutes from now, either side, gets 401: Bolt refuses
 *   only the old ones, so a request signed with a date in the future would outlive the window in
 *   which a captured request can be replayed.
 * Unsigned requests still reach Bolt untouched, which answers them 401 as before.
 */
export interface GuardedReceiverOptions extends HTTPReceiverOptions {
  /** The app's logger: one line per refused request, without its content. */
  readonly appLogger: Logger;
}

export class GuardedHttpReceiver extends HTTPReceiver {
  private readonly appLogger: Logger;
  private readonly secret: string;

  constructor({ appLogger, ...options }: GuardedReceiverOptions) {
    super(options);
    this.appLogger = appLogger;
    this.secret = options.signingSecret;
    const boltListener = this.requestListener;
    this.requestListener = (request, response) => {
      this.screen(request, response, boltListener).catch((error: unknown) => {
        // Last resort: whatever went wrong, the request is answered and the process lives on.
        this.appLogger.error({ err: error }, 'could not screen a Slack request');
        answer(response, 500);
      });
    };
  }

  /** Acks, once the listeners are done, whatever none of them acknowledged. */
  override init(app: App): void {
    const floor = {
      processEvent: async (event: ReceiverEvent) => {
        let acknowledged = false;
        const ack: ReceiverEvent['ack'] = async (response) => {
          acknowledged = true;
          return event.ack(response);
        };
        await app.processEvent({ ...event, ack });
        if (!acknowledged) await event.ack();
      },
    };
    super.init(floor as unknown as App);
  }

  private async screen(
    request: IncomingMessage,
    response: ServerResponse,
    boltListener: HTTPReceiver['requestListener'],
  ): Promise<void> {
    if (request.method !== 'POST') return boltListener(request, response);
    let buffered: BufferedIncomingMessage;
    try {
      buffered = await HTTPModuleFunctions.bufferIncomingMessage(request, defaultBodyLimit);
    } catch {
      this.appLogger.warn({ reason: 'unreadable or too large' }, 'refused a Slack request');
      return answer(response, 413);
    }
    try {
      await HTTPModuleFunctions.parseAndVerifyHTTPRequest(
        { enabled: true, signingSecret: this.secret },
        buffered,
      );
    } catch {
      // Not signed by Slack: Bolt refuses it with 401 and its own log line.
      return boltListener(buffered, response);
    }
    if (!isDatedNow(request.headers['x-slack-request-timestamp'])) {
      this.appLogger.warn({ reason: 'dated too far from now' }, 'refused a Slack request');
      return answer(response, 401);
    }
    const verdict = judgeRequest(buffered.rawBody.toString('utf8'), request.headers['content-type']);
    if (verdict.kind === 'refuse') {
      this.appLogger.warn({ reason: verdict.reason }, 'refused a malformed Slack request');
      return answer(response, 400);
    }
    if (verdict.kind === 'ignore') {
      this.appLogger.info({ reason: verdict.reason }, 'ignored a Slack request');
      return answer(response, 200);
    }
    return boltListener(buffered, response);
  }
}

/** True when the signed timestamp is within the replay window of now, in the past or the future. */
function isDatedNow(header: string | string[] | undefined, nowMs = Date.now()): boolean {
  const seconds = Number(Array.isArray(header) ? header[0] : header);
  if (!Number.isFinite(seconds)) return false;
  return Math.abs(nowMs / 1000 - seconds) <= TIMESTAMP_TOLERANCE_SECONDS;
}

function answer(response: ServerResponse, status: number): void {
  if (response.headersSent) return;
  response.writeHead(status);
  response.end();
}
