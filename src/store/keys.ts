import type { RequestStatus } from '../domain/status.js';
import type { KeyRef } from '../privacy/vault.js';

/**
 * The one place that knows Redis key names (the in-process store uses the same names for its maps).
 *
 * Every key carries a hash tag `{...}` so Redis Cluster keeps related keys in one slot:
 *   {team:request}  the record, its data key and its audit stream: purge is one slot
 *   {team:user}     the conversation, its data keys and the profile
 *   {team}          the team's indexes and reference counters
 * Ids from Slack and our references are safe as they are; anything else is encoded so that no
 * value can close a hash tag early or add a `:` segment.
 */

export const DEFAULT_KEY_PREFIX = 'aa';
const SAFE = /^[A-Za-z0-9_.-]+$/;

/** A key segment from an id: kept as is when safe, otherwise `~` + base64url of its bytes. */
export function segment(value: string): string {
  if (value.length === 0) throw new Error('an id used in a storage key is empty');
  return SAFE.test(value) ? value : `~${Buffer.from(value, 'utf8').toString('base64url')}`;
}

export const REQUEST_KEY_NAME = 'request';
export const TURNS_KEY_NAME = 'turns';

/** The data key that seals a request's C2/C3 fields. */
export function requestKeyRef(teamId: string, requestId: string): KeyRef {
  return { scope: `${segment(teamId)}:${segment(requestId)}`, name: REQUEST_KEY_NAME };
}

/** The data key of one draft: discarding the draft shreds it, while the conversation goes on. */
export function draftKeyRef(teamId: string, userId: string, draftId: string): KeyRef {
  return { scope: `${segment(teamId)}:${segment(userId)}`, name: `draft-${segment(draftId)}` };
}

/** The data key of a conversation's redacted turns. */
export function turnsKeyRef(teamId: string, userId: string): KeyRef {
  return { scope: `${segment(teamId)}:${segment(userId)}`, name: TURNS_KEY_NAME };
}

export interface RedisKeys {
  readonly prefix: string;
  /** Hash: `version` (for the compare-and-set script) and `data` (the versioned, sealed JSON). */
  request(teamId: string, requestId: string): string;
  /** Stream of C0 audit entries. */
  audit(teamId: string, requestId: string): string;
  /** A wrapped data key. */
  dataKey(ref: KeyRef): string;
  conversation(teamId: string, userId: string): string;
  profile(teamId: string, userId: string): string;
  /** Sorted set of request ids scored by statusChangedAt (ms). */
  byStatus(teamId: string, status: RequestStatus): string;
  /** Sorted set of request ids scored by createdAt (ms). */
  byEmployee(teamId: string, employeeId: string): string;
  /** INCR counter behind ACC-<year>-NNNN. */
  sequence(teamId: string, year: number): string;
  /** A one-time claim (event ids already handled), with a TTL. */
  claim(teamId: string, name: string): string;
  /** MATCH pattern for every key under this prefix (scans, test isolation). */
  readonly everything: string;
}

export function redisKeys(prefix: string = DEFAULT_KEY_PREFIX): RedisKeys {
  if (!SAFE.test(prefix)) throw new Error('the key prefix may use only letters, digits, _ . and -');
  const pair = (a: string, b: string) => `${prefix}:{${segment(a)}:${segment(b)}}`;
  const team = (teamId: string) => `${prefix}:{${segment(teamId)}}`;
  return {
    prefix,
    request: (teamId, requestId) => `${pair(teamId, requestId)}:req`,
    audit: (teamId, requestId) => `${pair(teamId, requestId)}:audit`,
    dataKey: (ref) => `${prefix}:{${ref.scope}}:dek:${ref.name}`,
    conversation: (teamId, userId) => `${pair(teamId, userId)}:conv`,
    profile: (teamId, userId) => `${pair(teamId, userId)}:profile`,
    byStatus: (teamId, status) => `${team(teamId)}:by-status:${status}`,
    byEmployee: (teamId, employeeId) => `${team(teamId)}:by-employee:${segment(employeeId)}`,
    sequence: (teamId, year) => `${team(teamId)}:seq:${year}`,
    claim: (teamId, name) => `${team(teamId)}:claim:${segment(name)}`,
    everything: `${prefix}:*`,
  };
}
