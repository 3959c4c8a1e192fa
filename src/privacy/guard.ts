import { reasonWordings } from '../domain/disclosure.js';
import type { Audience } from '../domain/effects.js';
import type { Logger } from '../logger.js';
import { currentAudience } from './audience.js';
import { detectAcrossFields } from './clinical/index.js';
import { crisisReply } from './crisis.js';
import { comparable, currentPrivacyScope, PrivacyScope } from './scope.js';

/**
 * The one outbound guard. Every Slack Web API call leaves the process through this `fetch` (it is
 * the WebClient's transport, so it sees every method, file uploads included, whoever built the
 * client). A payload that carries a person's health details is not sent as is: it is replaced by a
 * safe message, and the block is logged without content.
 *
 * The one exception is the employee's own modal: a modal opened, pushed or updated while that
 * employee is the one acting may show their own words back to them, and nobody else's.
 *
 * Bolt's `respond()` posts to response_url with its own HTTP client, outside this guard: the app
 * never uses it (listeners reply through the Web API client instead).
 */

export const HELD_BACK_TEXT =
  'I held this message back because it would have shown private health details here. Nothing was shared. ' +
  'Please try again, or open the request form to see your details privately.';

const modalMethods = new Set(['views.open', 'views.push', 'views.update']);

/** What the guard knows of a call before judging it: the method and whom it is for. */
export interface OutboundCall {
  readonly method: string;
  /** Named by the sender with `sendingTo`; undefined when nobody named it. */
  readonly audience: Audience | undefined;
}

/** Where held-back calls are counted, so an operator sees them (`privacy stats`). */
export interface HeldBackCounter {
  add(method: string): Promise<void>;
}

export interface GuardOptions {
  readonly logger: Logger;
  readonly baseFetch?: typeof fetch;
  /** Told of every call the guard judges (tests, metrics). */
  readonly onOutbound?: (call: OutboundCall) => void;
  readonly counter?: HeldBackCounter;
}

/** The one guard, as the Web API client's transport and as the judge of views returned in an ack. */
export interface OutboundGuard {
  readonly fetch: typeof fetch;
  /**
   * A view_submission's ack carries a view to Slack in the HTTP response (`response_action`
   * `update` or `push`), outside the Web API client. Judged like `views.update` for the audience of
   * the listener acking it; a view that may not go is swapped for the held-back modal.
   */
  screenAck<Response>(response: Response): Promise<Response>;
}

export function createGuardedFetch(options: GuardOptions): typeof fetch {
  return createOutboundGuard(options).fetch;
}

export function createOutboundGuard({
  logger,
  baseFetch = fetch,
  onOutbound,
  counter,
}: GuardOptions): OutboundGuard {
  // Held-back calls since this process started; each log line carries the running total.
  let heldBackCount = 0;
  const holdBack = async (method: string, audience: Audience | undefined, reason: string): Promise<void> => {
    heldBackCount++;
    logger.warn({ method, audience, reason, heldBackCount }, 'outbound Slack call held back');
    try {
      await counter?.add(method);
    } catch {
      // counting must never stop the safe message from going out; the log line above still counts
      logger.warn({ method, reason: 'held_back_count_not_saved' }, 'could not save the held-back count');
    }
  };
  const guardedFetch: typeof fetch = async (input, init) => {
    if (!init?.body) return baseFetch(input, init);
    const audience = currentAudience();
    const url = String(input instanceof Request ? input.url : input);
    const method = methodOf(url);
    onOutbound?.({ method, audience });
    const body = await readBody(init.body);
    if (body.unreadable) {
      await holdBack(method, audience, 'unreadable_outbound_body');
      return refusal();
    }
    const isModal = modalMethods.has(method) && viewType(body.form) === 'modal';
    if (mayGo(body, isModal, audience)) return baseFetch(input, init);

    await holdBack(method, audience, 'health_detail_in_outbound_payload');
    const safe = body.form ? safeReplacement(method, body.form) : undefined;
    if (!safe) return refusal();
    const headers = new Headers(init.headers);
    headers.set('content-type', 'application/x-www-form-urlencoded');
    return baseFetch(input, { ...init, headers, body: safe.toString() });
  };
  const screenAck = async <Response>(response: Response): Promise<Response> => {
    const ack = response as { response_action?: unknown; view?: unknown } | undefined;
    if (
      !ack ||
      typeof ack !== 'object' ||
      (ack.response_action !== 'update' && ack.response_action !== 'push')
    )
      return response;
    const audience = currentAudience();
    const method = `ack.${ack.response_action}`;
    onOutbound?.({ method, audience });
    const pieces: string[] = [];
    collectStrings(ack.view, pieces);
    const isModal = (ack.view as { type?: unknown } | undefined)?.type === 'modal';
    if (mayGo({ text: pieces.join('\n'), pieces }, isModal, audience)) return response;
    await holdBack(method, audience, 'health_detail_in_ack_view');
    return { ...ack, view: heldBackModal() } as Response;
  };
  return { fetch: guardedFetch, screenAck };
}

/**
 * Whether a payload may go to its audience. Only a modal for the employee's own eyes may show
 * words back, and only the acting person's: the sender names the audience (`sendingTo('employee',
 * ...)`). A modal for HR, or one nobody named, gets the same check as a message.
 */
function mayGo(
  body: Pick<ReadBody, 'text' | 'pieces'>,
  isModal: boolean,
  audience: Audience | undefined,
): boolean {
  // Outside a Slack request (a job, the error handler) no one's secrets are known, but the
  // detector still runs: an empty scope, not a free pass.
  const scope = currentPrivacyScope() ?? new PrivacyScope(undefined);
  // The app's own approved wording is set aside first: a crisis reply must reach the person even
  // when they typed the same word ("suicide") that the reply's helpline is named for. Secrets are
  // still matched on the whole text, so a private note that quotes that wording is still found.
  const owners = scope.ownersFoundIn(body.text, isApprovedWording);
  const ownEyes = isModal && audience !== 'hr' && audience !== 'eap' && audience !== 'manager';
  const ownersAllowed = ownEyes && owners.every((owner) => owner === scope.actingUserId);
  // The detector runs on everything, each string on its own (so a JSON key after a value, or one
  // block after another, cannot make a phrase), and on all of it together (a detail split across
  // two blocks). Outside the employee's own modal nothing clinical goes out, whoever wrote it: this
  // catches what no scope knew about, such as a model reply that slipped past its own check. In a
  // modal nobody named, only the acting person's own words may be shown back to them.
  const said = body.pieces.map(withoutApprovedWording);
  const detected = detectAcrossFields(said).flatMap((spans, k) =>
    spans.map((span) => (said[k] ?? '').slice(span.start, span.end)),
  );
  const clinical =
    audience === 'employee' && ownEyes
      ? false
      : ownEyes
        ? detected.some((text) => !scope.isOwnedBy(scope.actingUserId, text))
        : detected.length > 0;
  return (owners.length === 0 || ownersAllowed) && !clinical;
}

function heldBackModal() {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: 'Held back' },
    close: { type: 'plain_text', text: 'Close' },
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: HELD_BACK_TEXT } }],
  };
}

/**
 * Wording the app itself says on purpose: the disclosure an employee chose from the list, and the
 * crisis line's name. They are not anyone's health details, so they do not trip the detector here.
 */
const approvedWording = [
  ...Object.values(reasonWordings),
  ...(['US', 'CA', 'UK', 'OTHER'] as const).map((country) => crisisReply(country)),
];

function withoutApprovedWording(text: string): string {
  return approvedWording.reduce((rest, phrase) => rest.replaceAll(phrase, ' '), text);
}

const approvedComparable = approvedWording.map(comparable);

/** A secret that lies wholly inside the app's own wording (as "suicide" in the crisis line's name). */
function isApprovedWording(secret: string): boolean {
  return approvedComparable.some((phrase) => phrase.includes(secret));
}

function viewType(form: URLSearchParams | undefined): unknown {
  try {
    return (JSON.parse(form?.get('view') ?? 'null') as { type?: unknown } | null)?.type;
  } catch {
    return undefined;
  }
}

function methodOf(url: string): string {
  const path = new URL(url).pathname;
  return path.slice(path.lastIndexOf('/') + 1);
}

interface ReadBody {
  readonly text: string;
  /** The same content as separate strings: form values, the strings inside JSON, file contents. */
  readonly pieces: readonly string[];
  readonly form?: URLSearchParams;
  /** A body the guard cannot read without consuming it: never sent. */
  readonly unreadable?: boolean;
}

/** Everything a body could carry, as text: form fields (with JSON inside them) and file contents. */
async function readBody(body: NonNullable<RequestInit['body']>): Promise<ReadBody> {
  if (typeof body === 'string') return fromForm(new URLSearchParams(body));
  if (body instanceof URLSearchParams) return fromForm(body);
  if (body instanceof FormData) {
    const parts: string[] = [];
    for (const [, value] of body.entries()) {
      parts.push(typeof value === 'string' ? value : await value.text());
    }
    return fromStrings(parts);
  }
  if (body instanceof Blob) return fromStrings([await body.text()]);
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) {
    return fromStrings([Buffer.from(body as ArrayBuffer).toString('utf8')]);
  }
  // Streams are never produced by the Web API client; refuse rather than guess.
  return { text: '', pieces: [], unreadable: true };
}

function fromForm(form: URLSearchParams): ReadBody {
  const pieces = stringsOf([...form.values()]);
  return { text: pieces.join('\n'), pieces, form };
}

function fromStrings(parts: string[]): ReadBody {
  const pieces = stringsOf(parts);
  return { text: pieces.join('\n'), pieces };
}

/**
 * Every value's text, with JSON (blocks, views, an exported file) read as the strings it holds:
 * inside JSON a line break is written `\n`, a secret must still be found however it was encoded,
 * and a key ("history") is not part of the sentence before it.
 */
function stringsOf(values: readonly string[]): string[] {
  const parts: string[] = [];
  for (const value of values) {
    if (!/^\s*[[{]/.test(value)) {
      parts.push(value);
      continue;
    }
    try {
      collectStrings(JSON.parse(value), parts);
    } catch {
      parts.push(value);
    }
  }
  return parts;
}

function collectStrings(value: unknown, into: string[]): void {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, into);
  else if (value && typeof value === 'object')
    for (const item of Object.values(value)) collectStrings(item, into);
}

/** The same call with its content swapped for a safe one, so the person still gets an answer. */
function safeReplacement(method: string, form: URLSearchParams): URLSearchParams | undefined {
  const safe = new URLSearchParams();
  for (const key of [
    'token',
    'channel',
    'user',
    'ts',
    'user_id',
    'trigger_id',
    'view_id',
    'external_id',
    'hash',
  ]) {
    const value = form.get(key);
    if (value !== null) safe.set(key, value);
  }
  if (method.startsWith('chat.')) {
    safe.set('text', HELD_BACK_TEXT);
    safe.set('blocks', JSON.stringify([{ type: 'section', text: { type: 'mrkdwn', text: HELD_BACK_TEXT } }]));
    return safe;
  }
  if (method.startsWith('views.')) {
    const isHome = viewType(form) === 'home';
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: HELD_BACK_TEXT } }];
    const view = isHome
      ? { type: 'home', blocks }
      : { type: 'modal', title: { type: 'plain_text', text: 'Held back' }, blocks };
    safe.set('view', JSON.stringify(view));
    return safe;
  }
  return undefined;
}

/** A Slack-shaped refusal for calls that have no safe form (file uploads). */
function refusal(): Response {
  return new Response(JSON.stringify({ ok: false, error: 'privacy_guard_blocked' }), {
    status: 200,
    headers: { 'content-type': 'application/json' },
  });
}
