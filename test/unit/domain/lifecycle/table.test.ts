import { describe, expect, it } from 'vitest';
import type { Relation } from '../../../../src/domain/access.js';
import type { RefusalCode } from '../../../../src/domain/decision.js';
import { decide } from '../../../../src/domain/lifecycle/decide.js';
import type { Actor } from '../../../../src/domain/roles.js';
import {
  type CommandType,
  commandTypes,
  type RequestStatus,
  requestStatuses,
} from '../../../../src/domain/statuses.js';
import { later, payloads, people, policy, requestIn } from './fixtures.js';

/**
 * The whole table, written out here as the specification (DESIGN.md section 3), not read from the
 * code: every status x command x role, at two moments (right after the request got to its status,
 * and a year and more later), with the outcome of each cell.
 */

const open: RequestStatus[] = [
  'submitted',
  'acknowledged',
  'documentation_requested',
  'alternative_offered',
  'accepted',
  'approved',
  'review_due',
];
const finished: RequestStatus[] = ['denied', 'withdrawn', 'ended'];

interface Row {
  /** Who may give the command. */
  readonly by: readonly Relation[];
  /** From which statuses, and to which (`same`: an event that keeps the status). */
  readonly from: readonly RequestStatus[];
  readonly to: RequestStatus | 'same';
  /** Only when its time has come: accepted late, refused `too_soon` right away. */
  readonly onlyLate?: boolean;
}

const spec: Readonly<Record<CommandType, Row>> = {
  submit: { by: ['owner'], from: ['draft'], to: 'submitted' },
  acknowledge: { by: ['hr'], from: ['submitted'], to: 'acknowledged' },
  assign: { by: ['hr'], from: open, to: 'same' },
  request_documentation: { by: ['hr'], from: ['acknowledged'], to: 'documentation_requested' },
  provider_pending: { by: ['owner'], from: ['documentation_requested'], to: 'same' },
  documentation_received: { by: ['hr'], from: ['documentation_requested'], to: 'acknowledged' },
  offer_alternative: { by: ['hr'], from: ['acknowledged'], to: 'alternative_offered' },
  accept_alternative: { by: ['owner'], from: ['alternative_offered'], to: 'accepted' },
  decline_alternative: { by: ['owner'], from: ['alternative_offered'], to: 'acknowledged' },
  approve: { by: ['hr'], from: ['acknowledged', 'accepted'], to: 'approved' },
  deny: { by: ['hr'], from: ['acknowledged'], to: 'denied' },
  add_note: { by: ['hr'], from: [...open, ...finished, 'closed'], to: 'same' },
  close: { by: ['hr'], from: ['approved', ...finished], to: 'closed' },
  withdraw: { by: ['owner'], from: open, to: 'withdrawn' },
  // Only when HR's answer is overdue: never right away.
  request_update: {
    by: ['owner'],
    from: ['submitted', 'acknowledged', 'accepted', 'review_due'],
    to: 'same',
    onlyLate: true,
  },
  mark_review_due: { by: ['system'], from: ['approved'], to: 'review_due', onlyLate: true },
  request_extension: { by: ['owner'], from: ['approved', 'review_due'], to: 'review_due' },
  extend: { by: ['hr'], from: ['review_due'], to: 'approved' },
  end: { by: ['hr', 'owner'], from: ['approved', 'review_due'], to: 'ended' },
  erase: { by: ['owner'], from: [...open, ...finished], to: 'closed' },
  purge: { by: ['system'], from: ['closed'], to: 'purged', onlyLate: true },
  close_after_grace: { by: ['system'], from: finished, to: 'closed', onlyLate: true },
  release: { by: ['owner'], from: open, to: 'same' },
  // Only while an extension the employee asked for waits for HR's answer (decide.test.ts); the
  // review reached here by its date has none, so it is refused from every status.
  decline_extension: { by: ['hr'], from: [], to: 'same' },
  record_export: { by: ['system'], from: [...open, ...finished, 'closed'], to: 'same' },
};

const actors: Readonly<Record<Relation, Actor>> = {
  owner: people.owner,
  other_employee: people.otherEmployee,
  hr: people.hr,
  eap: people.eap,
  manager: people.manager,
  system: people.system,
};

type Outcome = { readonly accepted: RequestStatus } | { readonly refused: RefusalCode };

/** What the cell should be, in the order the rules apply: existence, who, status, time. */
function expected(status: RequestStatus, type: CommandType, relation: Relation, late: boolean): Outcome {
  const row = spec[type];
  if (status === 'purged') return { refused: 'not_found' };
  if (!row.by.includes(relation))
    return { refused: row.by.includes('owner') && relation !== 'system' ? 'not_yours' : 'not_permitted' };
  if (type === 'submit') return status === 'draft' ? { accepted: 'submitted' } : { refused: 'already_done' };
  if (!row.from.includes(status)) {
    if (type === 'erase' && status === 'closed') return { refused: 'already_done' };
    return { refused: row.to === status ? 'already_done' : 'wrong_status' };
  }
  if (row.onlyLate && !late) return { refused: 'too_soon' };
  return { accepted: row.to === 'same' ? status : row.to };
}

const cells = requestStatuses.flatMap((status) =>
  commandTypes.flatMap((type) =>
    (Object.keys(actors) as Relation[]).flatMap((relation) =>
      [false, true].map((late) => ({ status, type, relation, late })),
    ),
  ),
);

describe('the lifecycle table', () => {
  it(`has ${requestStatuses.length} statuses x ${commandTypes.length} commands x 6 roles x 2 moments`, () => {
    expect(cells).toHaveLength(requestStatuses.length * commandTypes.length * 6 * 2);
  });

  for (const status of requestStatuses) {
    it(`from ${status}`, () => {
      const { request, now: reached } = requestIn(status);
      const mismatches: string[] = [];
      for (const cell of cells.filter((c) => c.status === status)) {
        const now = later(reached, cell.late ? 24 * 400 : 1);
        const decision = decide(
          request,
          { type: cell.type, payload: payloads[cell.type] },
          actors[cell.relation],
          now,
          policy,
        );
        const got: Outcome = decision.ok ? { accepted: decision.request.status } : { refused: decision.code };
        const want = expected(status, cell.type, cell.relation, cell.late);
        if (JSON.stringify(got) !== JSON.stringify(want))
          mismatches.push(
            `${cell.type} by ${cell.relation} ${cell.late ? 'late' : 'now'}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`,
          );
        if (!decision.ok) expect(decision.message.length).toBeGreaterThan(20);
      }
      expect(mismatches).toEqual([]);
    });
  }

  it('no request yet: only its own employee can submit; anything else is not found', () => {
    for (const [relation, actor] of Object.entries(actors)) {
      for (const type of commandTypes) {
        const decision = decide(
          null,
          { type, payload: payloads[type] },
          actor,
          later(new Date('2026-03-02T15:00:00Z'), 1),
          policy,
        );
        // The fixture's request names its manager: that person sending it would be their own manager.
        if (type === 'submit' && actor.id === payloads.submit.managerId)
          expect(decision).toMatchObject({ ok: false, code: 'invalid_payload' });
        else if (type === 'submit') expect(decision.ok, relation).toBe(relation !== 'system');
        else expect(decision).toMatchObject({ ok: false, code: 'not_found' });
      }
    }
  });
});
