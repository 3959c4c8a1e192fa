import type { Context } from '@slack/bolt';
import type { Actor } from '../../domain/roles.js';
import type { Person } from '../person.js';

/**
 * What the middleware leaves in Bolt's context for every listener: who is acting, as the store
 * keys them (`person`) and as the domain judges them (`actor`, with the role from the cached
 * directory). Listeners read it here and never ask Slack for roles themselves.
 */
export interface ActingContext {
  readonly person?: Person;
  readonly actor?: Actor;
}

const keys = { person: 'accommodationPerson', actor: 'accommodationActor' } as const;

export function setActing(context: Context, acting: Required<ActingContext>): void {
  context[keys.person] = acting.person;
  context[keys.actor] = acting.actor;
}

export function actingIn(context: Context): ActingContext {
  return {
    person: context[keys.person] as Person | undefined,
    actor: context[keys.actor] as Actor | undefined,
  };
}

/** The actor the middleware resolved; a listener for a person's action always has one. */
export function actorIn(context: Context, fallbackUserId: string): Actor {
  return actingIn(context).actor ?? { role: 'employee', id: fallbackUserId };
}
