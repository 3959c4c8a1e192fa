import type { Effect } from './effects.js';
import type { AccommodationRequest, AuditEntry } from './request.js';

/**
 * The shape of every answer `decide(request, command, actor, now)` gives (DESIGN.md section 3):
 * either the next record with the audit entry and effects that go with it, all written in one
 * atomic step, or a refusal that says why in words a person can read.
 */
export interface Decided {
  readonly ok: true;
  /** The record to write; its `version` is the one read, the store bumps it. */
  readonly request: AccommodationRequest;
  readonly audit: AuditEntry;
  readonly effects: readonly Effect[];
}

export const refusalCodes = [
  'not_found',
  'not_permitted',
  'not_yours',
  'wrong_status',
  'invalid_payload',
  'too_soon',
  'already_done',
] as const;
export type RefusalCode = (typeof refusalCodes)[number];

export interface Refused {
  readonly ok: false;
  readonly code: RefusalCode;
  /** Plain words for the person who acted: what happened and what to do next. C0 only. */
  readonly message: string;
  /** For `invalid_payload`: each field's problem, keyed by its payload path (`pattern.endDate`). */
  readonly fieldErrors?: Readonly<Record<string, string>>;
}

export type Decision = Decided | Refused;
