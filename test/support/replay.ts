import { deliver, type Emulator } from '@accommodation-assistant/slack-emulator';

/**
 * What an attacker who captured one of Slack's requests (or Slack itself, retrying) can do: send
 * the very same signed bytes again, to any replica. The recorder keeps every body the emulator
 * sends with the timestamp it was signed at, so a replay is byte for byte the original request.
 */
export interface SignedDelivery {
  readonly body: string;
  readonly contentType: 'application/x-www-form-urlencoded' | 'application/json';
  readonly timestamp: number;
}

export interface ReplayRecorder {
  /** The last delivery the emulator sent to the app. */
  last(): SignedDelivery;
  /** Every delivery since the recorder was installed. */
  all(): SignedDelivery[];
  /** Sends `delivery` again, signed with its original timestamp, to `url`. */
  replay(
    delivery: SignedDelivery,
    url: string,
    options?: { readonly retryNum?: number },
  ): Promise<{ status: number; body: string }>;
}

type SendForm = Emulator['sendForm'];
type SendEvent = Emulator['sendEvent'];

/** Wraps the emulator's senders (every actor's click, command and event goes through them). */
export function recordDeliveries(emulator: Emulator): ReplayRecorder {
  const sent: SignedDelivery[] = [];
  const sendForm: SendForm = emulator.sendForm.bind(emulator);
  const sendJsonEvent: SendEvent = emulator.sendEvent.bind(emulator);
  const now = () => Math.floor(Date.now() / 1000);
  Object.assign(emulator, {
    sendForm: ((body, options) => {
      const timestamp = options?.timestamp ?? now();
      sent.push({ body, contentType: 'application/x-www-form-urlencoded', timestamp });
      return sendForm(body, { ...options, timestamp });
    }) satisfies SendForm,
    sendEvent: ((envelope, options) => {
      const timestamp = options?.timestamp ?? now();
      sent.push({ body: JSON.stringify(envelope), contentType: 'application/json', timestamp });
      return sendJsonEvent(envelope, { ...options, timestamp });
    }) satisfies SendEvent,
  });
  return {
    last: () => {
      const delivery = sent.at(-1);
      if (!delivery) throw new Error('nothing was sent yet');
      return delivery;
    },
    all: () => [...sent],
    replay: async (delivery, url, options = {}) => {
      const { status, body } = await deliver({
        url,
        signingSecret: emulator.signingSecret,
        body: delivery.body,
        contentType: delivery.contentType,
        nowMs: Date.now(),
        options: {
          timestamp: delivery.timestamp,
          ...(options.retryNum ? { retry: { num: options.retryNum, reason: 'http_timeout' } } : {}),
        },
      });
      return { status, body };
    },
  };
}
