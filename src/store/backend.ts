import type { RequestStatus } from '../domain/status.js';
import type { KeyRef, KeyStore } from '../privacy/vault.js';

/**
 * The storage primitives under the one Store contract. The sealing, the compare-and-set loop and
 * the index ordering live once, in sealed-store.ts; Redis and the in-process maps only provide
 * these operations, each on already serialized and sealed strings. A backend never sees plaintext
 * C2/C3, so a scan of whatever it holds finds none.
 */
export interface StoreBackend extends KeyStore {
  ping(): Promise<void>;
  close(): Promise<void>;

  getConversation(teamId: string, userId: string): Promise<string | null>;
  /**
   * Writes the conversation with its idle TTL and gives the same TTL (plus a margin, so a key never
   * lapses before the record it opens) to its data keys. Returns the value it replaced.
   */
  putConversation(
    teamId: string,
    userId: string,
    value: string,
    ttlMs: number,
    dataKeys: readonly KeyRef[],
  ): Promise<string | null>;
  deleteConversation(teamId: string, userId: string): Promise<void>;

  getProfile(teamId: string, userId: string): Promise<string | null>;
  putProfile(teamId: string, userId: string, value: string): Promise<void>;
  deleteProfile(teamId: string, userId: string): Promise<void>;

  /** Sets the claim unless it exists; returns the value already there, or null if this call set it. */
  claimOnce(teamId: string, name: string, value: string, ttlSeconds: number): Promise<string | null>;

  /** Atomic per (team, year): 1, 2, 3... */
  nextSequence(teamId: string, year: number): Promise<number>;

  getRequest(teamId: string, id: string): Promise<string | null>;
  getRequests(teamId: string, ids: readonly string[]): Promise<(string | null)[]>;
  /** Writes only if no record has this id. */
  createRequest(teamId: string, id: string, version: number, value: string): Promise<boolean>;
  /** Writes only if the stored version is still `expected`. */
  compareAndSetRequest(
    teamId: string,
    id: string,
    expected: number,
    next: number,
    value: string,
  ): Promise<'written' | 'conflict' | 'missing'>;
  /** Removes the record and its audit stream. */
  deleteRequest(teamId: string, id: string): Promise<void>;

  /** Adds or moves index entries; with `onlyNew`, an entry already present keeps its score. */
  indexRequest(teamId: string, id: string, entries: IndexEntries, onlyNew: boolean): Promise<void>;
  unindexRequest(
    teamId: string,
    id: string,
    statuses: readonly RequestStatus[],
    employeeId?: string,
  ): Promise<void>;
  /** Entries after `after` (exclusive) in (score, id) order. */
  statusRange(
    teamId: string,
    status: RequestStatus,
    after: IndexPosition | undefined,
    count: number,
  ): Promise<IndexPosition[]>;
  employeeRequestIds(teamId: string, employeeId: string): Promise<string[]>;

  appendAudit(teamId: string, requestId: string, value: string): Promise<void>;
  listAudit(teamId: string, requestId: string): Promise<string[]>;
}

export interface IndexEntries {
  readonly status?: { readonly status: RequestStatus; readonly score: number };
  readonly employee?: { readonly employeeId: string; readonly score: number };
}

export interface IndexPosition {
  readonly score: number;
  readonly id: string;
}

/** Data keys of short-lived records outlive them by this much, never the other way round. */
export const DATA_KEY_TTL_MARGIN_MS = 60 * 60 * 1000;
