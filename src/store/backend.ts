import type { RequestStatus } from '../domain/status.js';
import type { KeyRef } from '../privacy/key-store.js';
import type { DurabilityMethod } from './durability.js';
import type { RedisKeys } from './keys.js';

/**
 * The storage primitives under the one Store contract. The sealing, the compare-and-set loop and
 * the index ordering live once, in sealed-store.ts; Redis and the in-process maps only provide
 * these operations, each on already serialized and sealed strings. A backend never sees plaintext
 * C2/C3, so a scan of whatever it holds finds none; nor does it hold the data keys, which live in
 * a KeyStore apart (src/privacy/key-store.ts).
 */
export interface StoreBackend {
  /** The key names it stores under; the sealed store names data keys after the same people. */
  readonly keys: RedisKeys;
  ping(): Promise<void>;
  confirmWrites(): Promise<void>;
  durabilityMethod(): Promise<DurabilityMethod>;
  close(): Promise<void>;

  getConversation(teamId: string, userId: string): Promise<string | null>;
  /** Writes the conversation with its idle TTL. Returns the value it replaced. */
  putConversation(teamId: string, userId: string, value: string, ttlMs: number): Promise<string | null>;
  deleteConversation(teamId: string, userId: string): Promise<void>;

  getProfile(teamId: string, userId: string): Promise<string | null>;
  putProfile(teamId: string, userId: string, value: string): Promise<void>;
  deleteProfile(teamId: string, userId: string): Promise<void>;

  /** Sets the claim unless it exists; returns the value already there, or null if this call set it. */
  claimOnce(teamId: string, name: string, value: string, ttlSeconds: number): Promise<string | null>;
  /** Sets the claim, replacing any, to expire `ttlMs` from now. */
  holdClaim(teamId: string, name: string, value: string, ttlMs: number): Promise<void>;

  /** Atomic per (team, year): 1, 2, 3... */
  nextSequence(teamId: string, year: number): Promise<number>;

  getRequest(teamId: string, id: string): Promise<string | null>;
  getRequests(teamId: string, ids: readonly string[]): Promise<(string | null)[]>;
  /**
   * Writes only if the stored version is still `expected`. For maintenance only (rewriting a record
   * in the current format): every change the app makes is a transition (`commitTransition`).
   */
  compareAndSetRequest(
    teamId: string,
    id: string,
    expected: number,
    next: number,
    value: string,
  ): Promise<'written' | 'conflict' | 'missing'>;
  /**
   * One transition, atomically: compare-and-set of the record (`expected` 0: it must not exist yet),
   * the audit entry appended, and the outbox entries added to the request's pending outbox.
   */
  commitTransition(
    teamId: string,
    id: string,
    expected: number,
    next: number,
    value: string,
    audit: string,
    outbox: readonly { readonly id: string; readonly value: string }[],
  ): Promise<'written' | 'conflict' | 'missing' | 'exists'>;
  /**
   * An audit entry alone, atomically with a check that the record is still at `expected` (the
   * record and its version are left as they are).
   */
  appendAuditAt(
    teamId: string,
    id: string,
    expected: number,
    audit: string,
  ): Promise<'written' | 'conflict' | 'missing'>;
  /**
   * Removes the record, its audit stream and its delivered and dead outbox entries, and leaves the
   * audit stream holding only `auditTombstone`, in one step. Undelivered entries and the list of
   * posts stay until the worker has dealt with them (deleting the posts is itself an effect).
   */
  deleteRequest(teamId: string, id: string, auditTombstone: string): Promise<void>;

  /** Notes that the workspace has requests (kept if already noted); called before a request is made. */
  noteTeam(teamId: string, score: number): Promise<void>;
  /** Every workspace noted, first noted first. */
  teams(): Promise<string[]>;

  /** Notes (or refreshes) that the request may have pending entries; called before each commit. */
  notePendingOutbox(teamId: string, requestId: string, score: number): Promise<void>;
  /** Members of that list, lowest score first. */
  pendingOutboxRequests(limit: number): Promise<{ teamId: string; requestId: string }[]>;
  /** Drops the request from the list if nothing is pending and its score is below `before`. */
  forgetPendingOutbox(teamId: string, requestId: string, before: number): Promise<void>;
  getOutboxEntry(
    teamId: string,
    requestId: string,
    entryId: string,
  ): Promise<{ value: string; state: 'pending' | 'done' | 'dead' } | null>;
  pendingOutbox(teamId: string, requestId: string): Promise<{ id: string; value: string }[]>;
  claimOutboxEntry(
    teamId: string,
    requestId: string,
    entryId: string,
    owner: string,
    leaseMs: number,
  ): Promise<'claimed' | 'busy' | 'settled'>;
  releaseOutboxEntry(teamId: string, requestId: string, entryId: string, owner: string): Promise<void>;
  /** Pending -> done (and the lease dropped); true only for the call that moved it. */
  markOutboxDone(teamId: string, requestId: string, entryId: string, at: string): Promise<boolean>;
  /** Pending -> dead with `value` (the dead letter), indexed at `score`; true only for the mover. */
  markOutboxDead(
    teamId: string,
    requestId: string,
    entryId: string,
    value: string,
    score: number,
  ): Promise<boolean>;
  deadOutboxIndex(limit: number): Promise<{ teamId: string; entryId: string }[]>;
  /** Dead -> pending with `entry` as the pending value, if the dead letter is still `expected`. */
  reviveOutboxEntry(
    teamId: string,
    requestId: string,
    entryId: string,
    expected: string,
    entry: string,
  ): Promise<boolean>;
  putPost(teamId: string, requestId: string, field: string, ts: string): Promise<void>;
  listPosts(teamId: string, requestId: string): Promise<[field: string, ts: string][]>;
  /** Removes the named fields, or the whole list when none are named. */
  deletePosts(teamId: string, requestId: string, fields?: readonly string[]): Promise<void>;

  /** Adds to the person's list of the app's posts (scored by time), keeping the newest `keep`. */
  addAppPost(teamId: string, userId: string, member: string, score: number, keep: number): Promise<void>;
  /** Lowest score first. */
  listAppPosts(teamId: string, userId: string): Promise<string[]>;
  removeAppPosts(teamId: string, userId: string, members: readonly string[]): Promise<void>;

  /** Adds or moves index entries; with `onlyNew`, an entry already present keeps its score. */
  indexRequest(teamId: string, id: string, entries: IndexEntries, onlyNew: boolean): Promise<void>;
  unindexRequest(
    teamId: string,
    id: string,
    statuses: readonly RequestStatus[],
    employeeId?: string,
    managerId?: string,
  ): Promise<void>;
  /** Entries after `after` (exclusive) in (score, id) order. */
  statusRange(
    teamId: string,
    status: RequestStatus,
    after: IndexPosition | undefined,
    count: number,
  ): Promise<IndexPosition[]>;
  employeeRequestIds(teamId: string, employeeId: string): Promise<string[]>;
  managerRequestIds(teamId: string, managerId: string): Promise<string[]>;

  /**
   * Whether a data key is still where versions before the key store kept it (beside the record):
   * such a record is not purged, it waits for `cli -- migrate`.
   */
  hasLegacyDataKey(ref: KeyRef): Promise<boolean>;
  listAudit(teamId: string, requestId: string): Promise<string[]>;
}

export interface IndexEntries {
  readonly status?: { readonly status: RequestStatus; readonly score: number };
  readonly employee?: { readonly employeeId: string; readonly score: number };
  /** The manager told an approved pattern, scored by when they were first told. */
  readonly manager?: { readonly managerId: string; readonly score: number };
}

export interface IndexPosition {
  readonly score: number;
  readonly id: string;
}

/** Data keys of short-lived records outlive them by this much, never the other way round. */
export const DATA_KEY_TTL_MARGIN_MS = 60 * 60 * 1000;
