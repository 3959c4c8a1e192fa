import type { Conversation, EmployeeProfile } from '../domain/draft.js';
import type { Effect, OutboxEntry } from '../domain/effects.js';
import type { AccommodationRequest, AuditEntry } from '../domain/request.js';
import type { RequestStatus } from '../domain/status.js';
import type { DurabilityMethod } from './durability.js';

/**
 * The one storage contract. Two implementations pass the same contract tests: Redis (production)
 * and in-process (the zero-setup demo only). Both hand out plaintext records and keep C2/C3 sealed
 * by the vault at rest; callers never see ciphertext and never build keys.
 */
export interface Store {
  readonly conversations: ConversationStore;
  readonly profiles: ProfileStore;
  readonly requests: RequestStore;
  readonly audit: AuditLog;
  readonly outbox: OutboxStore;
  /** What the app posted in each person's DM with it (where, never what), for Delete my data. */
  readonly appPosts: AppPostStore;
  /**
   * Atomically claims `name` for `ttlSeconds`: returns null when this call made the claim, or the
   * value stored by whoever claimed it first. Deduplicates Slack retries and double clicks across
   * replicas.
   */
  claimOnce(teamId: string, name: string, value: string, ttlSeconds: number): Promise<string | null>;
  /**
   * Sets a claim to `value` for `ttlMs` from now, whoever held it: a claim that should last a
   * while after the work it guarded is done (a channel's one-second pace after a post lands).
   */
  holdClaim(teamId: string, name: string, value: string, ttlMs: number): Promise<void>;
  /** Throws StoreUnavailableError when the backend cannot be reached. */
  ping(): Promise<void>;
  /**
   * Resolves once every write made so far is as safe as REDIS_DURABILITY promises; throws
   * StoreNotDurableError when it is in the store but not yet safe.
   */
  confirmWrites(): Promise<void>;
  /** How writes are made safe on this store's server (see durability.ts). */
  durability(): Promise<DurabilityMethod>;
  close(): Promise<void>;
}

export interface ConversationStore {
  get(teamId: string, userId: string): Promise<Conversation | null>;
  /** Saves and restarts the idle TTL. */
  save(conversation: Conversation): Promise<void>;
  /** Deletes the conversation and shreds the draft's data key. */
  delete(teamId: string, userId: string): Promise<void>;
}

export interface ProfileStore {
  get(teamId: string, userId: string): Promise<EmployeeProfile | null>;
  save(profile: EmployeeProfile): Promise<void>;
  delete(teamId: string, userId: string): Promise<void>;
}

export interface RequestSummary {
  readonly id: string;
  readonly employeeId: string;
  readonly status: RequestStatus;
  readonly statusChangedAt: string;
  readonly submittedAt?: string;
  /** The manager on record, if the employee named one (routing only). */
  readonly managerId?: string;
}

export interface Page<T> {
  readonly items: T[];
  /** Pass back as `cursor` for the next page; absent on the last page. */
  readonly nextCursor?: string;
}

export interface RequestStore {
  /** A human-friendly reference, unique per team and year: ACC-2026-0042. */
  nextReference(teamId: string, year: number): Promise<string>;
  get(teamId: string, id: string): Promise<AccommodationRequest | null>;
  listByEmployee(teamId: string, employeeId: string): Promise<RequestSummary[]>;
  /**
   * Requests whose manager (this person) was told an approved pattern, first told first. Only the
   * fact of being told is indexed; what they may read comes from the manager projection.
   */
  listByManager(teamId: string, managerId: string): Promise<RequestSummary[]>;
  /**
   * Every workspace that has had a request, whichever way it was installed: the retention sweep
   * covers each. A superset (a workspace stays listed after its last request is purged).
   */
  teams(): Promise<string[]>;
  /** Oldest status change first: what has waited longest is on top. */
  listByStatus(
    teamId: string,
    status: RequestStatus,
    options?: { limit?: number; cursor?: string },
  ): Promise<Page<RequestSummary>>;
  /**
   * Writes one transition as one atomic step in the request's slot: the record (compare-and-set on
   * `transition.request.version`, the version it was decided from; 0 creates it), its audit entry,
   * and its effects appended to the request's outbox with stable ids. Either all of it is stored or
   * none. Throws VersionConflictError when the record moved on (decide again from a fresh read),
   * RequestExistsError when creating an id that exists, RequestNotFoundError when it is gone.
   */
  commit(transition: Transition): Promise<Committed>;
  /**
   * Writes an entry on the request's trail that changes nothing else (someone looked, someone was
   * refused), as `decide`'s neighbours in domain/lifecycle/on-record.ts decide it: appended only if
   * the record is still at `entry.request.version`, in one atomic step, so an entry never describes
   * a record that has moved on. The record and its version stay as they are. Throws
   * VersionConflictError (decide again from a fresh read) or RequestNotFoundError.
   */
  record(entry: Pick<Transition, 'request' | 'audit'>): Promise<void>;
  /**
   * Destroys the data key (the sealed fields become unrecoverable), removes the record, its indexes
   * and its audit trail, and leaves one content-free audit entry: the tombstone of the purge.
   */
  purge(teamId: string, id: string): Promise<void>;
}

/** One decided change, as `decide` returns it (src/domain/decision.ts). */
export interface Transition {
  /** The next record; its `version` is the one it was decided from (0 for a new request). */
  readonly request: AccommodationRequest;
  readonly audit: AuditEntry;
  readonly effects: readonly Effect[];
}

export interface Committed {
  /** The record as stored, version bumped. */
  readonly request: AccommodationRequest;
  /** The transition's effects as outbox entries, ids `<request>:<version>:<index>`. */
  readonly outbox: readonly OutboxEntry[];
}

export interface DeadLetter {
  readonly entry: OutboxEntry;
  /** C0 only: an error code or kind, never a message body or a payload. */
  readonly reason: string;
  readonly attempts: number;
  readonly at: string;
}

export interface SlackPost {
  /** What it was: `hr_card`, `employee_dm`, ... */
  readonly kind: string;
  readonly channel: string;
  readonly ts: string;
}

/** Where a request's outbox entry stands, and what the app posted about the request. */
export interface OutboxStore {
  /** A delivered entry keeps only its id: what it was is not needed any more. */
  get(
    teamId: string,
    entryId: string,
  ): Promise<{ state: 'pending' | 'dead'; entry: OutboxEntry } | { state: 'done' } | null>;
  /** The request's undelivered entries, in the order they were decided. */
  pending(teamId: string, requestId: string): Promise<OutboxEntry[]>;
  /** Requests that may have undelivered entries, least recently added first (the recovery sweep). */
  requestsWithPending(limit: number): Promise<{ teamId: string; requestId: string }[]>;
  /** Drops a request from that list once nothing of it is pending and it has been quiet a while. */
  forgetIfSettled(teamId: string, requestId: string, quietMs: number, now: Date): Promise<void>;
  /**
   * Takes a lease on a pending entry before delivering it: 'claimed' for this owner, 'busy' while
   * another worker holds it, 'settled' when it is done, dead or unknown (nothing to do).
   */
  claim(
    teamId: string,
    entryId: string,
    owner: string,
    leaseMs: number,
  ): Promise<'claimed' | 'busy' | 'settled'>;
  /** Gives the lease back without settling (a retry will come). */
  release(teamId: string, entryId: string, owner: string): Promise<void>;
  /** Marks the entry delivered, atomically: true only for the one call that moved it. */
  markDone(teamId: string, entryId: string, at: Date): Promise<boolean>;
  /** Moves a pending entry to the dead letters, with a C0 reason. */
  markDead(
    teamId: string,
    entryId: string,
    failure: { reason: string; attempts: number; at: Date },
  ): Promise<boolean>;
  /** Dead letters, oldest first. */
  deadLetters(limit: number): Promise<DeadLetter[]>;
  /** Moves a dead letter back to pending, for another try; null if there is no such dead letter. */
  revive(teamId: string, entryId: string): Promise<OutboxEntry | null>;
  rememberPost(teamId: string, requestId: string, post: SlackPost): Promise<void>;
  posts(teamId: string, requestId: string): Promise<SlackPost[]>;
  /** Forgets the given posts, or every post of the request when none are named. */
  forgetPosts(teamId: string, requestId: string, posts?: readonly SlackPost[]): Promise<void>;
}

/** Something the app posted in a person's DM with it: where it is, never what it said. */
export type AppPost =
  | { readonly kind: 'message'; readonly channel: string; readonly ts: string }
  | { readonly kind: 'file'; readonly id: string };

/**
 * The app's own messages and files in each person's DM with it, so that Delete my data can delete
 * them from Slack. C0 only. The newest `APP_POSTS_KEPT` (sealed-store.ts) are kept per person.
 */
export interface AppPostStore {
  remember(teamId: string, userId: string, post: AppPost, at: Date): Promise<void>;
  /** Oldest first. */
  list(teamId: string, userId: string): Promise<AppPost[]>;
  forget(teamId: string, userId: string, posts: readonly AppPost[]): Promise<void>;
}

/** Read only: an entry is written with its transition (`requests.commit`), never on its own. */
export interface AuditLog {
  list(teamId: string, requestId: string): Promise<AuditEntry[]>;
}

export class StoreUnavailableError extends Error {
  override readonly name: string = 'StoreUnavailableError';
}
/**
 * The write reached Redis but is not yet as safe as REDIS_DURABILITY promises (the AOF not yet on
 * disk, too few replicas): "saved, but not yet safe". A kind of StoreUnavailableError, so every
 * path that keeps the person's input and asks them to try again does so; pressing again writes
 * again and waits again.
 */
export class StoreNotDurableError extends StoreUnavailableError {
  override readonly name = 'StoreNotDurableError';
}
export class VersionConflictError extends Error {
  override readonly name = 'VersionConflictError';
}
export class RequestExistsError extends Error {
  override readonly name = 'RequestExistsError';
}
