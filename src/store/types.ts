import type { Conversation, EmployeeProfile } from '../domain/draft.js';
import type { AccommodationRequest, AuditEntry } from '../domain/request.js';
import type { RequestStatus } from '../domain/status.js';

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
  /**
   * Atomically claims `name` for `ttlSeconds`: returns null when this call made the claim, or the
   * value stored by whoever claimed it first. Deduplicates Slack retries and double clicks across
   * replicas.
   */
  claimOnce(teamId: string, name: string, value: string, ttlSeconds: number): Promise<string | null>;
  /** Throws StoreUnavailableError when the backend cannot be reached. */
  ping(): Promise<void>;
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
}

export interface Page<T> {
  readonly items: T[];
  /** Pass back as `cursor` for the next page; absent on the last page. */
  readonly nextCursor?: string;
}

export interface RequestStore {
  /** A human-friendly reference, unique per team and year: ACC-2026-0042. */
  nextReference(teamId: string, year: number): Promise<string>;
  /** Creates the request (version 1). Fails with RequestExistsError if the id is taken. */
  create(request: AccommodationRequest): Promise<AccommodationRequest>;
  get(teamId: string, id: string): Promise<AccommodationRequest | null>;
  /**
   * Compare-and-set: `change` receives the current record and returns the next one; the write lands
   * only if nobody else wrote in between. On a lost race it re-reads and calls `change` again, up to
   * a bound, then throws VersionConflictError. `change` may throw to abort (nothing is written).
   */
  update(
    teamId: string,
    id: string,
    change: (current: AccommodationRequest) => AccommodationRequest,
  ): Promise<AccommodationRequest>;
  listByEmployee(teamId: string, employeeId: string): Promise<RequestSummary[]>;
  /** Oldest status change first: what has waited longest is on top. */
  listByStatus(
    teamId: string,
    status: RequestStatus,
    options?: { limit?: number; cursor?: string },
  ): Promise<Page<RequestSummary>>;
  /** Destroys the data key (the sealed fields become unrecoverable) and removes the record. */
  purge(teamId: string, id: string): Promise<void>;
}

export interface AuditLog {
  append(teamId: string, requestId: string, entry: AuditEntry): Promise<void>;
  list(teamId: string, requestId: string): Promise<AuditEntry[]>;
}

export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}
export class VersionConflictError extends Error {
  override readonly name = 'VersionConflictError';
}
export class RequestExistsError extends Error {
  override readonly name = 'RequestExistsError';
}
