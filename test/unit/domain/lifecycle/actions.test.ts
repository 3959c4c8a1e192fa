import { describe, expect, it } from 'vitest';
import type { CommandPayload } from '../../../../src/domain/commands.js';
import {
  type Action,
  availableActions,
  commandsWithoutButtons,
} from '../../../../src/domain/lifecycle/actions.js';
import { decide } from '../../../../src/domain/lifecycle/decide.js';
import type { AccommodationRequest } from '../../../../src/domain/request.js';
import type { Actor } from '../../../../src/domain/roles.js';
import { type CommandType, commandTypes, requestStatuses } from '../../../../src/domain/statuses.js';
import { later, payloads, people, policy, requestIn } from './fixtures.js';

/** The form a button's modal would send. */
function formFor(action: Action, actor: Actor): unknown {
  if (action.id === 'assign_to_me') return { assigneeId: actor.id } satisfies CommandPayload<'assign'>;
  if (action.id === 'reassign') return { assigneeId: people.hr2.id } satisfies CommandPayload<'assign'>;
  return payloads[action.command as CommandType];
}

const buttonCommands = commandTypes.filter((type) => !commandsWithoutButtons.includes(type));
const moments = { 'right after the last step': 1, 'a year later': 24 * 400 } as const;

describe('availableActions agrees with decide', () => {
  for (const [when, hours] of Object.entries(moments)) {
    for (const status of requestStatuses) {
      it(`${status}, ${when}`, () => {
        const { request, now: reached } = requestIn(status);
        const now = later(reached, hours);
        for (const actor of Object.values(people)) {
          const actions = availableActions(request, actor, now, policy);
          // Every button it shows works when pressed.
          for (const action of actions.filter((a) => a.command)) {
            const decision = decide(
              request,
              { type: action.command as CommandType, payload: formFor(action, actor) },
              actor,
              now,
              policy,
            );
            expect(decision.ok, `${actor.id} ${action.id} in ${status}`).toBe(true);
          }
          // Every button command decide accepts is shown.
          const shown = new Set(actions.map((a) => a.command));
          for (const type of buttonCommands) {
            const payload =
              type === 'assign'
                ? { assigneeId: request.assigneeId === actor.id ? people.hr2.id : actor.id }
                : payloads[type];
            if (decide(request, { type, payload }, actor, now, policy).ok)
              expect(shown.has(type), `${actor.id} ${type} in ${status} is accepted but not shown`).toBe(
                true,
              );
          }
        }
      });
    }
  }
});

describe('the buttons people see', () => {
  const ids = (request: AccommodationRequest, actor: Actor, now: Date) =>
    availableActions(request, actor, now, policy).map((a) => a.id);

  it('HR on a new request: assign, acknowledge, note, view, history', () => {
    const { request, now } = requestIn('submitted');
    expect(ids(request, people.hr, now)).toEqual([
      'assign_to_me',
      'acknowledge',
      'add_note',
      'view_request',
      'history',
    ]);
  });

  it('HR after acknowledging: the whole interactive process', () => {
    const { request, now } = requestIn('acknowledged');
    expect(ids(request, people.hr, now)).toEqual([
      'reassign',
      'request_documentation',
      'offer_alternative',
      'approve',
      'deny',
      'add_note',
      'view_request',
      'history',
    ]);
    expect(ids(request, people.hr2, now)).toContain('assign_to_me');
  });

  it('the employee answering an alternative: Accept, Decline, Withdraw', () => {
    const { request, now } = requestIn('alternative_offered');
    expect(ids(request, people.owner, now)).toEqual([
      'accept_alternative',
      'decline_alternative',
      'withdraw',
      'view_request',
      'history',
    ]);
  });

  it('the employee sees “Ask HR for an update” only once HR is late', () => {
    const { request, now } = requestIn('submitted');
    expect(ids(request, people.owner, now)).not.toContain('request_update');
    const late = new Date(new Date(request.dueAt as string).getTime() + 60_000);
    expect(ids(request, people.owner, late)).toContain('request_update');
  });

  it('EAP, a manager and other employees get no buttons on a request', () => {
    const { request, now } = requestIn('approved');
    expect(ids(request, people.eap, now)).toEqual([]);
    expect(ids(request, people.manager, now)).toEqual([]);
    expect(ids(request, people.otherEmployee, now)).toEqual([]);
  });

  it('labels are the words HR and employees are told to look for', () => {
    const { request, now } = requestIn('acknowledged');
    expect(availableActions(request, people.hr, now, policy).map((a) => a.label)).toEqual([
      'Reassign',
      'Ask for documentation',
      'Offer an alternative',
      'Approve',
      'Deny',
      'Add note',
      'View request',
      'History',
    ]);
  });
});
