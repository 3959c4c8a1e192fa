import { createHmac } from 'node:crypto';
import type { RequestStatus } from '../domain/status.js';
import { secretCopy } from '../privacy/secret-bytes.js';
import type { KeyPolicy, KeyRef } from '../privacy/vault.js';
import { DATA_KEY_TTL_MARGIN_MS } from './backend.js';

/**
 * The one place that knows Redis key names (the in-process store uses the same names for its maps).
 *
 * Every key carries a hash tag `{...}` so Redis Cluster keeps related keys in one slot:
 *   {team:request}  the record, its data key, its audit stream and its outbox: a transition
 *                   (compare-and-set, audit entry, effects) is one script in one slot
 *   {team:user}     the conversation, its data keys and the profile
 *   {team}          the team's indexes and reference counters
 *   {outbox}        the lists of requests with undelivered effects and of dead letters
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

/**
 * The data key of one draft: discarding the draft shreds it, while the conversation goes on.
 * `person` is the name the person has in key names (`RedisKeys.person`: the keyed hash of their
 * user id), so the key store's names carry no user id either.
 */
export function draftKeyRef(teamId: string, person: string, draftId: string): KeyRef {
  return { scope: `${segment(teamId)}:${segment(person)}`, name: `draft-${segment(draftId)}` };
}

/** The data key of a conversation's redacted turns; `person` as for `draftKeyRef`. */
export function turnsKeyRef(teamId: string, person: string): KeyRef {
  return { scope: `${segment(teamId)}:${segment(person)}`, name: TURNS_KEY_NAME };
}

/** Whether a key ref belongs to a person's conversation (a draft's or the turns' key). */
export function isConversationKeyRef(ref: KeyRef): boolean {
  return ref.name === TURNS_KEY_NAME || ref.name.startsWith('draft-');
}

/**
 * How long each kind of data key lives. A request's key lives until the request is purged, and its
 * shred leaves a tombstone for good: request ids are never reused, and no write racing with the
 * purge may give the request a fresh key. A draft's key lapses with the conversation (plus a
 * margin, so it never lapses first), and its tombstone as long. The turns key is not tombstoned:
 * a deleted conversation may start again.
 */
export function keyPolicy(conversationTtlMs: number): KeyPolicy {
  const shortLived = conversationTtlMs + DATA_KEY_TTL_MARGIN_MS;
  return {
    lifetimeMs: (ref) => (ref.name === REQUEST_KEY_NAME ? undefined : shortLived),
    shred: (ref) =>
      ref.name === REQUEST_KEY_NAME
        ? { final: true }
        : ref.name === TURNS_KEY_NAME
          ? { final: false }
          : { final: true, ttlMs: shortLived },
  };
}

export interface RedisKeys {
  readonly prefix: string;
  /**
   * The name a person has in key names, in the data Redis and the key store alike: the keyed hash
   * of their user id (PSEUDONYM_KEY). Pass it to `draftKeyRef` and `turnsKeyRef`.
   */
  person(teamId: string, userId: string): string;
  /** Hash: `version` (for the compare-and-set script) and `data` (the versioned, sealed JSON). */
  request(teamId: string, requestId: string): string;
  /** Stream of C0 audit entries. */
  audit(teamId: string, requestId: string): string;
  /** Hash of the request's outbox entries not yet delivered: entry id -> entry (C0 JSON). */
  outbox(teamId: string, requestId: string): string;
  /** Hash of delivered entry ids -> when: a second delivery of the same entry finds it here. */
  outboxDone(teamId: string, requestId: string): string;
  /** Hash of entries given up on (dead letters): entry id -> entry with the failure (C0 JSON). */
  outboxDead(teamId: string, requestId: string): string;
  /** A worker's short lease on one entry while it delivers it, so two workers never both do. */
  outboxLease(teamId: string, requestId: string, entryId: string): string;
  /** Hash of what the app posted about the request: `<kind>|<channel>` -> message ts. */
  posts(teamId: string, requestId: string): string;
  /**
   * Sorted set of requests (JSON [team, request]) that may have undelivered entries, scored by when
   * one was last added: the recovery sweep's list. A superset (kept like the status indexes).
   */
  readonly outboxPending: string;
  /** Sorted set of dead letters (JSON [team, entry id]) by when they died: `cli outbox list`. */
  readonly outboxDeadLetters: string;
  /**
   * Sorted set of the workspaces that have requests (team ids, scored by when the first was made):
   * the retention sweep's list, so it covers every workspace with data, not only the bot token's.
   */
  readonly teams: string;
  conversation(teamId: string, userId: string): string;
  profile(teamId: string, userId: string): string;
  /** Sorted set of the app's messages and files in the person's DM (`m|channel|ts`, `f|id`) by time. */
  appPosts(teamId: string, userId: string): string;
  /** Sorted set of request ids scored by statusChangedAt (ms). */
  byStatus(teamId: string, status: RequestStatus): string;
  /** Sorted set of request ids scored by createdAt (ms). */
  byEmployee(teamId: string, employeeId: string): string;
  /** Sorted set of request ids whose manager was told an approved pattern, scored by when (ms). */
  byManager(teamId: string, managerId: string): string;
  /** INCR counter behind ACC-<year>-NNNN. */
  sequence(teamId: string, year: number): string;
  /** A one-time claim (event ids already handled), with a TTL. */
  claim(teamId: string, name: string): string;
  /** Where a wrapped data key was kept before the key store: read only by the migration. */
  legacyDataKey(ref: KeyRef): string;
  /** MATCH pattern for every key under this prefix (scans, test isolation). */
  readonly everything: string;
}

/**
 * Turns a Slack user id into the name it has in Redis keys: a keyed hash (HMAC-SHA256 under
 * PSEUDONYM_KEY), so a copy of the data Redis (a backup, a replica, `KEYS *`) does not list who
 * has a conversation or a request. Without the key, names cannot be matched to people by trying
 * every user id. The same user always gets the same name, so lookups stay direct.
 */
export type Pseudonymise = (teamId: string, userId: string) => string;

export function keyedPseudonyms(secret: Buffer): Pseudonymise {
  if (secret.length < 32) throw new Error('the pseudonym key must be at least 32 bytes');
  // A copy of its own, out of the shared pool (see secret-bytes.ts), kept for the process's life.
  const key = secretCopy(secret);
  return (teamId, userId) =>
    `u-${createHmac('sha256', key).update(`${teamId}\n${userId}`).digest('base64url').slice(0, 22)}`;
}

/** A name the keyed hash gave (`u-` and 22 base64url characters); Slack ids never look like it. */
export function isPseudonym(name: string): boolean {
  return /^u-[A-Za-z0-9_-]{22}$/.test(name);
}

/** User ids as they are: only for stores whose key names never leave the process (tests of shapes). */
export const plainUserIds: Pseudonymise = (_teamId, userId) => userId;

export function redisKeys(
  prefix: string = DEFAULT_KEY_PREFIX,
  pseudonym: Pseudonymise = plainUserIds,
): RedisKeys {
  if (!SAFE.test(prefix)) throw new Error('the key prefix may use only letters, digits, _ . and -');
  const pair = (a: string, b: string) => `${prefix}:{${segment(a)}:${segment(b)}}`;
  const person = (teamId: string, userId: string) => pair(teamId, pseudonym(teamId, userId));
  const team = (teamId: string) => `${prefix}:{${segment(teamId)}}`;
  return {
    prefix,
    person: (teamId, userId) => segment(pseudonym(teamId, userId)),
    request: (teamId, requestId) => `${pair(teamId, requestId)}:req`,
    audit: (teamId, requestId) => `${pair(teamId, requestId)}:audit`,
    outbox: (teamId, requestId) => `${pair(teamId, requestId)}:outbox`,
    outboxDone: (teamId, requestId) => `${pair(teamId, requestId)}:outbox-done`,
    outboxDead: (teamId, requestId) => `${pair(teamId, requestId)}:outbox-dead`,
    outboxLease: (teamId, requestId, entryId) =>
      `${pair(teamId, requestId)}:outbox-lease:${segment(entryId)}`,
    posts: (teamId, requestId) => `${pair(teamId, requestId)}:posts`,
    outboxPending: `${prefix}:{outbox}:pending`,
    outboxDeadLetters: `${prefix}:{outbox}:dead`,
    teams: `${prefix}:{teams}:with-requests`,
    conversation: (teamId, userId) => `${person(teamId, userId)}:conv`,
    profile: (teamId, userId) => `${person(teamId, userId)}:profile`,
    appPosts: (teamId, userId) => `${person(teamId, userId)}:app-posts`,
    byStatus: (teamId, status) => `${team(teamId)}:by-status:${status}`,
    byEmployee: (teamId, employeeId) =>
      `${team(teamId)}:by-employee:${segment(pseudonym(teamId, employeeId))}`,
    byManager: (teamId, managerId) => `${team(teamId)}:by-manager:${segment(pseudonym(teamId, managerId))}`,
    sequence: (teamId, year) => `${team(teamId)}:seq:${year}`,
    claim: (teamId, name) => `${team(teamId)}:claim:${segment(name)}`,
    legacyDataKey: (ref) => `${prefix}:{${ref.scope}}:dek:${ref.name}`,
    everything: `${prefix}:*`,
  };
}

/** A member of the {outbox} lists: `[team, id]` as JSON, so any id round-trips. */
export function pairMember(teamId: string, id: string): string {
  return JSON.stringify([teamId, id]);
}

/** Reads a member written by `pairMember`; anything else is skipped, not trusted. */
export function parsePairMember(member: string): [string, string] | null {
  try {
    const value: unknown = JSON.parse(member);
    return Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string'
      ? [value[0], value[1]]
      : null;
  } catch {
    return null;
  }
}
