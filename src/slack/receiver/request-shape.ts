import { parse as parseForm } from 'node:querystring';
import { z } from 'zod';

/**
 * What a signed request must look like before Bolt and our listeners see it. Slack's own requests
 * always pass; a forged or broken one (a null payload, actions that are not a list, a submission
 * without its view) is refused here with a reason that names the field, never its content.
 * The schemas only ask for what Bolt and the listeners read without checking; the rest passes.
 */

export type Verdict =
  /** Hand it to Bolt. */
  | { readonly kind: 'dispatch' }
  /** Well formed, but nothing here handles it (a type Slack may add later): 200, nothing done. */
  | { readonly kind: 'ignore'; readonly reason: string }
  /** Malformed: 400, one log line. */
  | { readonly kind: 'refuse'; readonly reason: string };

const id = z.string().min(1);
/**
 * An id Slack issues (team, enterprise, user, channel, view, trigger, event): letters, digits and
 * a few separators, never empty, never long. The store keys records by some of them, so an id with
 * spaces, mentions, NUL bytes or 40,000 characters is refused here as malformed rather than failing
 * deep inside as if storage were down.
 */
const slackId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/);
/** Where Slack may leave an id out or empty (a request that names no workspace is answered plainly). */
const optionalSlackId = z.union([slackId, z.literal('')]).optional();
/** `team` of an interactive payload: the workspace, or null from an org-wide install. */
const team = z.looseObject({ id: optionalSlackId, enterprise_id: optionalSlackId }).nullable().optional();
const enterprise = z.looseObject({ id: optionalSlackId }).nullable().optional();
const values = z.record(z.string(), z.record(z.string(), z.looseObject({})));
const state = z.looseObject({ values });
const view = z.looseObject({
  id: slackId,
  team_id: optionalSlackId,
  type: z.string(),
  callback_id: z.string().optional(),
  private_metadata: z.string().optional(),
  hash: z.string().optional(),
  state: state.optional(),
});
const user = z.looseObject({ id: slackId, team_id: optionalSlackId });
/** What every interactive payload may carry about where it comes from. */
const origin = { team, enterprise, trigger_id: optionalSlackId, api_app_id: optionalSlackId };

const interactive = {
  block_actions: z.looseObject({
    type: z.literal('block_actions'),
    ...origin,
    user,
    // A button's value is a string of at most 2,000 characters in every payload Slack sends.
    actions: z
      .array(z.looseObject({ action_id: id, type: z.string(), value: z.string().max(2000).optional() }))
      .min(1),
    view: view.optional(),
    state: state.optional(),
    container: z.looseObject({}).optional(),
  }),
  block_suggestion: z.looseObject({ type: z.literal('block_suggestion'), ...origin, user, action_id: id }),
  view_submission: z.looseObject({
    type: z.literal('view_submission'),
    ...origin,
    user,
    view: view.extend({ callback_id: z.string(), state }),
  }),
  view_closed: z.looseObject({ type: z.literal('view_closed'), ...origin, user, view }),
  shortcut: z.looseObject({
    type: z.literal('shortcut'),
    ...origin,
    user,
    callback_id: id,
    trigger_id: slackId,
  }),
  message_action: z.looseObject({
    type: z.literal('message_action'),
    ...origin,
    user,
    callback_id: id,
    trigger_id: slackId,
    channel: z.looseObject({ id: slackId }),
    message: z.looseObject({}),
  }),
} as const;

const slashCommand = z.looseObject({
  command: z.string().regex(/^\//),
  user_id: slackId,
  team_id: optionalSlackId,
  enterprise_id: optionalSlackId,
  channel_id: optionalSlackId,
  trigger_id: optionalSlackId,
  text: z.string().optional(),
});

const events = {
  url_verification: z.looseObject({ type: z.literal('url_verification'), challenge: z.string() }),
  event_callback: z.looseObject({
    type: z.literal('event_callback'),
    team_id: optionalSlackId,
    enterprise_id: optionalSlackId.nullable(),
    event: z.looseObject({
      type: id,
      user: z.union([optionalSlackId, z.looseObject({ id: slackId })]),
      channel: z.union([optionalSlackId, z.looseObject({ id: slackId })]),
    }),
    event_id: optionalSlackId,
  }),
  app_rate_limited: z.looseObject({ type: z.literal('app_rate_limited') }),
} as const;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The first problem, by path only: a value may be anything, including someone's words. */
function firstProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  const path = issue?.path.length ? issue.path.join('.') : 'the body';
  return `${path}: ${issue?.code ?? 'invalid'}`;
}

function check(schema: z.ZodType, body: unknown, what: string): Verdict {
  const parsed = schema.safeParse(body);
  return parsed.success
    ? { kind: 'dispatch' }
    : { kind: 'refuse', reason: `${what} is malformed (${firstProblem(parsed.error)})` };
}

/** Judges a request body that has already passed Slack's signature check. */
export function judgeRequest(rawBody: string, contentType: string | undefined): Verdict {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') return judgeForm(rawBody);
  if (type === 'application/json') return judgeJson(rawBody);
  return { kind: 'refuse', reason: `content type "${type?.slice(0, 60) || 'none'}" is not one Slack sends` };
}

function judgeForm(rawBody: string): Verdict {
  const form = parseForm(rawBody);
  if (form.ssl_check === '1') return { kind: 'dispatch' };
  if (Object.keys(form).length === 0) return { kind: 'refuse', reason: 'the form is empty' };
  if ('payload' in form) {
    if (typeof form.payload !== 'string')
      return { kind: 'refuse', reason: 'payload is given more than once' };
    let payload: unknown;
    try {
      payload = JSON.parse(form.payload);
    } catch {
      return { kind: 'refuse', reason: 'payload is not JSON' };
    }
    if (!isRecord(payload)) return { kind: 'refuse', reason: 'payload is not an object' };
    if (holdsNul(payload)) return { kind: 'refuse', reason: 'a field holds a NUL character' };
    if (typeof payload.type !== 'string') return { kind: 'refuse', reason: 'payload.type is missing' };
    const schema = interactive[payload.type as keyof typeof interactive];
    if (!schema)
      return { kind: 'ignore', reason: `no handler for payloads of type ${safeName(payload.type)}` };
    return check(schema, payload, payload.type);
  }
  for (const [name, value] of Object.entries(form)) {
    if (typeof value !== 'string')
      return { kind: 'refuse', reason: `${safeName(name)} is given more than once` };
    if (holdsNul(value) || holdsNul(name)) return { kind: 'refuse', reason: 'a field holds a NUL character' };
  }
  return check(slashCommand, form, 'the slash command');
}

function judgeJson(rawBody: string): Verdict {
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    return { kind: 'refuse', reason: 'the body is not JSON' };
  }
  if (!isRecord(body)) return { kind: 'refuse', reason: 'the body is not an object' };
  if (holdsNul(body)) return { kind: 'refuse', reason: 'a field holds a NUL character' };
  if (typeof body.type !== 'string') return { kind: 'refuse', reason: 'type is missing' };
  const schema = events[body.type as keyof typeof events];
  if (!schema) return { kind: 'ignore', reason: `no handler for requests of type ${safeName(body.type)}` };
  return check(schema, body, body.type);
}

/**
 * Slack's clients never send a NUL character; one in any field (a key or a value, at any depth)
 * is a forged request, refused before it can reach a draft, a letter or a log.
 */
function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(holdsNul);
  if (isRecord(value))
    return Object.entries(value).some(([key, inner]) => key.includes('\u0000') || holdsNul(inner));
  return false;
}

/** A type or field name as Slack spells them; anything else is not worth repeating in a log. */
function safeName(name: string): string {
  return /^[a-z_]{1,40}$/.test(name) ? name : '(unrecognised)';
}
