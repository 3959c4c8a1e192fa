import { reasonWordings } from '../domain/disclosure.js';
import type { Audience } from '../domain/effects.js';
import type { Logger } from '../logger.js';
import { currentAudience } from './audience.js';
import { detectClinical } from './clinical/index.js';
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

export interface GuardOptions {
  readonly logger: Logger;
  readonly baseFetch?: typeof fetch;
  /** Told of every call the guard judges (tests, metrics). */
  readonly onOutbound?: (call: OutboundCall) => void;
}

export function createGuardedFetch({ logger, baseFetch = fetch, onOutbound }: GuardOptions): typeof fetch {
  return async (input, init) => {
    if (!init?.body) return baseFetch(input, init);
    const audience = currentAudience();
    // Outside a Slack request (a job, the error handler) no one's secrets are known, but the
    // detector still runs: an empty scope, not a free pass.
    const scope = currentPrivacyScope() ?? new PrivacyScope(undefined);
    const url = String(input instanceof Request ? input.url : input);
    const method = methodOf(url);
    onOutbound?.({ method, audience });
    const body = await readBody(init.body);
    if (body.unreadable) {
      logger.warn({ method, audience, reason: 'unreadable_outbound_body' }, 'outbound Slack call held back');
      return refusal();
    }
    const isModal = modalMethods.has(method) && viewType(body.form) === 'modal';
    // The app's own approved wording is set aside first: a crisis reply must reach the person even
    // when they typed the same word ("suicide") that the reply's helpline is named for. Secrets are
    // still matched on the whole text, so a private note that quotes that wording is still found.
    const said = withoutApprovedWording(body.text);
    const owners = scope.ownersFoundIn(body.text, isApprovedWording);
    // A modal is shown only to the person acting; it may hold their own words and nobody else's.
    const ownersAllowed = isModal && owners.every((owner) => owner === scope.actingUserId);
    // Everywhere else (messages, the Home tab, files) nothing clinical goes out, whoever wrote it:
    // this catches what no scope knew about, such as a model reply that slipped past its own check.
    const clinicalElsewhere = !isModal && detectClinical(said).length > 0;
    if ((owners.length === 0 || ownersAllowed) && !clinicalElsewhere) return baseFetch(input, init);

    logger.warn(
      { method, audience, reason: 'health_detail_in_outbound_payload' },
      'outbound Slack call held back',
    );
    const safe = body.form ? safeReplacement(method, body.form) : undefined;
    if (!safe) return refusal();
    const headers = new Headers(init.headers);
    headers.set('content-type', 'application/x-www-form-urlencoded');
    return baseFetch(input, { ...init, headers, body: safe.toString() });
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
  readonly form?: URLSearchParams;
  /** A body the guard cannot read without consuming it: never sent. */
  readonly unreadable?: boolean;
}

/** Everything a body could carry, as text: form fields (with JSON inside them) and file contents. */
async function readBody(body: NonNullable<RequestInit['body']>): Promise<ReadBody> {
  if (typeof body === 'string') {
    const form = new URLSearchParams(body);
    return { text: formText(form), form };
  }
  if (body instanceof URLSearchParams) return { text: formText(body), form: body };
  if (body instanceof FormData) {
    const parts: string[] = [];
    for (const [, value] of body.entries()) {
      parts.push(typeof value === 'string' ? value : await value.text());
    }
    return { text: parts.join('\n') };
  }
  if (body instanceof Blob) return { text: await body.text() };
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) {
    return { text: Buffer.from(body as ArrayBuffer).toString('utf8') };
  }
  // Streams are never produced by the Web API client; refuse rather than guess.
  return { text: '', unreadable: true };
}

/**
 * Every field's text, with JSON fields (blocks, views) read as the strings they hold: inside JSON a
 * line break is written `\n`, and a secret must still be found however it was encoded.
 */
function formText(form: URLSearchParams): string {
  const parts: string[] = [];
  for (const value of form.values()) {
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
  return parts.join('\n');
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
