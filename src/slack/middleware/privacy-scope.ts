import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { PrivacyScope, runInPrivacyScope } from '../../privacy/scope.js';
import { installKeyOf } from '../install-key.js';

/**
 * Runs first on every incoming Slack request: opens the privacy scope for it and registers the
 * health details in whatever the person just typed (a DM, a command's text, a modal's inputs), so
 * that nothing later in the handling can send them back out by accident.
 */
export function privacyScopeMiddleware(): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next }) => {
    const actingUserId = actingUser(body);
    const scope = new PrivacyScope(actingUserId);
    if (actingUserId) {
      for (const { text, wholeIsPrivate } of typedText(body)) {
        if (wholeIsPrivate) scope.rememberExact(actingUserId, text);
        scope.rememberClinicalIn(actingUserId, text);
      }
    }
    await runInPrivacyScope(scope, next);
  };
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;

export function actingUser(body: unknown): string | undefined {
  if (!isObject(body)) return undefined;
  if (typeof body.user_id === 'string') return body.user_id;
  if (isObject(body.user) && typeof body.user.id === 'string') return body.user.id;
  if (isObject(body.event) && typeof body.event.user === 'string') return body.event.user;
  return undefined;
}

/** The install of the request (workspace, or organisation for an org-wide install). */
export function actingTeam(body: unknown): string | undefined {
  return installKeyOf(body);
}

interface TypedText {
  readonly text: string;
  /** Inputs the employee marked private (their private note) are secret as a whole. */
  readonly wholeIsPrivate: boolean;
}

function typedText(body: unknown): TypedText[] {
  if (!isObject(body)) return [];
  const found: TypedText[] = [];
  if (typeof body.text === 'string') found.push({ text: body.text, wholeIsPrivate: false });
  if (isObject(body.event) && typeof body.event.text === 'string') {
    found.push({ text: body.event.text, wholeIsPrivate: false });
  }
  const values = isObject(body.view) && isObject(body.view.state) ? body.view.state.values : undefined;
  if (isObject(values)) {
    for (const block of Object.values(values)) {
      if (!isObject(block)) continue;
      for (const [actionId, element] of Object.entries(block)) {
        if (isObject(element) && typeof element.value === 'string') {
          found.push({ text: element.value, wholeIsPrivate: actionId.includes('private') });
        }
      }
    }
  }
  return found;
}
