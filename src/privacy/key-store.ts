/**
 * Where wrapped data keys live: apart from the data they open.
 *
 * Deleting a data key is what makes a purge final, so the keys must not share the data's
 * persistence and backups: a copy of the data Redis (its AOF, a snapshot, a replica) then holds
 * ciphertext only, and the bound on recovering a purged request is how long the key store keeps
 * its own copies. The production implementation is a Redis of its own (redis-key-store.ts);
 * the in-process one below serves the zero-setup demo and unit tests. A KMS or Vault transit would
 * implement the same interface (see README, "How long data lasts").
 */

/**
 * Names one data key. `scope` is what the key protects (the hash tag of its records, e.g.
 * `T123:ACC-2026-0042`); `name` tells keys within one scope apart (`request`, `draft-<id>`).
 * Both are routing data (C0).
 */
export interface KeyRef {
  readonly scope: string;
  readonly name: string;
}

export interface KeyStore {
  /** The wrapped key, or null when there is none or it was shredded. */
  getWrappedKey(ref: KeyRef): Promise<string | null>;
  /**
   * Stores a new wrapped key unless one is already there or the ref was shredded for good (its
   * tombstone stays): false then. `ttlMs` makes the key lapse with a short-lived record.
   */
  createWrappedKey(ref: KeyRef, wrapped: string, ttlMs?: number): Promise<boolean>;
  /** Replaces the wrapped key only if it is still `expected` (rotation); false otherwise. */
  replaceWrappedKey(ref: KeyRef, expected: string, wrapped: string): Promise<boolean>;
  /**
   * Deletes the key. With `final` a tombstone takes its place, so a write racing with the shred
   * cannot create a fresh key under the same ref (and so bring the record back to life); `ttlMs`
   * bounds how long the tombstone stays (none: for good). Other processes are told at once.
   */
  deleteWrappedKey(ref: KeyRef, options?: { final?: boolean; ttlMs?: number }): Promise<void>;
  /** Whether each ref still has a usable key (false after a shred, or when it never had one). */
  hasWrappedKeys(refs: readonly KeyRef[]): Promise<boolean[]>;
  /** Restarts the lifetime of short-lived keys (a conversation's), so they outlive their record. */
  extendWrappedKeys(refs: readonly KeyRef[], ttlMs: number): Promise<void>;
  /** Every stored wrapped key (rotation). */
  wrappedKeys(): AsyncIterable<{ ref: KeyRef; wrapped: string }>;
  /** Every ref the store has a name for, tombstones included (maintenance: renaming, audits). */
  refs(): AsyncIterable<KeyRef>;
  /**
   * Called with a ref whenever any process shreds it, so cached copies are dropped at once.
   * Resolves once shreds from other processes reach this one.
   */
  onShred(listener: (ref: KeyRef) => void): Promise<void>;
  /**
   * Makes past shreds final on disk: rewrites the key store's persistence (and its replicas') so no
   * file it keeps still holds a deleted key. Resolves once the rewrite is done.
   */
  compact(): Promise<CompactionReport>;
  /** A value stored beside the keys (the key check values); C0 or already protected. */
  getMeta(name: string): Promise<string | null>;
  setMeta(name: string, value: string): Promise<void>;
  close(): Promise<void>;
}

export interface CompactionReport {
  /** One line per server rewritten: `host:port aof` / `host:port rdb`. */
  readonly rewritten: readonly string[];
}

export const TOMBSTONE = 'shredded';

export function refId(ref: KeyRef): string {
  if (!REF_PART.test(ref.scope) || !REF_PART.test(ref.name)) {
    throw new Error('a key ref may use only letters, digits and _ - : . ~');
  }
  return `${ref.scope}/${ref.name}`;
}
const REF_PART = /^[A-Za-z0-9_\-:.~]+$/;

interface Entry {
  value: string;
  expiresAt?: number;
}

/**
 * The in-process key store: the demo's default, gone with the process (which is the demo's promise:
 * nothing it holds outlives it). Same rules as the Redis one, tombstones included.
 */
export class MemoryKeyStore implements KeyStore {
  readonly #entries = new Map<string, Entry>();
  readonly #meta = new Map<string, string>();
  readonly #listeners: ((ref: KeyRef) => void)[] = [];

  constructor(readonly now: () => number = Date.now) {}

  async getWrappedKey(ref: KeyRef) {
    const value = this.#get(refId(ref));
    return value === null || value === TOMBSTONE ? null : value;
  }

  async createWrappedKey(ref: KeyRef, wrapped: string, ttlMs?: number) {
    const id = refId(ref);
    if (this.#get(id) !== null) return false;
    this.#entries.set(id, {
      value: wrapped,
      ...(ttlMs === undefined ? {} : { expiresAt: this.now() + ttlMs }),
    });
    return true;
  }

  async replaceWrappedKey(ref: KeyRef, expected: string, wrapped: string) {
    const id = refId(ref);
    const entry = this.#entries.get(id);
    if (!entry || this.#get(id) !== expected) return false;
    entry.value = wrapped;
    return true;
  }

  async deleteWrappedKey(ref: KeyRef, options: { final?: boolean; ttlMs?: number } = {}) {
    const id = refId(ref);
    if (options.final) {
      this.#entries.set(id, {
        value: TOMBSTONE,
        ...(options.ttlMs === undefined ? {} : { expiresAt: this.now() + options.ttlMs }),
      });
    } else {
      this.#entries.delete(id);
    }
    for (const listener of this.#listeners) listener(ref);
  }

  async hasWrappedKeys(refs: readonly KeyRef[]) {
    return Promise.all(refs.map(async (ref) => (await this.getWrappedKey(ref)) !== null));
  }

  async extendWrappedKeys(refs: readonly KeyRef[], ttlMs: number) {
    for (const ref of refs) {
      const id = refId(ref);
      const entry = this.#entries.get(id);
      if (entry && this.#get(id) !== null) entry.expiresAt = this.now() + ttlMs;
    }
  }

  async *wrappedKeys() {
    for (const [id, entry] of [...this.#entries]) {
      if (this.#get(id) === null || entry.value === TOMBSTONE) continue;
      const slash = id.lastIndexOf('/');
      yield { ref: { scope: id.slice(0, slash), name: id.slice(slash + 1) }, wrapped: entry.value };
    }
  }

  async *refs() {
    for (const id of [...this.#entries.keys()]) {
      if (this.#get(id) === null) continue;
      const slash = id.lastIndexOf('/');
      yield { scope: id.slice(0, slash), name: id.slice(slash + 1) };
    }
  }

  async onShred(listener: (ref: KeyRef) => void) {
    this.#listeners.push(listener);
  }

  async compact() {
    // Nothing is written to disk: a deleted key is gone once the garbage collector reclaims it.
    return { rewritten: [] };
  }

  async getMeta(name: string) {
    return this.#meta.get(name) ?? null;
  }

  async setMeta(name: string, value: string) {
    this.#meta.set(name, value);
  }

  async close() {}

  #get(id: string): string | null {
    const entry = this.#entries.get(id);
    if (!entry) return null;
    if (entry.expiresAt !== undefined && entry.expiresAt <= this.now()) {
      this.#entries.delete(id);
      return null;
    }
    return entry.value;
  }
}
