import { describe, expect, it } from 'vitest';
import { decide } from '../../../../src/domain/lifecycle/decide.js';
import { looked, refusedLook, refusedOnRecord } from '../../../../src/domain/lifecycle/on-record.js';
import { later, pathTo, payloads, people, policy, walk } from './fixtures.js';

/**
 * What goes on the trail without changing the request: a look, or a refused attempt. Each is a
 * decision like any other (the record as read, an audit entry, no effects), so the store writes it
 * with the same compare-and-set and nothing reaches the audit log another way.
 */
describe('entries on the trail that change nothing else', () => {
  const { owner, hr, otherEmployee, eap } = people;

  it('HR opening the letter: the record exactly as read, one entry naming who and when, no effects', () => {
    const { request, now } = walk(pathTo.acknowledged);
    const at = later(now, 2);
    const decision = looked(request, hr, at, 'letter');
    if (!decision.ok) throw new Error(decision.message);
    expect(decision.request).toBe(request);
    expect(decision.effects).toEqual([]);
    expect(decision.audit).toEqual({
      at: at.toISOString(),
      actorRole: 'hr',
      actorId: hr.id,
      action: 'viewed',
      fromStatus: 'acknowledged',
      toStatus: 'acknowledged',
    });
    expect(looked(request, owner, at, 'history')).toMatchObject({
      ok: true,
      audit: { subjectId: 'history' },
    });
  });

  it('refuses a look by someone who may not see the request, and records nothing', () => {
    const { request, now } = walk(pathTo.submitted);
    for (const someone of [otherEmployee, eap]) {
      expect(looked(request, someone, now, 'letter')).toMatchObject({ ok: false, code: 'not_permitted' });
    }
  });

  it('someone outside HR pressing an HR button is on the record; a form to fix is not', () => {
    const { request, now } = walk(pathTo.acknowledged);
    const refusal = decide(
      request,
      { type: 'approve', payload: payloads.approve },
      otherEmployee,
      now,
      policy,
    );
    if (refusal.ok) throw new Error('a colleague may not approve');
    const onRecord = refusedOnRecord(request, 'approve', otherEmployee, now, refusal);
    expect(onRecord?.request).toBe(request);
    expect(onRecord?.audit).toMatchObject({
      action: 'not_permitted',
      actorId: otherEmployee.id,
      subjectId: 'approve',
    });

    const badForm = decide(request, { type: 'deny', payload: {} }, hr, now, policy);
    if (badForm.ok) throw new Error('a denial needs its reasons');
    expect(refusedOnRecord(request, 'deny', hr, now, badForm)).toBeNull();

    expect(refusedLook(request, otherEmployee, now, 'view_history').audit).toMatchObject({
      action: 'not_permitted',
      subjectId: 'view_history',
      fromStatus: 'acknowledged',
      toStatus: 'acknowledged',
    });
  });
});
