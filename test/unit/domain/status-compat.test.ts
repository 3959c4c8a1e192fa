import { describe, expect, it } from 'vitest';
import { eventsAvailable, nextStatus } from '../../../src/domain/status.js';

// The first status table's API stays for callers moving to decide; it now reads the one table.
describe('status.ts (deprecated API)', () => {
  it('answers from the lifecycle table', () => {
    expect(nextStatus('submitted', 'acknowledge', 'hr')).toEqual({ ok: true, to: 'acknowledged' });
    expect(nextStatus('documentation_requested', 'documentation_provided', 'hr')).toEqual({
      ok: true,
      to: 'acknowledged',
    });
    expect(nextStatus('draft', 'submit', 'employee')).toEqual({ ok: true, to: 'submitted' });
    expect(nextStatus('submitted', 'approve', 'hr')).toEqual({
      ok: false,
      reason: 'not_allowed_from_status',
    });
    expect(nextStatus('submitted', 'acknowledge', 'employee')).toEqual({
      ok: false,
      reason: 'role_not_allowed',
    });
    // The app closes what is finished (delete my data relied on it); it ends nothing by itself.
    expect(nextStatus('withdrawn', 'close', 'system')).toEqual({ ok: true, to: 'closed' });
    expect(nextStatus('approved', 'close', 'system')).toEqual({
      ok: false,
      reason: 'not_allowed_from_status',
    });
    expect(nextStatus('review_due', 'end', 'system')).toEqual({ ok: false, reason: 'role_not_allowed' });
  });

  it('lists what a role may do from a status', () => {
    expect(eventsAvailable('alternative_offered', 'employee')).toEqual([
      'accept_alternative',
      'decline_alternative',
      'withdraw',
    ]);
    expect(eventsAvailable('acknowledged', 'hr')).toEqual([
      'request_documentation',
      'offer_alternative',
      'approve',
      'deny',
    ]);
  });
});
