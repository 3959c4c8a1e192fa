import type { Effect } from '../effects.js';
import type { AccommodationRequest } from '../request.js';

/**
 * What a manager is told, and when: the one place `decide` asks. A manager hears of an approved
 * pattern, of its extension or change, and of its end or withdrawal, only with the employee's
 * consent and only about a manager on record. Nothing else about a request ever reaches them.
 *
 * Each call returns the fields to set on the next record with the effects that go with them, so a
 * handler spreads both: `set: { ...told.set }`, `effects: [...told.effects]`. The message itself is
 * built at delivery from the manager's projection (`projectForManager`), never from the record.
 */

/** Events a manager may hear of. `approved` and `extended` carry a (new) pattern; the others end it. */
export type ManagerEvent = 'approved' | 'extended' | 'ended' | 'withdrawn';

export interface ManagerNotice {
  readonly set: Pick<Partial<AccommodationRequest>, 'managerToldAt' | 'managerToldOf'>;
  readonly effects: readonly Effect[];
}

const nothing: ManagerNotice = { set: {}, effects: [] };

/** Only if the employee agreed and a manager is named. */
export function managerMayBeTold(r: AccommodationRequest): r is AccommodationRequest & { managerId: string } {
  return r.disclosure.shareScheduleWithManager && r.managerId !== undefined;
}

/**
 * The manager hears of a new or changed pattern (`approved`, `extended`): a DM from their
 * projection and a refreshed Home tab. `r` is the record as it will be (with the manager HR named,
 * if any); `at` is when.
 */
export function tellManagerOfPattern(
  r: AccommodationRequest,
  event: 'approved' | 'extended',
  at: string,
): ManagerNotice {
  if (!managerMayBeTold(r)) return nothing;
  return {
    set: { managerToldAt: at, managerToldOf: event },
    effects: [
      { kind: 'manager_dm', requestId: r.id, event },
      { kind: 'refresh_home', userId: r.managerId },
    ],
  };
}

/**
 * The arrangement stops (`ended`, `withdrawn`): only a manager who was told of it hears, and only
 * that it no longer applies.
 */
export function tellManagerOfEnd(r: AccommodationRequest, event: 'ended' | 'withdrawn'): ManagerNotice {
  if (r.managerToldAt === undefined || !managerMayBeTold(r)) return nothing;
  return {
    set: { managerToldOf: event },
    effects: [
      { kind: 'manager_dm', requestId: r.id, event },
      { kind: 'refresh_home', userId: r.managerId },
    ],
  };
}
