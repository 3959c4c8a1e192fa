import { describe, expect, it } from 'vitest';
import { type EapDashboardRow, eapDashboard } from '../../../src/domain/eap-dashboard.js';
import { projectForEap } from '../../../src/domain/projections.js';
import type { AccommodationRequest, AccommodationType } from '../../../src/domain/request.js';
import { figureText, suppress } from '../../../src/domain/small-cells.js';
import type { RequestStatus } from '../../../src/domain/statuses.js';
import { people, policy, walk } from './lifecycle/fixtures.js';

/** Friday 20 March 2026, 11:00 in New York (HR's calendar in the fixtures). */
const now = new Date('2026-03-20T15:00:00.000Z');
const options = { now, minGroup: 11, calendar: policy.calendar };
const base = walk([['submit', people.owner]]).request;

let sequence = 0;
interface Shape {
  status: RequestStatus;
  submittedAt?: string;
  acknowledgedAt?: string;
  decidedAt?: string;
  dueAt?: string;
  reviewDate?: string;
  types?: AccommodationType[];
  consented?: boolean;
  employeeId?: string;
}

/** A request in a given state, as the store would hold it, with every free-text field filled. */
function request(shape: Shape): AccommodationRequest {
  sequence += 1;
  const approved = shape.status === 'approved' || shape.status === 'review_due' || shape.status === 'ended';
  const waitingOn =
    shape.status === 'submitted' || shape.status === 'acknowledged'
      ? 'hr'
      : shape.status === 'documentation_requested' || shape.status === 'alternative_offered'
        ? 'employee'
        : 'nobody';
  return {
    ...base,
    id: `ACC-2026-${String(1000 + sequence)}`,
    employeeId: shape.employeeId ?? `U_PERSON${sequence}`,
    status: shape.status,
    waitingOn,
    statusChangedAt: shape.decidedAt ?? shape.acknowledgedAt ?? shape.submittedAt ?? base.statusChangedAt,
    submittedAt: shape.status === 'draft' ? undefined : (shape.submittedAt ?? '2026-03-02T15:00:00.000Z'),
    acknowledgedAt: shape.acknowledgedAt,
    decidedAt: shape.decidedAt,
    dueAt: shape.dueAt,
    accommodations: shape.types ?? ['shifted_hours'],
    approval: approved
      ? {
          approvedAt: shape.decidedAt ?? '2026-01-09T15:00:00.000Z',
          approvedBy: people.hr.id,
          reviewDate: shape.reviewDate ?? '2026-06-01',
          pattern: {
            hours: [{ days: ['mon'], start: '08:00', end: '14:00' }],
            startDate: '2026-01-12',
            endDate: '2026-06-05',
            timeZone: 'America/Chicago',
          },
        }
      : undefined,
    disclosure: { ...base.disclosure, eapMayTrackStatus: shape.consented ?? false },
  };
}

const many = (n: number, shape: Shape) => Array.from({ length: n }, () => request(shape));
const rowsOf = (records: readonly AccommodationRequest[]): EapDashboardRow[] =>
  records.map((r) => ({ person: r.employeeId, view: projectForEap(r) }));

/** 38 open requests over 38 people, and one of each finished status, each in a known state. */
function workspace(): AccommodationRequest[] {
  return [
    // 12 sent on Monday 16 March, not yet acknowledged, overdue since Wednesday; 3 agreed to EAP.
    ...many(3, {
      status: 'submitted',
      submittedAt: '2026-03-16T15:00:00.000Z',
      dueAt: '2026-03-18T21:00:00.000Z',
      consented: true,
    }),
    ...many(9, {
      status: 'submitted',
      submittedAt: '2026-03-16T15:00:00.000Z',
      dueAt: '2026-03-18T21:00:00.000Z',
    }),
    // 11 sent on Monday 2 February, acknowledged two business days later, decision due in April.
    ...many(11, {
      status: 'acknowledged',
      submittedAt: '2026-02-02T15:00:00.000Z',
      acknowledgedAt: '2026-02-04T15:00:00.000Z',
      dueAt: '2026-04-01T21:00:00.000Z',
    }),
    // 11 approved in January (1 business day to acknowledge, 4 to decide), review on 30 March.
    ...many(11, {
      status: 'approved',
      submittedAt: '2026-01-05T15:00:00.000Z',
      acknowledgedAt: '2026-01-06T15:00:00.000Z',
      decidedAt: '2026-01-09T15:00:00.000Z',
      reviewDate: '2026-03-30',
      types: ['remote_on_treatment_days'],
    }),
    // One person in each of these: too few to show.
    request({
      status: 'documentation_requested',
      acknowledgedAt: '2026-03-05T15:00:00.000Z',
      types: ['other'],
    }),
    request({ status: 'alternative_offered', acknowledgedAt: '2026-03-05T15:00:00.000Z', types: ['other'] }),
    request({ status: 'accepted', acknowledgedAt: '2026-03-05T15:00:00.000Z', types: ['other'] }),
    request({
      status: 'review_due',
      acknowledgedAt: '2026-03-05T15:00:00.000Z',
      types: ['other'],
      consented: true,
    }),
    // Finished, sent last quarter.
    request({
      status: 'denied',
      submittedAt: '2025-12-01T15:00:00.000Z',
      decidedAt: '2025-12-15T15:00:00.000Z',
      consented: true,
    }),
    request({ status: 'withdrawn', submittedAt: '2025-12-01T15:00:00.000Z', consented: true }),
    request({ status: 'ended', submittedAt: '2025-12-01T15:00:00.000Z' }),
    request({ status: 'closed', submittedAt: '2025-12-01T15:00:00.000Z', consented: true }),
    request({ status: 'draft', consented: true }),
  ];
}

describe('the EAP dashboard figures', () => {
  it('counts every figure from requests in every status', () => {
    const dashboard = eapDashboard(rowsOf(workspace()), options);
    expect(dashboard.open).toEqual({ shown: true, value: 38 });
    expect(dashboard.byStatus.submitted).toEqual({ shown: true, value: 12 });
    // March: the 12 of 16 March and the 4 of 2 March; the quarter adds February's and January's 22.
    expect(dashboard.thisMonth).toEqual({ shown: true, value: 16 });
    expect(dashboard.thisQuarter).toEqual({ shown: true, value: 38 });
    expect(dashboard.overdue).toEqual({ shown: true, value: 12 });
    expect(dashboard.active).toEqual({ shown: true, value: 12 });
    // 11 reviews on 30 March (within 14 days of 20 March) and the one already up for review.
    expect(dashboard.reviewsDueSoon).toEqual({ shown: true, value: 12 });
    expect(dashboard.byType.shifted_hours).toEqual({ shown: true, value: 23 });
    expect(dashboard.byType.compressed_week).toEqual({ shown: true, value: 0 });
    // Acknowledged in 1 (11 people), 2 (11) and 3 (4) business days: the middle two are both 2.
    expect(dashboard.medianDaysToFirstResponse).toEqual({ shown: true, value: 2 });
    // Decided in 4 business days (11 approvals) and 10 (one denial): the middle is 4.
    expect(dashboard.medianDaysToDecision).toEqual({ shown: true, value: 4 });
  });

  it('hides each figure from fewer than 11 people, reading "fewer than 11"', () => {
    const dashboard = eapDashboard(rowsOf(workspace()), options);
    for (const status of [
      'documentation_requested',
      'alternative_offered',
      'accepted',
      'review_due',
    ] as const) {
      expect(dashboard.byStatus[status]).toEqual({ shown: false });
      expect(figureText(dashboard.byStatus[status], dashboard.minGroup)).toBe('fewer than 11');
    }
    expect(dashboard.byType.other).toEqual({ shown: false });
  });

  it('hides a second figure where the hidden one could be worked out by subtraction', () => {
    const dashboard = eapDashboard(rowsOf(workspace()), options);
    // Active (12, shown) = approved + up for review (1, hidden): approved (11) must hide too.
    expect(dashboard.byStatus.approved).toEqual({ shown: false });
    // Open (38) less the shown types would give "other" (4): the smallest other type hides too.
    expect(dashboard.byType.remote_on_treatment_days).toEqual({ shown: false });
    expect(dashboard.byType.shifted_hours).toEqual({ shown: true, value: 23 });
    // Open (38) less active (12) and sent (12) leaves 14 in the other four statuses: were
    // acknowledged (11) shown, the three hidden ones would sum to 3, so each would be 1.
    expect(dashboard.byStatus.acknowledged).toEqual({ shown: false });
  });

  it('hides the only other figure of a total: 20 and 1 of 21 show neither part', () => {
    const records = [
      ...many(20, { status: 'submitted' }),
      request({ status: 'acknowledged', acknowledgedAt: '2026-03-03T15:00:00.000Z' }),
    ];
    const dashboard = eapDashboard(rowsOf(records), options);
    expect(dashboard.open).toEqual({ shown: true, value: 21 });
    expect(dashboard.byStatus.acknowledged).toEqual({ shown: false });
    expect(dashboard.byStatus.submitted).toEqual({ shown: false });
    expect(dashboard.byStatus.approved).toEqual({ shown: true, value: 0 });
  });

  it('counts people, not requests: 11 requests of 10 people stay hidden', () => {
    const records = [
      ...many(10, { status: 'submitted' }),
      request({ status: 'submitted', employeeId: 'U_PERSON_TWICE' }),
    ];
    records[0] = { ...(records[0] as AccommodationRequest), employeeId: 'U_PERSON_TWICE' };
    const dashboard = eapDashboard(rowsOf(records), options);
    expect(dashboard.open).toEqual({ shown: false });
    expect(dashboard.thisMonth).toEqual({ shown: false });
  });

  it('shows nothing but zeros and "fewer than" in a small workspace, medians included', () => {
    const dashboard = eapDashboard(
      rowsOf([
        request({
          status: 'approved',
          acknowledgedAt: '2026-03-03T15:00:00.000Z',
          decidedAt: '2026-03-05T15:00:00.000Z',
        }),
        request({ status: 'submitted' }),
      ]),
      { ...options, minGroup: 5 },
    );
    expect(figureText(dashboard.open, dashboard.minGroup)).toBe('fewer than 5');
    expect(dashboard.medianDaysToFirstResponse).toEqual({ shown: false });
    expect(dashboard.medianDaysToDecision).toEqual({ shown: false });
    expect(dashboard.active).toEqual({ shown: false });
    expect(dashboard.overdue).toEqual({ shown: true, value: 0 });
  });

  it("lists a person's row only for those who agreed, with dates and no words", () => {
    const records = workspace();
    const dashboard = eapDashboard(rowsOf(records), options);
    const consenting = records.filter(
      (r) => r.disclosure.eapMayTrackStatus && !['closed', 'draft'].includes(r.status),
    );
    expect(dashboard.people.map((p) => p.reference).sort()).toEqual(consenting.map((r) => r.id).sort());
    expect(dashboard.people).toHaveLength(6);
    const overdueRow = dashboard.people.find((p) => p.status === 'submitted');
    expect(overdueRow).toMatchObject({ overdue: true, waitingOn: 'hr', dueAt: '2026-03-18T21:00:00.000Z' });
    const json = JSON.stringify(dashboard);
    for (const text of Object.values(base.sensitive)) if (text) expect(json).not.toContain(text);
    expect(json).not.toContain('own_words');
    for (const r of records.filter((x) => !x.disclosure.eapMayTrackStatus))
      expect(json).not.toContain(r.employeeId);
  });
});

describe('small-cell suppression', () => {
  it('keeps hiding until no total has exactly one hidden part, across totals that share a part', () => {
    const cells = {
      all: { value: 40, people: 40 },
      a: { value: 3, people: 3 },
      b: { value: 17, people: 17 },
      c: { value: 20, people: 20 },
      bc: { value: 37, people: 37 },
    };
    const figures = suppress(
      cells,
      [
        { total: 'all', parts: ['a', 'b', 'c'] },
        { total: 'bc', parts: ['b', 'c'] },
        { total: 'all', parts: ['a', 'bc'] },
      ],
      11,
    );
    // a hides; b (smallest) hides with it; bc = b + c then has one hidden part, so c hides; and
    // all = a + bc has one hidden part, so bc hides: 40 less 37 would give a.
    expect(figures).toEqual({
      all: { shown: true, value: 40 },
      a: { shown: false },
      b: { shown: false },
      c: { shown: false },
      bc: { shown: false },
    });
  });

  it('hides more when the hidden parts of a shown total add up to a small group', () => {
    const cells = {
      all: { value: 50, people: 50 },
      a: { value: 1, people: 1 },
      b: { value: 1, people: 1 },
      c: { value: 12, people: 12 },
      d: { value: 36, people: 36 },
    };
    const figures = suppress(cells, [{ total: 'all', parts: ['a', 'b', 'c', 'd'] }], 11);
    // a and b alone would sum to 50 - 12 - 36 = 2, so each is 1: c hides with them.
    expect(figures.c).toEqual({ shown: false });
    expect(figures.d).toEqual({ shown: true, value: 36 });
  });
});
