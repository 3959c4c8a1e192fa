import { describe, expect, it } from 'vitest';
import { can, relationOf, resolveActor } from '../../../src/domain/access.js';
import { people, requestIn } from './lifecycle/fixtures.js';

const directory = { hrIds: new Set(['U_HR1', 'U_HR2']), eapIds: new Set(['U_EAP', 'U_HR2']) };
const { request: submitted } = requestIn('submitted');
const { request: approved } = requestIn('approved');

describe('resolveActor', () => {
  it('takes HR and EAP from the directory, HR first when someone is in both', () => {
    expect(resolveActor('U_HR1', directory)).toEqual({ role: 'hr', id: 'U_HR1' });
    expect(resolveActor('U_HR2', directory)).toEqual({ role: 'hr', id: 'U_HR2' });
    expect(resolveActor('U_EAP', directory)).toEqual({ role: 'eap', id: 'U_EAP' });
    expect(resolveActor('U_ANYONE', directory)).toEqual({ role: 'employee', id: 'U_ANYONE' });
  });

  it('makes the request’s named manager its manager, and only that request’s', () => {
    expect(resolveActor('U_MANAGER', directory, submitted)).toEqual({ role: 'manager', id: 'U_MANAGER' });
    expect(resolveActor('U_MANAGER', directory, { employeeId: 'U_X' })).toEqual({
      role: 'employee',
      id: 'U_MANAGER',
    });
  });
});

describe('relationOf', () => {
  it('places the request’s own employee first, whatever their role', () => {
    expect(relationOf({ role: 'hr', id: submitted.employeeId }, submitted)).toBe('owner');
    expect(relationOf(people.owner, submitted)).toBe('owner');
    expect(relationOf(people.otherEmployee, submitted)).toBe('other_employee');
    expect(relationOf(people.hr, submitted)).toBe('hr');
    expect(relationOf(people.eap, submitted)).toBe('eap');
    expect(relationOf(people.manager, submitted)).toBe('manager');
    expect(relationOf({ role: 'manager', id: 'U_SOMEONE' }, submitted)).toBe('other_employee');
    expect(relationOf(people.system, submitted)).toBe('system');
  });
});

describe('can', () => {
  it('HR and the employee see the request and its history; nobody else does', () => {
    for (const action of ['view_request', 'view_history', 'view_letter'] as const) {
      expect(can(people.owner, action, submitted)).toBe(true);
      expect(can(people.hr, action, submitted)).toBe(true);
      for (const actor of [people.otherEmployee, people.eap, people.manager])
        expect(can(actor, action, submitted)).toBe(false);
    }
  });

  it('EAP tracks a person only with their consent', () => {
    expect(can(people.eap, 'view_tracking', submitted)).toBe(true);
    const quiet = { ...submitted, disclosure: { ...submitted.disclosure, eapMayTrackStatus: false } };
    expect(can(people.eap, 'view_tracking', quiet)).toBe(false);
  });

  it('the manager sees the approved pattern only with consent, after approval', () => {
    expect(can(people.manager, 'view_approved_pattern', submitted)).toBe(false);
    expect(can(people.manager, 'view_approved_pattern', approved)).toBe(true);
    const quiet = { ...approved, disclosure: { ...approved.disclosure, shareScheduleWithManager: false } };
    expect(can(people.manager, 'view_approved_pattern', quiet)).toBe(false);
    expect(can(people.otherEmployee, 'view_approved_pattern', approved)).toBe(false);
  });

  it('commands follow who may give them', () => {
    expect(can(people.hr, 'approve', submitted)).toBe(true);
    expect(can(people.owner, 'approve', submitted)).toBe(false);
    expect(can(people.owner, 'withdraw', submitted)).toBe(true);
    expect(can(people.hr, 'withdraw', submitted)).toBe(false);
    expect(can(people.system, 'purge', submitted)).toBe(true);
    expect(can(people.eap, 'add_note', submitted)).toBe(false);
  });
});
