import type { RequestStatus } from '../domain/status.js';
import { type KeyRef, type KeyStore, MemoryKeyStore } from '../privacy/key-store.js';
import { Vault, type VaultOptions } from '../privacy/vault.js';
import type { IndexEntries, IndexPosition, StoreBackend } from './backend.js';
import type { DurabilityMethod } from './durability.js';
import { keyPolicy, pairMember, parsePairMember, type RedisKeys, redisKeys } from './keys.js';
import { DEFAULT_CONVERSATION_TTL_SECONDS, SealedStore, type SealedStoreOptions } from './sealed-store.js';
import { StoreUnavailableError } from './types.js';

export interface MemoryStoreOptions extends SealedStoreOptions {
  readonly vault: VaultOptions;
  readonly keyPrefix?: string;
  /** Defaults to an in-process key store; tests may share one between stores. */
  readonly keyStore?: KeyStore;
  /** Milliseconds since the epoch; inject one to test idle expiry without waiting. */
  readonly clock?: () => number;
}

/**
 * The in-process store, for the zero-setup demo only: state dies with the process and is not shared
 * between replicas. It holds exactly what Redis would (serialized records with C2/C3 sealed, under
 * the same key names), so the privacy scan and the contract tests apply to it unchanged.
 */
export function createMemoryStore(options: MemoryStoreOptions): SealedStore {
  const clock = options.clock ?? Date.now;
  const ttlSeconds = options.conversationTtlSeconds ?? DEFAULT_CONVERSATION_TTL_SECONDS;
  const backend = new MemoryBackend(redisKeys(options.keyPrefix), clock, ttlSeconds * 1000);
  // The demo's keys live in the process too: apart from the data's maps, and gone on exit.
  const vault = new Vault(
    { now: clock, ...options.vault },
    options.keyStore ?? new MemoryKeyStore(clock),
    keyPolicy(ttlSeconds * 1000),
  );
  return new SealedStore(backend, vault, options);
}

interface Entry {
  value: string;
  expiresAt?: number;
}

export class MemoryBackend implements StoreBackend {
  readonly #strings = new Map<string, Entry>();
  readonly #records = new Map<string, { version: number; value: string }>();
  readonly #sortedSets = new Map<string, Map<string, number>>();
  readonly #streams = new Map<string, string[]>();
  readonly #counters = new Map<string, number>();
  /** Hashes: outboxes (pending, done, dead) and posts, by key. */
  readonly #hashes = new Map<string, Map<string, string>>();
  #closed = false;

  constructor(
    readonly keys: RedisKeys,
    readonly now: () => number,
    readonly conversationTtlMs: number,
  ) {}

  /** Every stored value with its key, for privacy scans: records, keys, index members, audit entries. */
  *rawEntries(): Iterable<[key: string, value: string]> {
    for (const [key, entry] of this.#strings) yield [key, entry.value];
    for (const [key, record] of this.#records) yield [key, `${record.version} ${record.value}`];
    for (const [key, members] of this.#sortedSets)
      for (const [id, score] of members) yield [key, `${id} ${score}`];
    for (const [key, entries] of this.#streams) for (const entry of entries) yield [key, entry];
    for (const [key, count] of this.#counters) yield [key, String(count)];
    for (const [key, fields] of this.#hashes)
      for (const [field, value] of fields) yield [key, `${field} ${value}`];
  }

  async ping() {
    this.#open();
  }

  /** In-process: a write is as safe as it will ever be once it returns (and gone on exit). */
  async confirmWrites() {
    this.#open();
  }

  async durabilityMethod(): Promise<DurabilityMethod> {
    return { kind: 'reply' };
  }

  async close() {
    this.#closed = true;
  }

  // Conversations and profiles

  async getConversation(teamId: string, userId: string) {
    this.#sweep();
    return this.#get(this.keys.conversation(teamId, userId));
  }

  async putConversation(teamId: string, userId: string, value: string, ttlMs: number) {
    this.#sweep();
    const key = this.keys.conversation(teamId, userId);
    const previous = this.#get(key);
    this.#set(key, value, ttlMs);
    return previous;
  }

  async deleteConversation(teamId: string, userId: string) {
    this.#open();
    this.#strings.delete(this.keys.conversation(teamId, userId));
  }

  async getProfile(teamId: string, userId: string) {
    return this.#get(this.keys.profile(teamId, userId));
  }

  async putProfile(teamId: string, userId: string, value: string) {
    this.#set(this.keys.profile(teamId, userId), value);
  }

  async deleteProfile(teamId: string, userId: string) {
    this.#open();
    this.#strings.delete(this.keys.profile(teamId, userId));
  }

  async claimOnce(teamId: string, name: string, value: string, ttlSeconds: number) {
    const key = this.keys.claim(teamId, name);
    const existing = this.#get(key);
    if (existing !== null) return existing;
    this.#set(key, value, ttlSeconds * 1000);
    return null;
  }

  async holdClaim(teamId: string, name: string, value: string, ttlMs: number) {
    this.#set(this.keys.claim(teamId, name), value, ttlMs);
  }

  // Requests

  async nextSequence(teamId: string, year: number) {
    this.#open();
    const key = this.keys.sequence(teamId, year);
    const next = (this.#counters.get(key) ?? 0) + 1;
    this.#counters.set(key, next);
    return next;
  }

  async getRequest(teamId: string, id: string) {
    this.#open();
    return this.#records.get(this.keys.request(teamId, id))?.value ?? null;
  }

  async getRequests(teamId: string, ids: readonly string[]) {
    this.#open();
    return ids.map((id) => this.#records.get(this.keys.request(teamId, id))?.value ?? null);
  }

  async compareAndSetRequest(teamId: string, id: string, expected: number, next: number, value: string) {
    this.#open();
    const key = this.keys.request(teamId, id);
    const stored = this.#records.get(key);
    if (!stored) return 'missing' as const;
    // Checked and written in one synchronous step: nothing else runs in between.
    if (stored.version !== expected) return 'conflict' as const;
    this.#records.set(key, { version: next, value });
    return 'written' as const;
  }

  async commitTransition(
    teamId: string,
    id: string,
    expected: number,
    next: number,
    value: string,
    audit: string,
    outbox: readonly { readonly id: string; readonly value: string }[],
  ) {
    this.#open();
    const key = this.keys.request(teamId, id);
    const stored = this.#records.get(key);
    // Checked and written in one synchronous step, as the Redis script is: nothing runs in between.
    if (expected === 0) {
      if (stored) return 'exists' as const;
    } else {
      if (!stored) return 'missing' as const;
      if (stored.version !== expected) return 'conflict' as const;
    }
    this.#records.set(key, { version: next, value });
    const auditKey = this.keys.audit(teamId, id);
    this.#streams.set(auditKey, [...(this.#streams.get(auditKey) ?? []), audit]);
    const pending = this.#hash(this.keys.outbox(teamId, id));
    for (const entry of outbox) pending.set(entry.id, entry.value);
    return 'written' as const;
  }

  async appendAuditAt(teamId: string, id: string, expected: number, audit: string) {
    this.#open();
    const stored = this.#records.get(this.keys.request(teamId, id));
    if (!stored) return 'missing' as const;
    if (stored.version !== expected) return 'conflict' as const;
    const auditKey = this.keys.audit(teamId, id);
    this.#streams.set(auditKey, [...(this.#streams.get(auditKey) ?? []), audit]);
    return 'written' as const;
  }

  async deleteRequest(teamId: string, id: string, auditTombstone: string) {
    this.#open();
    this.#records.delete(this.keys.request(teamId, id));
    this.#streams.set(this.keys.audit(teamId, id), [auditTombstone]);
    this.#hashes.delete(this.keys.outboxDone(teamId, id));
    this.#hashes.delete(this.keys.outboxDead(teamId, id));
  }

  // The outbox

  async notePendingOutbox(teamId: string, requestId: string, score: number) {
    this.#zset(this.keys.outboxPending).set(pairMember(teamId, requestId), score);
  }

  async pendingOutboxRequests(limit: number) {
    return this.#ordered(this.keys.outboxPending)
      .slice(0, limit)
      .flatMap(({ id }) => {
        const pair = parsePairMember(id);
        return pair ? [{ teamId: pair[0], requestId: pair[1] }] : [];
      });
  }

  async forgetPendingOutbox(teamId: string, requestId: string, before: number) {
    if (this.#hash(this.keys.outbox(teamId, requestId)).size > 0) return;
    const index = this.#zset(this.keys.outboxPending);
    const member = pairMember(teamId, requestId);
    const score = index.get(member);
    if (score !== undefined && score < before) index.delete(member);
  }

  async getOutboxEntry(teamId: string, requestId: string, entryId: string) {
    const pending = this.#hash(this.keys.outbox(teamId, requestId)).get(entryId);
    if (pending !== undefined) return { value: pending, state: 'pending' as const };
    const dead = this.#hash(this.keys.outboxDead(teamId, requestId)).get(entryId);
    if (dead !== undefined) return { value: dead, state: 'dead' as const };
    if (this.#hash(this.keys.outboxDone(teamId, requestId)).has(entryId))
      return { value: '', state: 'done' as const };
    return null;
  }

  async pendingOutbox(teamId: string, requestId: string) {
    return [...this.#hash(this.keys.outbox(teamId, requestId))].map(([id, value]) => ({ id, value }));
  }

  async claimOutboxEntry(teamId: string, requestId: string, entryId: string, owner: string, leaseMs: number) {
    if (!this.#hash(this.keys.outbox(teamId, requestId)).has(entryId)) return 'settled' as const;
    const lease = this.keys.outboxLease(teamId, requestId, entryId);
    const holder = this.#get(lease);
    if (holder !== null && holder !== owner) return 'busy' as const;
    this.#set(lease, owner, leaseMs);
    return 'claimed' as const;
  }

  async releaseOutboxEntry(teamId: string, requestId: string, entryId: string, owner: string) {
    const lease = this.keys.outboxLease(teamId, requestId, entryId);
    if (this.#get(lease) === owner) this.#strings.delete(lease);
  }

  async markOutboxDone(teamId: string, requestId: string, entryId: string, at: string) {
    if (!this.#hash(this.keys.outbox(teamId, requestId)).delete(entryId)) return false;
    this.#hash(this.keys.outboxDone(teamId, requestId)).set(entryId, at);
    this.#strings.delete(this.keys.outboxLease(teamId, requestId, entryId));
    return true;
  }

  async markOutboxDead(teamId: string, requestId: string, entryId: string, value: string, score: number) {
    if (!this.#hash(this.keys.outbox(teamId, requestId)).delete(entryId)) return false;
    this.#hash(this.keys.outboxDead(teamId, requestId)).set(entryId, value);
    this.#strings.delete(this.keys.outboxLease(teamId, requestId, entryId));
    this.#zset(this.keys.outboxDeadLetters).set(pairMember(teamId, entryId), score);
    return true;
  }

  async deadOutboxIndex(limit: number) {
    return this.#ordered(this.keys.outboxDeadLetters)
      .slice(0, limit)
      .flatMap(({ id }) => {
        const pair = parsePairMember(id);
        return pair ? [{ teamId: pair[0], entryId: pair[1] }] : [];
      });
  }

  async reviveOutboxEntry(
    teamId: string,
    requestId: string,
    entryId: string,
    expected: string,
    entry: string,
  ) {
    const dead = this.#hash(this.keys.outboxDead(teamId, requestId));
    if (dead.get(entryId) !== expected) return false;
    dead.delete(entryId);
    this.#hash(this.keys.outbox(teamId, requestId)).set(entryId, entry);
    this.#zset(this.keys.outboxDeadLetters).delete(pairMember(teamId, entryId));
    await this.notePendingOutbox(teamId, requestId, this.now());
    return true;
  }

  async putPost(teamId: string, requestId: string, field: string, ts: string) {
    this.#hash(this.keys.posts(teamId, requestId)).set(field, ts);
  }

  async listPosts(teamId: string, requestId: string): Promise<[string, string][]> {
    return [...this.#hash(this.keys.posts(teamId, requestId))];
  }

  async deletePosts(teamId: string, requestId: string, fields?: readonly string[]) {
    this.#open();
    const key = this.keys.posts(teamId, requestId);
    if (!fields) this.#hashes.delete(key);
    else for (const field of fields) this.#hashes.get(key)?.delete(field);
  }

  async addAppPost(teamId: string, userId: string, member: string, score: number, keep: number) {
    const set = this.#zset(this.keys.appPosts(teamId, userId));
    set.set(member, score);
    const oldest = [...set].sort(([a, x], [b, y]) => x - y || a.localeCompare(b));
    for (const [gone] of oldest.slice(0, Math.max(0, set.size - keep))) set.delete(gone);
  }

  async listAppPosts(teamId: string, userId: string) {
    return [...this.#zset(this.keys.appPosts(teamId, userId))]
      .sort(([a, x], [b, y]) => x - y || a.localeCompare(b))
      .map(([member]) => member);
  }

  async removeAppPosts(teamId: string, userId: string, members: readonly string[]) {
    const set = this.#zset(this.keys.appPosts(teamId, userId));
    for (const member of members) set.delete(member);
  }

  async noteTeam(teamId: string, score: number) {
    this.#open();
    const teams = this.#zset(this.keys.teams);
    if (!teams.has(teamId)) teams.set(teamId, score);
  }

  async teams() {
    this.#open();
    return this.#ordered(this.keys.teams).map((p) => p.id);
  }

  async indexRequest(teamId: string, id: string, entries: IndexEntries, onlyNew: boolean) {
    this.#open();
    const add = (key: string, score: number) => {
      const set = this.#sortedSets.get(key) ?? new Map<string, number>();
      if (!(onlyNew && set.has(id))) set.set(id, score);
      this.#sortedSets.set(key, set);
    };
    if (entries.status) add(this.keys.byStatus(teamId, entries.status.status), entries.status.score);
    if (entries.employee)
      add(this.keys.byEmployee(teamId, entries.employee.employeeId), entries.employee.score);
    if (entries.manager) {
      const key = this.keys.byManager(teamId, entries.manager.managerId);
      const set = this.#sortedSets.get(key) ?? new Map<string, number>();
      if (!set.has(id)) set.set(id, entries.manager.score);
      this.#sortedSets.set(key, set);
    }
  }

  async unindexRequest(
    teamId: string,
    id: string,
    statuses: readonly RequestStatus[],
    employeeId?: string,
    managerId?: string,
  ) {
    this.#open();
    const keys = statuses.map((status) => this.keys.byStatus(teamId, status));
    if (employeeId !== undefined) keys.push(this.keys.byEmployee(teamId, employeeId));
    if (managerId !== undefined) keys.push(this.keys.byManager(teamId, managerId));
    for (const key of keys) {
      const set = this.#sortedSets.get(key);
      set?.delete(id);
      if (set?.size === 0) this.#sortedSets.delete(key);
    }
  }

  async statusRange(teamId: string, status: RequestStatus, after: IndexPosition | undefined, count: number) {
    this.#open();
    return this.#ordered(this.keys.byStatus(teamId, status))
      .filter((p) => !after || p.score > after.score || (p.score === after.score && p.id > after.id))
      .slice(0, count);
  }

  async employeeRequestIds(teamId: string, employeeId: string) {
    this.#open();
    return this.#ordered(this.keys.byEmployee(teamId, employeeId)).map((p) => p.id);
  }

  async managerRequestIds(teamId: string, managerId: string) {
    this.#open();
    return this.#ordered(this.keys.byManager(teamId, managerId)).map((p) => p.id);
  }

  async hasLegacyDataKey(_ref: KeyRef) {
    // The in-process store never kept keys beside its records.
    return false;
  }

  async listAudit(teamId: string, requestId: string) {
    this.#open();
    return [...(this.#streams.get(this.keys.audit(teamId, requestId)) ?? [])];
  }

  // Helpers

  /** The hash at `key`, made on first use (an empty one holds nothing, as in Redis). */
  #hash(key: string): Map<string, string> {
    this.#open();
    let hash = this.#hashes.get(key);
    if (!hash) {
      hash = new Map();
      this.#hashes.set(key, hash);
    }
    return hash;
  }

  #zset(key: string): Map<string, number> {
    this.#open();
    let set = this.#sortedSets.get(key);
    if (!set) {
      set = new Map();
      this.#sortedSets.set(key, set);
    }
    return set;
  }

  /** Redis's order for a sorted set: by score, then by member. */
  #ordered(key: string): IndexPosition[] {
    return [...(this.#sortedSets.get(key) ?? new Map<string, number>())]
      .map(([id, score]) => ({ id, score }))
      .sort((a, b) => a.score - b.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  #get(key: string): string | null {
    this.#open();
    const entry = this.#strings.get(key);
    if (!entry) return null;
    if (entry.expiresAt !== undefined && entry.expiresAt <= this.now()) {
      this.#strings.delete(key);
      return null;
    }
    return entry.value;
  }

  #set(key: string, value: string, ttlMs?: number) {
    this.#open();
    this.#strings.set(key, ttlMs === undefined ? { value } : { value, expiresAt: this.now() + ttlMs });
  }

  /** Drops whatever has expired, as Redis would, so idle drafts and their keys do not pile up. */
  #sweep() {
    const now = this.now();
    for (const [key, entry] of this.#strings) {
      if (entry.expiresAt !== undefined && entry.expiresAt <= now) this.#strings.delete(key);
    }
  }

  #open() {
    if (this.#closed) throw new StoreUnavailableError('the in-process store is closed');
  }
}
