import { describe, expect, it } from 'vitest';
import { Command, commandPayloads } from '../../../../src/domain/commands.js';
import type { Decided } from '../../../../src/domain/decision.js';
import { Effect } from '../../../../src/domain/effects.js';
import { denialAlternativesOf, hrNotesOf } from '../../../../src/domain/hr-words.js';
import { addBusinessDays } from '../../../../src/domain/lifecycle/business-days.js';
import { decide, refusalAudit } from '../../../../src/domain/lifecycle/decide.js';
import { projectForHr } from '../../../../src/domain/projections.js';
import { AccommodationRequest, AuditEntry } from '../../../../src/domain/request.js';
import { commandTypes, requestStatuses } from '../../../../src/domain/statuses.js';
import { typedByPerson } from '../../../../src/privacy/private-text.js';
import {
  accepted,
  canary,
  later,
  pathTo,
  payloads,
  people,
  policy,
  requestIn,
  start,
  submitPayload,
  walk,
} from './fixtures.js';

const { owner, otherEmployee, hr, hr2, eap, manager, system } = people;

const kinds = (decision: Decided) => decision.effects.map((effect) => effect.kind);
const events = (decision: Decided) =>
  decision.effects.flatMap((effect) => ('event' in effect ? [`${effect.kind}:${effect.event}`] : []));

describe('submit', () => {
  const decision = accepted(decide(null, { type: 'submit', payload: submitPayload() }, owner, start, policy));

  it('creates the request as sent, waiting on HR, with HR’s clocks set in business days', () => {
    const request = decision.request;
    expect(AccommodationRequest.parse(request)).toEqual(request);
    expect(request).toMatchObject({
      id: 'ACC-2026-0042',
      employeeId: owner.id,
      status: 'submitted',
      version: 0,
      waitingOn: 'hr',
      managerId: manager.id,
    });
    // Monday 10:00 New York: acknowledge by Wednesday 17:00, decide by Monday 23 March 17:00.
    expect(request.dueAt).toBe('2026-03-04T22:00:00.000Z');
    expect(request.hrClock?.decisionDueAt).toBe('2026-03-23T21:00:00.000Z');
  });

  it('is audited as the employee’s, from draft to submitted', () => {
    expect(AuditEntry.parse(decision.audit)).toEqual({
      at: start.toISOString(),
      actorRole: 'employee',
      actorId: owner.id,
      action: 'submit',
      fromStatus: 'draft',
      toStatus: 'submitted',
    });
  });

  it('posts HR’s card, tells the employee it is stored, and schedules HR’s reminders', () => {
    expect(decision.effects).toEqual([
      { kind: 'hr_card', requestId: 'ACC-2026-0042' },
      { kind: 'employee_dm', requestId: 'ACC-2026-0042', event: 'submitted' },
      { kind: 'refresh_home', userId: owner.id },
      { kind: 'eap_dm', requestId: 'ACC-2026-0042', event: 'submitted' },
      {
        kind: 'schedule_reminder',
        requestId: 'ACC-2026-0042',
        reminder: 'hr_acknowledge_due',
        at: '2026-03-04T22:00:00.000Z',
      },
      // Escalation two business days after the due date: Friday 6 March.
      {
        kind: 'schedule_reminder',
        requestId: 'ACC-2026-0042',
        reminder: 'hr_escalation',
        at: '2026-03-06T22:00:00.000Z',
      },
    ]);
    for (const effect of decision.effects) expect(Effect.parse(effect)).toEqual(effect);
  });

  it('effects carry ids and kinds only, never the employee’s words', () => {
    const text = JSON.stringify([decision.effects, decision.audit]);
    for (const word of Object.values(canary)) expect(text).not.toContain(word);
  });

  it('tells EAP nothing when the employee did not agree', () => {
    const payload = submitPayload();
    const quiet = { ...payload, disclosure: { ...payload.disclosure, eapMayTrackStatus: false } };
    expect(
      kinds(accepted(decide(null, { type: 'submit', payload: quiet }, owner, start, policy))),
    ).not.toContain('eap_dm');
  });

  it('lets an HR member ask for their own accommodation', () => {
    expect(decide(null, { type: 'submit', payload: submitPayload() }, hr, start, policy).ok).toBe(true);
  });

  it('refuses a second submit of the same request', () => {
    const again = decide(
      decision.request,
      { type: 'submit', payload: submitPayload() },
      owner,
      start,
      policy,
    );
    expect(again).toMatchObject({ ok: false, code: 'already_done' });
  });

  it('refuses the system', () => {
    expect(decide(null, { type: 'submit', payload: submitPayload() }, system, start, policy)).toMatchObject({
      ok: false,
      code: 'not_permitted',
    });
  });
});

describe('withdraw', () => {
  it('is the employee’s, from any open status, and tells whoever was told before', () => {
    const { request, now } = requestIn('approved');
    const decision = accepted(
      decide(request, { type: 'withdraw', payload: {} }, owner, later(now, 1), policy),
    );
    expect(decision.request.status).toBe('withdrawn');
    expect(decision.request.waitingOn).toBe('nobody');
    expect(decision.request.dueAt).toBeUndefined();
    expect(events(decision)).toEqual([
      'hr_thread:withdrawn',
      'employee_dm:withdrawn',
      'manager_dm:withdrawn',
      'eap_dm:withdrawn',
    ]);
    // The review reminder goes; closing after the grace period is scheduled.
    expect(decision.effects).toContainEqual({
      kind: 'cancel_reminder',
      requestId: request.id,
      reminder: 'review_due',
    });
    expect(decision.effects).toContainEqual(
      expect.objectContaining({ kind: 'schedule_reminder', reminder: 'close_after_grace' }),
    );
  });

  it('does not tell a manager who was never told anything', () => {
    const { request, now } = requestIn('acknowledged');
    const decision = accepted(
      decide(request, { type: 'withdraw', payload: {} }, owner, later(now, 1), policy),
    );
    expect(kinds(decision)).not.toContain('manager_dm');
    expect(decision.effects).toContainEqual({
      kind: 'cancel_reminder',
      requestId: request.id,
      reminder: 'hr_decision_due',
    });
  });

  it('is refused to anyone else, with a plain reason and nothing changed', () => {
    const { request, now } = requestIn('submitted');
    for (const actor of [otherEmployee, hr, eap, manager]) {
      const refusal = decide(request, { type: 'withdraw', payload: {} }, actor, now, policy);
      expect(refusal).toMatchObject({ ok: false, code: 'not_yours' });
    }
  });
});

describe('ask HR for an update', () => {
  const submitted = walk(pathTo.submitted);
  const ask = (request: AccommodationRequest, now: Date) =>
    decide(request, { type: 'request_update', payload: {} }, owner, now, policy);

  it('is refused minutes after sending, saying when HR’s answer is due', () => {
    const refusal = ask(submitted.request, later(submitted.now, 0.1));
    expect(refusal).toMatchObject({ ok: false, code: 'too_soon' });
    if (!refusal.ok) expect(refusal.message).toContain('Wednesday 4 March');
  });

  it('is refused the moment before the due time and allowed just after it', () => {
    const due = new Date(submitted.request.dueAt as string);
    expect(ask(submitted.request, new Date(due.getTime() - 1)).ok).toBe(false);
    expect(ask(submitted.request, new Date(due.getTime() + 1)).ok).toBe(true);
  });

  it('is an audited event with the status inquiry in the card’s thread, and no status change', () => {
    const now = later(new Date(submitted.request.dueAt as string), 1);
    const decision = accepted(ask(submitted.request, now));
    expect(decision.request.status).toBe('submitted');
    expect(decision.request.lastUpdateRequestedAt).toBe(now.toISOString());
    expect(decision.audit).toMatchObject({
      action: 'request_update',
      fromStatus: 'submitted',
      toStatus: 'submitted',
    });
    expect(decision.effects).toContainEqual({
      kind: 'hr_thread',
      requestId: submitted.request.id,
      event: 'update_requested',
      letter: 'status_inquiry',
    });
    // HR's reminders stay as they were: nothing is rescheduled twice.
    expect(kinds(decision)).not.toContain('schedule_reminder');
  });

  it('is allowed at most once per period', () => {
    const first = later(new Date(submitted.request.dueAt as string), 1);
    const asked = { ...accepted(ask(submitted.request, first)).request, version: 2 };
    const again = ask(asked, later(first, 24));
    expect(again).toMatchObject({ ok: false, code: 'too_soon' });
    if (!again.ok) expect(again.message).toMatch(/You asked HR for an update on .* You can ask again from /);
    const nextPeriod = addBusinessDays(first, policy.updateRequestEveryDays, policy.calendar);
    expect(ask(asked, new Date(nextPeriod.getTime() + 1)).ok).toBe(true);
  });

  it('is refused while HR waits on the employee or the provider: their clock is paused', () => {
    const { request } = requestIn('documentation_requested');
    const years = new Date('2030-01-01T00:00:00Z');
    expect(ask(request, years)).toMatchObject({ ok: false, code: 'wrong_status' });
    const pending = accepted(
      decide(request, { type: 'provider_pending', payload: {} }, owner, years, policy),
    ).request;
    const refusal = ask(pending, years);
    expect(refusal).toMatchObject({ ok: false, code: 'wrong_status' });
    if (!refusal.ok) expect(refusal.message).toContain('provider');
  });

  it('is refused once HR decided', () => {
    const { request } = requestIn('approved');
    expect(ask(request, new Date('2030-01-01T00:00:00Z'))).toMatchObject({ ok: false, code: 'wrong_status' });
  });

  it('works on a record stored before due dates were kept, from its submission date', () => {
    const { dueAt: _d, hrClock: _c, waitingOn: _w, ...old } = submitted.request;
    expect(ask(old, later(submitted.now, 1)).ok).toBe(false);
    expect(ask(old, new Date('2026-03-05T00:00:00Z')).ok).toBe(true);
  });
});

describe('HR’s clock', () => {
  it('pauses while waiting on the employee and resumes with what was left', () => {
    const acknowledged = walk(pathTo.acknowledged);
    const decisionDue = acknowledged.request.hrClock?.decisionDueAt;
    expect(acknowledged.request.dueAt).toBe(decisionDue);
    // Ask for documentation on Tuesday 3 March (14 business days left until 23 March).
    const askedAt = new Date('2026-03-03T15:00:00Z');
    const asked = accepted(
      decide(
        acknowledged.request,
        { type: 'request_documentation', payload: payloads.request_documentation },
        hr,
        askedAt,
        policy,
      ),
    );
    expect(asked.request.waitingOn).toBe('employee');
    expect(asked.request.hrClock).toEqual({ pausedDaysLeft: 14 });
    expect(asked.effects).toContainEqual({
      kind: 'cancel_reminder',
      requestId: asked.request.id,
      reminder: 'hr_decision_due',
    });
    expect(asked.effects).toContainEqual({
      kind: 'cancel_reminder',
      requestId: asked.request.id,
      reminder: 'hr_escalation',
    });
    expect(asked.effects).toContainEqual(expect.objectContaining({ reminder: 'employee_response_due' }));
    // A paused clock schedules nothing for HR.
    expect(
      asked.effects
        .filter((e) => e.kind === 'schedule_reminder')
        .map((e) => e.kind === 'schedule_reminder' && e.reminder),
    ).toEqual(['employee_response_due']);

    // The documentation arrives two weeks later, on Tuesday 17 March: 14 business days from then.
    const receivedAt = new Date('2026-03-17T15:00:00Z');
    const received = accepted(
      decide(asked.request, { type: 'documentation_received', payload: {} }, hr, receivedAt, policy),
    );
    expect(received.request.waitingOn).toBe('hr');
    expect(received.request.dueAt).toBe('2026-04-06T21:00:00.000Z');
    expect(received.effects).toContainEqual({
      kind: 'cancel_reminder',
      requestId: asked.request.id,
      reminder: 'employee_response_due',
    });
  });

  it('waiting on the provider stops reminding the employee', () => {
    const { request, now } = requestIn('documentation_requested');
    const decision = accepted(
      decide(request, { type: 'provider_pending', payload: {} }, owner, later(now, 1), policy),
    );
    expect(decision.request.waitingOn).toBe('provider');
    expect(decision.request.status).toBe('documentation_requested');
    expect(decision.effects).toContainEqual({
      kind: 'cancel_reminder',
      requestId: request.id,
      reminder: 'employee_response_due',
    });
    const twice = decide(
      decision.request,
      { type: 'provider_pending', payload: {} },
      owner,
      later(now, 2),
      policy,
    );
    expect(twice).toMatchObject({ ok: false, code: 'already_done' });
  });

  it('never expires, ends or denies anything by itself: the system reaches no such status', () => {
    for (const status of requestStatuses) {
      const { request } = requestIn(status);
      for (const type of commandTypes) {
        const decision = decide(
          request,
          { type, payload: payloads[type] },
          system,
          new Date('2035-01-01T00:00:00Z'),
          policy,
        );
        // An administrator's export is recorded as the system's, and changes no status.
        if (decision.ok && type === 'record_export') expect(decision.request.status).toBe(status);
        else if (decision.ok) {
          expect(['denied', 'ended', 'withdrawn']).not.toContain(decision.request.status);
          expect(['mark_review_due', 'close_after_grace', 'purge']).toContain(type);
        }
      }
    }
  });
});

describe('HR’s decisions', () => {
  it('approval records the pattern and tells the consenting employee’s manager', () => {
    const { request, now } = requestIn('acknowledged');
    const decision = accepted(
      decide(request, { type: 'approve', payload: payloads.approve }, hr, later(now, 1), policy),
    );
    expect(decision.request.approval?.pattern).toEqual(payloads.approve.pattern);
    expect(decision.request.reviewDate).toBe('2026-05-15');
    expect(decision.request.managerToldAt).toBeDefined();
    expect(events(decision)).toContain('manager_dm:approved');
    expect(decision.effects).toContainEqual({
      kind: 'employee_dm',
      requestId: request.id,
      event: 'approved',
      letter: 'approval',
    });
    // Review starts 7 days before the review date, at 09:00 where the employee works.
    expect(decision.effects).toContainEqual({
      kind: 'schedule_reminder',
      requestId: request.id,
      reminder: 'review_due',
      at: '2026-05-08T14:00:00.000Z',
    });
  });

  it('approval tells no manager without consent', () => {
    const { request, now } = requestIn('acknowledged');
    const private_ = { ...request, disclosure: { ...request.disclosure, shareScheduleWithManager: false } };
    const decision = accepted(
      decide(private_, { type: 'approve', payload: payloads.approve }, hr, later(now, 1), policy),
    );
    expect(kinds(decision)).not.toContain('manager_dm');
    expect(decision.request.managerToldAt).toBeUndefined();
  });

  it('a denial without its reasons is refused inline, field by field', () => {
    const { request, now } = requestIn('acknowledged');
    const empty = { reason: 'other', explanation: ' ', alternativesConsidered: [], reconsideration: '' };
    const refusal = decide(request, { type: 'deny', payload: empty }, hr, now, policy);
    expect(refusal).toMatchObject({ ok: false, code: 'invalid_payload' });
    if (refusal.ok) return;
    expect(Object.keys(refusal.fieldErrors ?? {}).sort()).toEqual([
      'alternativesConsidered',
      'explanation',
      'reconsideration',
    ]);
    const halfAlternative = {
      ...payloads.deny,
      alternativesConsidered: [{ alternative: 'Shifted hours', whyNot: '' }],
    };
    const second = decide(request, { type: 'deny', payload: halfAlternative }, hr, now, policy);
    expect(second).toMatchObject({ ok: false, code: 'invalid_payload' });
    if (!second.ok) expect(second.fieldErrors).toHaveProperty(['alternativesConsidered.0.whyNot']);
  });

  it('a denial keeps HR’s words where the store seals them, and its reason as a code', () => {
    const { request, now } = requestIn('acknowledged');
    const decision = accepted(
      decide(request, { type: 'deny', payload: payloads.deny }, hr, later(now, 1), policy),
    );
    expect(decision.request.denial).toMatchObject({ reason: 'undue_hardship', deniedBy: hr.id });
    expect(decision.request.sensitive.denialExplanation).toBe(canary.denialExplanation);
    expect(denialAlternativesOf(decision.request.sensitive)).toEqual(payloads.deny.alternativesConsidered);
    const plain = JSON.stringify({ ...decision.request, sensitive: undefined });
    expect(plain).not.toContain('CANARY-hr');
  });

  it('asking for documentation needs HR to confirm the need is neither obvious nor documented', () => {
    const { request, now } = requestIn('acknowledged');
    const unconfirmed = { needNotObvious: false, notAlreadyDocumented: true, items: ['expected_duration'] };
    const refusal = decide(request, { type: 'request_documentation', payload: unconfirmed }, hr, now, policy);
    expect(refusal).toMatchObject({ ok: false, code: 'invalid_payload' });
    if (!refusal.ok) expect(refusal.fieldErrors?.needNotObvious).toMatch(/not obvious/);
    const diagnosis = { needNotObvious: true, notAlreadyDocumented: true, items: ['diagnosis'] };
    expect(
      decide(request, { type: 'request_documentation', payload: diagnosis }, hr, now, policy),
    ).toMatchObject({
      ok: false,
      code: 'invalid_payload',
    });
  });

  it('a second HR member acting late is told who acted first and where the request stands', () => {
    const { request, now } = requestIn('submitted');
    const first = accepted(decide(request, { type: 'acknowledge', payload: {} }, hr, now, policy));
    const late = decide(first.request, { type: 'acknowledge', payload: {} }, hr2, now, policy);
    expect(late).toMatchObject({ ok: false, code: 'already_done' });
    if (!late.ok)
      expect(late.message).toBe(
        `<@${hr.id}> acted first: the request is now “HR is reviewing it”, so there is nothing more to do. Nothing was changed.`,
      );
    const approved = accepted(
      decide(first.request, { type: 'approve', payload: payloads.approve }, hr, now, policy),
    );
    const deny = decide(approved.request, { type: 'deny', payload: payloads.deny }, hr2, now, policy);
    expect(deny).toMatchObject({ ok: false, code: 'wrong_status' });
    if (!deny.ok) expect(deny.message).toContain(`<@${hr.id}> acted first: the request is now “Approved”`);
  });

  it('nobody approves their own request, HR member or not', () => {
    const own = accepted(
      decide(null, { type: 'submit', payload: submitPayload() }, hr, start, policy),
    ).request;
    const refusal = decide(own, { type: 'acknowledge', payload: {} }, hr, start, policy);
    expect(refusal).toMatchObject({ ok: false, code: 'not_permitted' });
    expect(decide(own, { type: 'acknowledge', payload: {} }, hr2, start, policy).ok).toBe(true);
  });

  it('notes are HR-only, sealed with the record, and leave the status alone', () => {
    const { request, now } = requestIn('acknowledged');
    const decision = accepted(
      decide(request, { type: 'add_note', payload: payloads.add_note }, hr, now, policy),
    );
    expect(hrNotesOf(decision.request.sensitive)).toEqual([
      { at: now.toISOString(), by: hr.id, text: canary.hrNote },
    ]);
    expect(decision.request.status).toBe('acknowledged');
    expect(
      decide(request, { type: 'add_note', payload: payloads.add_note }, owner, now, policy),
    ).toMatchObject({
      ok: false,
      code: 'not_permitted',
    });
  });

  it('assigning to whoever already handles it changes nothing', () => {
    const { request, now } = requestIn('acknowledged');
    expect(request.assigneeId).toBe(hr.id);
    expect(
      decide(request, { type: 'assign', payload: { assigneeId: hr.id } }, hr, now, policy),
    ).toMatchObject({
      ok: false,
      code: 'already_done',
    });
    const moved = accepted(
      decide(request, { type: 'assign', payload: { assigneeId: hr2.id } }, hr, now, policy),
    );
    expect(moved.request.assigneeId).toBe(hr2.id);
    expect(moved.audit.subjectId).toBe(hr2.id);
  });
});

describe('reviews and extensions', () => {
  it('an extension asked for updates the dates and tells the manager who was told before', () => {
    const { request, now } = requestIn('approved');
    const asked = accepted(
      decide(
        request,
        { type: 'request_extension', payload: payloads.request_extension },
        owner,
        later(now, 1),
        policy,
      ),
    );
    expect(asked.request.status).toBe('review_due');
    expect(asked.effects).toContainEqual({
      kind: 'hr_thread',
      requestId: request.id,
      event: 'extension_requested',
      letter: 'extension_request',
    });
    const extended = accepted(
      decide(asked.request, { type: 'extend', payload: payloads.extend }, hr, later(now, 2), policy),
    );
    expect(extended.request.status).toBe('approved');
    expect(extended.request.approval?.pattern.endDate).toBe('2026-08-28');
    expect(extended.request.extension?.decidedAt).toBeDefined();
    expect(events(extended)).toContain('manager_dm:extended');
  });

  it('an extension asked early is due within HR’s usual decision time, not months later at the review', () => {
    const { request } = requestIn('approved');
    // Tuesday 17 March: 15 business days later is Tuesday 7 April, well before the 15 May review.
    const asked = accepted(
      decide(
        request,
        { type: 'request_extension', payload: payloads.request_extension },
        owner,
        new Date('2026-03-17T15:00:00Z'),
        policy,
      ),
    );
    expect(asked.request.dueAt).toBe('2026-04-07T21:00:00.000Z');
  });

  it('an extension must end after the current end date', () => {
    const { request, now } = requestIn('approved');
    const refusal = decide(
      request,
      { type: 'request_extension', payload: { until: '2026-06-01' } },
      owner,
      now,
      policy,
    );
    expect(refusal).toMatchObject({ ok: false, code: 'invalid_payload' });
  });

  it('HR keeps the end date: the extension is answered, nobody owes anything, the manager hears nothing', () => {
    const { request, now } = requestIn('approved');
    const asked = accepted(
      decide(
        request,
        { type: 'request_extension', payload: payloads.request_extension },
        owner,
        later(now, 1),
        policy,
      ),
    );
    const kept = accepted(
      decide(asked.request, { type: 'decline_extension', payload: {} }, hr, later(now, 2), policy),
    );
    expect(kept.request.status).toBe('review_due');
    expect(kept.request.waitingOn).toBe('nobody');
    expect(kept.request.dueAt).toBeUndefined();
    expect(kept.request.extension).toMatchObject({ outcome: 'declined', decidedAt: expect.any(String) });
    // The dates stay as approved.
    expect(kept.request.approval).toEqual(asked.request.approval);
    expect(events(kept)).toEqual([
      'hr_thread:extension_declined',
      'employee_dm:extension_declined',
      'eap_dm:extension_declined',
    ]);
    expect(kinds(kept)).not.toContain('manager_dm');
    // HR's reminders for the answer are cancelled; none is scheduled in their place.
    expect(kept.effects.filter((e) => e.kind === 'schedule_reminder')).toEqual([]);
    expect(kept.effects.filter((e) => e.kind === 'cancel_reminder').length).toBeGreaterThan(0);
    // Answered once: a second answer is refused, and the employee may ask again.
    expect(
      decide(kept.request, { type: 'decline_extension', payload: {} }, hr, later(now, 3), policy),
    ).toMatchObject({ ok: false, code: 'wrong_status' });
    expect(
      decide(
        kept.request,
        { type: 'request_extension', payload: payloads.request_extension },
        owner,
        later(now, 3),
        policy,
      ).ok,
    ).toBe(true);
  });

  it('a review reached by its date has no extension to decline', () => {
    const { request, now } = requestIn('review_due');
    const refusal = decide(request, { type: 'decline_extension', payload: {} }, hr, later(now, 1), policy);
    expect(refusal).toMatchObject({ ok: false, code: 'wrong_status' });
  });

  it('HR adjusts the hours and dates: the new pattern, and the manager told with consent', () => {
    const { request, now } = requestIn('review_due');
    const hours = [{ days: ['tue' as const, 'thu' as const], start: '07:00', end: '15:30' }];
    const adjusted = accepted(
      decide(
        request,
        {
          type: 'extend',
          payload: { endDate: '2026-07-31', reviewDate: '2026-07-17', hours, remoteDays: [] },
        },
        hr,
        later(now, 1),
        policy,
      ),
    );
    expect(adjusted.request.status).toBe('approved');
    expect(adjusted.request.approval?.pattern).toMatchObject({
      hours,
      endDate: '2026-07-31',
      remoteDays: [],
    });
    expect(adjusted.request.reviewDate).toBe('2026-07-17');
    expect(events(adjusted)).toContain('manager_dm:extended');
    expect(events(adjusted)).toContain('eap_dm:extended');
    // The next review is scheduled from the new dates.
    expect(adjusted.effects).toContainEqual(
      expect.objectContaining({ kind: 'schedule_reminder', reminder: 'review_due' }),
    );
  });

  it('the employee may end their own arrangement; HR and the manager who was told hear it', () => {
    const { request, now } = requestIn('review_due');
    const ended = accepted(decide(request, { type: 'end', payload: {} }, owner, later(now, 1), policy));
    expect(ended.request.status).toBe('ended');
    expect(events(ended)).toEqual(
      expect.arrayContaining(['hr_thread:ended', 'employee_dm:ended', 'manager_dm:ended']),
    );
    expect(decide(request, { type: 'end', payload: {} }, otherEmployee, later(now, 1), policy)).toMatchObject(
      {
        ok: false,
        code: 'not_yours',
      },
    );
  });

  it('the review starts only when it is due', () => {
    const { request, now } = requestIn('approved');
    expect(decide(request, { type: 'mark_review_due', payload: {} }, system, now, policy)).toMatchObject({
      ok: false,
      code: 'too_soon',
    });
    const due = accepted(
      decide(
        request,
        { type: 'mark_review_due', payload: {} },
        system,
        new Date('2026-05-08T14:00:00Z'),
        policy,
      ),
    );
    expect(due.request.waitingOn).toBe('hr');
    expect(due.request.dueAt).toBe('2026-05-15T21:00:00.000Z');
  });
});

describe('delete my data and retention', () => {
  it('erase withdraws and closes an open request in one audited step, keeping only what HR received', () => {
    const { request, now } = requestIn('acknowledged');
    const released = { ...request, released: ['coveragePlan' as const] };
    const decision = accepted(decide(released, { type: 'erase', payload: {} }, owner, later(now, 1), policy));
    expect(decision.request.status).toBe('closed');
    expect(decision.audit).toMatchObject({ action: 'erase', fromStatus: 'acknowledged', toStatus: 'closed' });
    expect(decision.request.sensitive).toEqual({ coveragePlan: canary.coveragePlan });
    expect(kinds(decision)).toContain('delete_slack_posts');
    expect(decision.effects).toContainEqual({
      kind: 'cancel_reminder',
      requestId: request.id,
      reminder: 'hr_decision_due',
    });
  });

  it('erase of an arrangement in place tells the manager it no longer applies', () => {
    const { request, now } = requestIn('approved');
    const decision = accepted(decide(request, { type: 'erase', payload: {} }, owner, later(now, 1), policy));
    expect(events(decision)).toContain('manager_dm:withdrawn');
  });

  it('erase of a closed request says it is already closed', () => {
    const { request, now } = requestIn('closed');
    const refusal = decide(request, { type: 'erase', payload: {} }, owner, now, policy);
    expect(refusal).toMatchObject({ ok: false, code: 'already_done' });
    if (!refusal.ok) expect(refusal.message).toContain('retention');
  });

  it('purge waits for the retention period, then empties the record', () => {
    const { request, now } = requestIn('closed');
    expect(
      decide(request, { type: 'purge', payload: {} }, system, later(now, 24 * 364), policy),
    ).toMatchObject({
      ok: false,
      code: 'too_soon',
    });
    const purged = accepted(
      decide(request, { type: 'purge', payload: {} }, system, later(now, 24 * 366), policy),
    );
    expect(purged.request.status).toBe('purged');
    expect(purged.request.sensitive).toEqual({});
    // HR's card is not turned into anything: it is deleted with every other post about the request.
    expect(kinds(purged)).toEqual(['delete_slack_posts', 'refresh_home']);
    expect(purged.effects).toContainEqual({
      kind: 'delete_slack_posts',
      requestId: request.id,
      everything: true,
    });
  });

  it('a finished request closes by itself only after the grace period', () => {
    const { request, now } = requestIn('denied');
    expect(
      decide(request, { type: 'close_after_grace', payload: {} }, system, later(now, 24), policy),
    ).toMatchObject({
      ok: false,
      code: 'too_soon',
    });
    const closed = accepted(
      decide(request, { type: 'close_after_grace', payload: {} }, system, later(now, 24 * 31), policy),
    );
    expect(closed.request.status).toBe('closed');
    expect(closed.effects).toContainEqual({
      kind: 'cancel_reminder',
      requestId: request.id,
      reminder: 'close_after_grace',
    });
  });
});

describe('releasing words to HR', () => {
  it('records which fields, never the text, and HR can then read exactly those', () => {
    const { request, now } = requestIn('acknowledged');
    const decision = accepted(
      decide(
        request,
        { type: 'release', payload: { fields: ['coveragePlan'] } },
        owner,
        later(now, 1),
        policy,
      ),
    );
    expect(decision.request.released).toEqual(['coveragePlan']);
    expect(decision.audit).toMatchObject({
      action: 'release',
      fromStatus: 'acknowledged',
      toStatus: 'acknowledged',
    });
    expect(JSON.stringify([decision.audit, decision.effects])).not.toContain('CANARY');
    expect(projectForHr(decision.request).released).toEqual({ coveragePlan: canary.coveragePlan });
    const again = decide(
      decision.request,
      { type: 'release', payload: { fields: ['coveragePlan'] } },
      owner,
      now,
      policy,
    );
    expect(again).toMatchObject({ ok: false, code: 'already_done' });
  });

  it('cannot release an empty field, and is the employee’s alone', () => {
    const { request, now } = requestIn('acknowledged');
    expect(
      decide(request, { type: 'release', payload: { fields: ['declineComment'] } }, owner, now, policy),
    ).toMatchObject({ ok: false, code: 'invalid_payload' });
    expect(
      decide(request, { type: 'release', payload: { fields: ['coveragePlan'] } }, hr, now, policy),
    ).toMatchObject({
      ok: false,
      code: 'not_yours',
    });
    expect(
      decide(request, { type: 'release', payload: { fields: ['privateNote'] } }, owner, now, policy),
    ).toMatchObject({ ok: false, code: 'invalid_payload' });
  });

  it('can be given with the request itself, from the preview before sending', () => {
    const payload = { ...submitPayload(), released: ['statementOfNeed' as const] };
    const decision = accepted(decide(null, { type: 'submit', payload }, owner, start, policy));
    expect(decision.request.released).toEqual(['statementOfNeed']);
  });

  it('a new decline comment is not covered by an earlier release', () => {
    const { request, now } = requestIn('alternative_offered');
    const withComment = {
      ...request,
      sensitive: { ...request.sensitive, declineComment: typedByPerson('earlier') },
    };
    const released = { ...withComment, released: ['declineComment' as const] };
    const decision = accepted(
      decide(
        released,
        { type: 'decline_alternative', payload: payloads.decline_alternative },
        owner,
        later(now, 1),
        policy,
      ),
    );
    expect(decision.request.released).toEqual([]);
    expect(JSON.stringify(projectForHr(decision.request))).not.toContain(canary.declineComment);
  });
});

describe('a time zone nobody knows', () => {
  it('counts the employee’s clock on the team’s calendar instead of failing', () => {
    const { request, now } = requestIn('acknowledged');
    const odd = { ...request, work: { ...request.work, timeZone: 'Mars/Olympus_Mons' } };
    const decision = accepted(
      decide(
        odd,
        { type: 'request_documentation', payload: payloads.request_documentation },
        hr,
        later(now, 1),
        policy,
      ),
    );
    expect(decision.request.waitingOn).toBe('employee');
    expect(decide(odd, { type: 'request_update', payload: {} }, owner, later(now, 1), policy)).toMatchObject({
      ok: false,
      code: 'too_soon',
    });
  });

  it('is refused in a working pattern HR fills in', () => {
    const { request, now } = requestIn('acknowledged');
    const payload = {
      ...payloads.approve,
      pattern: { ...payloads.approve.pattern, timeZone: 'Mars/Olympus_Mons' },
    };
    const refusal = decide(request, { type: 'approve', payload }, hr, now, policy);
    expect(refusal).toMatchObject({ ok: false, code: 'invalid_payload' });
    if (!refusal.ok)
      expect(refusal.fieldErrors).toEqual({
        'pattern.timeZone': 'Please choose a time zone such as America/Chicago.',
      });
  });
});

describe('every decision', () => {
  it('returns the version read, and the same answer for the same inputs', () => {
    const { request, now } = requestIn('acknowledged');
    const a = decide(request, { type: 'approve', payload: payloads.approve }, hr, now, policy);
    const b = decide(request, { type: 'approve', payload: payloads.approve }, hr, now, policy);
    expect(a).toEqual(b);
    expect(accepted(a).request.version).toBe(request.version);
  });

  it('writes records and audit entries the store can read back', () => {
    for (const status of requestStatuses) {
      const { request, now } = requestIn(status);
      for (const type of commandTypes) {
        for (const actor of Object.values(people)) {
          const decision = decide(
            request,
            { type, payload: payloads[type] },
            actor,
            later(now, 24 * 400),
            policy,
          );
          if (!decision.ok) continue;
          expect(() => AccommodationRequest.parse(decision.request)).not.toThrow();
          expect(() => AuditEntry.parse(decision.audit)).not.toThrow();
          for (const effect of decision.effects) expect(() => Effect.parse(effect)).not.toThrow();
        }
      }
    }
  });

  it('never repeats anyone’s words in a refusal', () => {
    for (const status of requestStatuses) {
      const { request, now } = requestIn(status);
      for (const type of commandTypes) {
        for (const actor of Object.values(people)) {
          const decision = decide(
            request,
            { type, payload: { ...payloads[type], junk: canary.privateNote } },
            actor,
            now,
            policy,
          );
          if (decision.ok) continue;
          expect(decision.message).not.toContain('CANARY');
          expect(JSON.stringify(decision.fieldErrors ?? {})).not.toContain('CANARY');
        }
      }
    }
  });

  it('a refused HR button leaves an audit entry naming the attempt, and nothing else', () => {
    const { request, now } = requestIn('acknowledged');
    const refusal = decide(
      request,
      { type: 'approve', payload: payloads.approve },
      otherEmployee,
      now,
      policy,
    );
    if (refusal.ok) throw new Error('should be refused');
    expect(refusalAudit(request, 'approve', otherEmployee, now, refusal)).toEqual({
      at: now.toISOString(),
      actorRole: 'employee',
      actorId: otherEmployee.id,
      action: 'not_permitted',
      fromStatus: 'acknowledged',
      toStatus: 'acknowledged',
      subjectId: 'approve',
    });
    const late = decide(request, { type: 'acknowledge', payload: {} }, hr, now, policy);
    if (!late.ok) expect(refusalAudit(request, 'acknowledge', hr, now, late)).toBeNull();
  });

  it('commands parse from outside with one schema', () => {
    expect(Command.parse({ type: 'approve', payload: payloads.approve })).toEqual({
      type: 'approve',
      payload: payloads.approve,
    });
    expect(() => Command.parse({ type: 'approve', payload: {} })).toThrow();
    expect(() => Command.parse({ type: 'explode', payload: {} })).toThrow();
  });

  it('every command has a payload schema', () => {
    expect(Object.keys(commandPayloads).sort()).toEqual([...commandTypes].sort());
  });
});
