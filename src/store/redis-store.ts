import type { RedisOptions } from 'ioredis';
import type { RequestStatus } from '../domain/status.js';
import type { KeyRef, KeyStore } from '../privacy/key-store.js';
import { Vault, type VaultOptions } from '../privacy/vault.js';
import type { IndexEntries, IndexPosition, StoreBackend } from './backend.js';
import {
  confirmWrite,
  type DurabilityMethod,
  type DurabilityPolicy,
  methodFor,
  readPersistence,
} from './durability.js';
import { StoreCommandError } from './errors.js';
import {
  keyedPseudonyms,
  keyPolicy,
  pairMember,
  parsePairMember,
  plainUserIds,
  type RedisKeys,
  redisKeys,
} from './keys.js';
import { openRedis, primariesOf, type RedisClient } from './redis-connection.js';
import { RedisKeyStore } from './redis-key-store.js';
import { DEFAULT_CONVERSATION_TTL_SECONDS, SealedStore, type SealedStoreOptions } from './sealed-store.js';
import { StoreNotDurableError, StoreUnavailableError } from './types.js';

export interface RedisStoreOptions extends SealedStoreOptions {
  /**
   * redis://[:password@]host:port[/db], rediss://..., redis+cluster://h1:p1,h2:p2 or
   * redis+sentinel://s1:p1,s2:p2/master (see redis-connection.ts). Never echoed in any message.
   */
  readonly url: string;
  readonly vault: VaultOptions;
  /**
   * Where the data keys live: KEYSTORE_URL (a Redis apart from `url`, with its own persistence and
   * backups), or a KeyStore built by the caller. Never the data Redis.
   */
  readonly keyStore: { readonly url: string } | KeyStore;
  /**
   * PSEUDONYM_KEY: user ids in key names become keyed hashes. The app always sets it; without it
   * (tests of the storage shapes) user ids stay as they are.
   */
  readonly pseudonymKey?: Buffer;
  /** Told when the key store's rewrite after a purge fails (it is tried again after the next one). */
  readonly onKeyStoreError?: (error: Error) => void;
  /** Prefix of every key (default `aa`): lets tests and several installations share one Redis. */
  readonly keyPrefix?: string;
  /** How long a command waits for a (re)connection before failing with StoreUnavailableError. */
  readonly connectWaitMs?: number;
  /** Extra ioredis options (TLS, Sentinel); the safety options below win over these. */
  readonly connection?: RedisOptions;
  /** What a write waits for before it counts as saved (REDIS_DURABILITY); default none. */
  readonly durability?: DurabilityPolicy;
}

export const DEFAULT_CONNECT_WAIT_MS = 1000;
const COMMAND_TIMEOUT_MS = 2000;

/**
 * Connection policy: callers fail fast and nothing is written behind their back.
 * - ioredis's offline queue is off and in-flight commands are not resent after a reconnect: a write
 *   the caller was told had failed must not land later (a request created twice, an audit entry
 *   doubled). Instead each command waits a bounded time for the connection to be ready and is sent
 *   only then, which rides out a Redis restart or failover of up to `connectWaitMs`.
 * - maxRetriesPerRequest 0 fails in-flight commands as soon as the connection drops; commandTimeout
 *   bounds a server that accepts but does not answer. So no call hangs for more than about
 *   connectWaitMs + COMMAND_TIMEOUT_MS.
 * - Reconnection never gives up, with an exponential backoff capped at half a second: a person told
 *   "try again in a moment" after a Redis restart finds the app connected again when they do, and
 *   trying a refused port twice a second costs nothing.
 */
export function connectionOptions(extra: RedisOptions | undefined, waitMs = 0): RedisOptions {
  return {
    connectTimeout: 2000,
    ...extra,
    enableOfflineQueue: false,
    autoResendUnfulfilledCommands: false,
    maxRetriesPerRequest: 0,
    // A WAIT or WAITAOF may take its own timeout before it answers.
    commandTimeout: COMMAND_TIMEOUT_MS + waitMs,
    enableReadyCheck: true,
    lazyConnect: false,
    retryStrategy: (attempt: number) => Math.min(50 * 2 ** Math.min(attempt, 6), 500),
  };
}

/** Each script's keys share one hash slot, so they run in Redis Cluster too. */
const scripts = {
  /** Maintenance rewrites only (see StoreBackend.compareAndSetRequest). */
  aaCompareAndSetRequest: {
    numberOfKeys: 1,
    lua: `local stored = redis.call('HGET', KEYS[1], 'version')
if not stored then return -1 end
if stored ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'version', ARGV[2], 'data', ARGV[3])
return 1`,
  },
  /**
   * A transition: KEYS record, audit stream, pending outbox; ARGV expected version (0: create),
   * next version, record, audit entry, then (entry id, entry) pairs. All in one slot, so in Cluster
   * too it is one atomic step; with the AOF a script is written as one unit, so a crash keeps all of
   * it or none.
   */
  aaCommitTransition: {
    numberOfKeys: 3,
    lua: `local stored = redis.call('HGET', KEYS[1], 'version')
if ARGV[1] == '0' then
  if stored then return -2 end
else
  if not stored then return -1 end
  if stored ~= ARGV[1] then return 0 end
end
redis.call('HSET', KEYS[1], 'version', ARGV[2], 'data', ARGV[3])
redis.call('XADD', KEYS[2], '*', 'entry', ARGV[4])
for i = 5, #ARGV, 2 do redis.call('HSET', KEYS[3], ARGV[i], ARGV[i + 1]) end
return 1`,
  },
  /** KEYS record, audit stream (one slot); ARGV expected version, audit entry. The record stays. */
  aaAppendAuditAt: {
    numberOfKeys: 2,
    lua: `local stored = redis.call('HGET', KEYS[1], 'version')
if not stored then return -1 end
if stored ~= ARGV[1] then return 0 end
redis.call('XADD', KEYS[2], '*', 'entry', ARGV[2])
return 1`,
  },
  /** KEYS pending, lease; ARGV entry id, owner, lease ms. */
  aaClaimOutboxEntry: {
    numberOfKeys: 2,
    lua: `if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return 'settled' end
local holder = redis.call('GET', KEYS[2])
if holder and holder ~= ARGV[2] then return 'busy' end
redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
return 'claimed'`,
  },
  /** KEYS lease; ARGV owner. */
  aaReleaseOutboxEntry: {
    numberOfKeys: 1,
    lua: `if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 1`,
  },
  /** KEYS pending, done, lease; ARGV entry id, when. */
  aaMarkOutboxDone: {
    numberOfKeys: 3,
    lua: `if redis.call('HDEL', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
redis.call('DEL', KEYS[3])
return 1`,
  },
  /** KEYS pending, dead, lease; ARGV entry id, dead letter. */
  aaMarkOutboxDead: {
    numberOfKeys: 3,
    lua: `if redis.call('HDEL', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
redis.call('DEL', KEYS[3])
return 1`,
  },
  /** KEYS dead, pending; ARGV entry id, expected dead letter, entry. */
  aaReviveOutboxEntry: {
    numberOfKeys: 2,
    lua: `if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then return 0 end
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
return 1`,
  },
  /** KEYS index; ARGV member, before: removes the member only if its score is below `before`. */
  aaForgetIfOlder: {
    numberOfKeys: 1,
    lua: `local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if score and tonumber(score) < tonumber(ARGV[2]) then redis.call('ZREM', KEYS[1], ARGV[1]) end
return 1`,
  },
  aaClaimOnce: {
    numberOfKeys: 1,
    lua: `local existing = redis.call('GET', KEYS[1])
if existing then return existing end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
return false`,
  },
} as const;

interface ScriptCommands {
  aaClaimOnce(key: string, value: string, ttlSeconds: string): Promise<string | null>;
  aaCompareAndSetRequest(key: string, expected: string, next: string, data: string): Promise<number>;
  aaCommitTransition(record: string, audit: string, outbox: string, ...args: string[]): Promise<number>;
  aaAppendAuditAt(record: string, audit: string, expected: string, entry: string): Promise<number>;
  aaClaimOutboxEntry(
    pending: string,
    lease: string,
    entryId: string,
    owner: string,
    leaseMs: string,
  ): Promise<'claimed' | 'busy' | 'settled'>;
  aaReleaseOutboxEntry(lease: string, owner: string): Promise<number>;
  aaMarkOutboxDone(
    pending: string,
    done: string,
    lease: string,
    entryId: string,
    at: string,
  ): Promise<number>;
  aaMarkOutboxDead(
    pending: string,
    dead: string,
    lease: string,
    entryId: string,
    value: string,
  ): Promise<number>;
  aaReviveOutboxEntry(
    dead: string,
    pending: string,
    entryId: string,
    expected: string,
    entry: string,
  ): Promise<number>;
  aaForgetIfOlder(index: string, member: string, before: string): Promise<number>;
}

export function createRedisStore(options: RedisStoreOptions): SealedStore {
  const ttlSeconds = options.conversationTtlSeconds ?? DEFAULT_CONVERSATION_TTL_SECONDS;
  const durability = options.durability ?? { mode: 'none' };
  const waitMs = durability.mode === 'none' ? 0 : durability.timeoutMs;
  const backend = new RedisBackend(
    openRedis(options.url, connectionOptions(options.connection, waitMs)),
    redisKeys(options.keyPrefix, options.pseudonymKey ? keyedPseudonyms(options.pseudonymKey) : plainUserIds),
    ttlSeconds * 1000,
    options.connectWaitMs ?? DEFAULT_CONNECT_WAIT_MS,
    durability,
  );
  const keyStore =
    'url' in options.keyStore
      ? new RedisKeyStore({
          url: options.keyStore.url,
          ...(options.keyPrefix === undefined ? {} : { keyPrefix: options.keyPrefix }),
          ...(options.connection === undefined ? {} : { connection: options.connection }),
          ...(options.onKeyStoreError ? { onCompactionError: options.onKeyStoreError } : {}),
        })
      : options.keyStore;
  const vault = new Vault(options.vault, keyStore, keyPolicy(ttlSeconds * 1000));
  return new SealedStore(backend, vault, options);
}

export class RedisBackend implements StoreBackend {
  readonly #redis: RedisClient & ScriptCommands;
  #waiting: Promise<void> | undefined;
  #closed = false;
  /** How this connection keeps the durability policy: asked of the server after each (re)connect. */
  #method: Promise<DurabilityMethod> | undefined;

  constructor(
    redis: RedisClient,
    readonly keys: RedisKeys,
    readonly conversationTtlMs: number,
    readonly connectWaitMs: number,
    readonly durability: DurabilityPolicy = { mode: 'none' },
  ) {
    for (const [name, { numberOfKeys, lua }] of Object.entries(scripts)) {
      redis.defineCommand(name, { numberOfKeys, lua });
    }
    // Connection errors surface through the commands that hit them (as StoreUnavailableError);
    // without a listener ioredis would print them, URL details included, to stderr.
    redis.on('error', () => {});
    // A restarted or failed-over server may run other settings: ask again.
    redis.on('ready', () => {
      this.#method = undefined;
    });
    this.#redis = redis as RedisClient & ScriptCommands;
  }

  /** How writes are made safe on this server (REDIS_DURABILITY), for the start-up check and tests. */
  durabilityMethod(): Promise<DurabilityMethod> {
    return this.#run(() => this.#durabilityMethod());
  }

  /**
   * Waits until every write this connection made so far is as safe as the policy asks, or throws
   * StoreNotDurableError: for a retry that finds its earlier write in place, to know it is safe.
   */
  async confirmWrites(): Promise<void> {
    await this.#run(() => this.#confirm());
  }

  #durabilityMethod(): Promise<DurabilityMethod> {
    if (this.durability.mode === 'none') return Promise.resolve({ kind: 'reply' });
    const probe = async (): Promise<DurabilityMethod> => {
      const primaries = primariesOf(this.#redis);
      const cluster = primaries.length !== 1 || primaries[0] !== this.#redis;
      const methods = await Promise.all(
        primaries.map(async (node) => methodFor(this.durability, await readPersistence(node), !cluster)),
      );
      return methods.find((method) => method.kind === 'unmet') ?? methods[0] ?? { kind: 'reply' };
    };
    const asked = probe();
    this.#method ??= asked;
    asked.catch(() => {
      if (this.#method === asked) this.#method = undefined;
    });
    return this.#method;
  }

  async #confirm(): Promise<void> {
    // WAIT and WAITAOF are only chosen off Cluster, where this is the one connection that wrote.
    await confirmWrite(this.#redis, await this.#durabilityMethod());
  }

  /** The ioredis client (a Cluster on Redis Cluster), for tests and tools that look at raw keys. */
  get client(): RedisClient {
    return this.#redis;
  }

  async ping() {
    await this.#run((r) => r.ping());
  }

  async close() {
    this.#closed = true;
    if (this.#redis.status === 'ready') {
      await this.#redis.quit().catch(() => this.#redis.disconnect());
    } else {
      this.#redis.disconnect();
    }
  }

  // Conversations and profiles

  getConversation(teamId: string, userId: string) {
    return this.#run((r) => r.get(this.keys.conversation(teamId, userId)));
  }

  async putConversation(teamId: string, userId: string, value: string, ttlMs: number) {
    const key = this.keys.conversation(teamId, userId);
    const previous = await this.#write((r) => r.set(key, value, 'PX', ttlMs, 'GET'));
    return typeof previous === 'string' ? previous : null;
  }

  async deleteConversation(teamId: string, userId: string) {
    await this.#write((r) => r.del(this.keys.conversation(teamId, userId)));
  }

  getProfile(teamId: string, userId: string) {
    return this.#run((r) => r.get(this.keys.profile(teamId, userId)));
  }

  async putProfile(teamId: string, userId: string, value: string) {
    await this.#write((r) => r.set(this.keys.profile(teamId, userId), value));
  }

  async deleteProfile(teamId: string, userId: string) {
    await this.#write((r) => r.del(this.keys.profile(teamId, userId)));
  }

  claimOnce(teamId: string, name: string, value: string, ttlSeconds: number) {
    return this.#write((r) => r.aaClaimOnce(this.keys.claim(teamId, name), value, String(ttlSeconds)));
  }

  async holdClaim(teamId: string, name: string, value: string, ttlMs: number) {
    await this.#run((r) => r.set(this.keys.claim(teamId, name), value, 'PX', ttlMs));
  }

  // Requests

  nextSequence(teamId: string, year: number) {
    return this.#write((r) => r.incr(this.keys.sequence(teamId, year)));
  }

  getRequest(teamId: string, id: string) {
    return this.#run((r) => r.hget(this.keys.request(teamId, id), 'data'));
  }

  getRequests(teamId: string, ids: readonly string[]) {
    // Separate commands, not one pipeline: the records sit in different Cluster slots.
    // ioredis still writes them back to back without waiting for each reply.
    return this.#run((r) => Promise.all(ids.map((id) => r.hget(this.keys.request(teamId, id), 'data'))));
  }

  async compareAndSetRequest(teamId: string, id: string, expected: number, next: number, value: string) {
    const key = this.keys.request(teamId, id);
    const reply = await this.#write((r) =>
      r.aaCompareAndSetRequest(key, String(expected), String(next), value),
    );
    return reply === 1 ? ('written' as const) : reply === 0 ? ('conflict' as const) : ('missing' as const);
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
    const k = this.keys;
    const reply = await this.#write((r) =>
      r.aaCommitTransition(
        k.request(teamId, id),
        k.audit(teamId, id),
        k.outbox(teamId, id),
        String(expected),
        String(next),
        value,
        audit,
        ...outbox.flatMap((entry) => [entry.id, entry.value]),
      ),
    );
    if (reply === 1) return 'written' as const;
    if (reply === 0) return 'conflict' as const;
    return reply === -2 ? ('exists' as const) : ('missing' as const);
  }

  async appendAuditAt(teamId: string, id: string, expected: number, audit: string) {
    const k = this.keys;
    const reply = await this.#write((r) =>
      r.aaAppendAuditAt(k.request(teamId, id), k.audit(teamId, id), String(expected), audit),
    );
    return reply === 1 ? ('written' as const) : reply === 0 ? ('conflict' as const) : ('missing' as const);
  }

  async deleteRequest(teamId: string, id: string, auditTombstone: string) {
    // One slot ({team:request}): the record, the settled outbox entries and the audit history go,
    // and the history is replaced by its tombstone, in one transaction: however often a request is
    // removed (a purge, a reader finding it shredded), one tombstone is what stays.
    const k = this.keys;
    const replies = await this.#write((r) =>
      r
        .multi()
        .del(k.request(teamId, id), k.audit(teamId, id), k.outboxDone(teamId, id), k.outboxDead(teamId, id))
        .xadd(k.audit(teamId, id), '*', 'entry', auditTombstone)
        .exec(),
    );
    const failed =
      replies?.find(([error]) => error)?.[0] ?? (replies ? null : new Error('transaction aborted'));
    if (failed) throw toStoreError(failed);
  }

  // The outbox

  async notePendingOutbox(teamId: string, requestId: string, score: number) {
    await this.#write((r) => r.zadd(this.keys.outboxPending, String(score), pairMember(teamId, requestId)));
  }

  async pendingOutboxRequests(limit: number) {
    const members = await this.#run((r) => r.zrange(this.keys.outboxPending, '0', String(limit - 1)));
    return members.flatMap((member) => {
      const pair = parsePairMember(member);
      return pair ? [{ teamId: pair[0], requestId: pair[1] }] : [];
    });
  }

  async forgetPendingOutbox(teamId: string, requestId: string, before: number) {
    if ((await this.#run((r) => r.hlen(this.keys.outbox(teamId, requestId)))) > 0) return;
    await this.#run((r) =>
      r.aaForgetIfOlder(this.keys.outboxPending, pairMember(teamId, requestId), String(before)),
    );
  }

  async getOutboxEntry(teamId: string, requestId: string, entryId: string) {
    const k = this.keys;
    const [pending, done, dead] = await this.#run((r) =>
      Promise.all([
        r.hget(k.outbox(teamId, requestId), entryId),
        r.hexists(k.outboxDone(teamId, requestId), entryId),
        r.hget(k.outboxDead(teamId, requestId), entryId),
      ]),
    );
    if (pending !== null) return { value: pending, state: 'pending' as const };
    if (dead !== null) return { value: dead, state: 'dead' as const };
    if (done === 1) return { value: '', state: 'done' as const };
    return null;
  }

  async pendingOutbox(teamId: string, requestId: string) {
    const all = await this.#run((r) => r.hgetall(this.keys.outbox(teamId, requestId)));
    return Object.entries(all).map(([id, value]) => ({ id, value }));
  }

  claimOutboxEntry(teamId: string, requestId: string, entryId: string, owner: string, leaseMs: number) {
    const k = this.keys;
    return this.#run((r) =>
      r.aaClaimOutboxEntry(
        k.outbox(teamId, requestId),
        k.outboxLease(teamId, requestId, entryId),
        entryId,
        owner,
        String(leaseMs),
      ),
    );
  }

  async releaseOutboxEntry(teamId: string, requestId: string, entryId: string, owner: string) {
    await this.#run((r) => r.aaReleaseOutboxEntry(this.keys.outboxLease(teamId, requestId, entryId), owner));
  }

  async markOutboxDone(teamId: string, requestId: string, entryId: string, at: string) {
    const k = this.keys;
    const reply = await this.#write((r) =>
      r.aaMarkOutboxDone(
        k.outbox(teamId, requestId),
        k.outboxDone(teamId, requestId),
        k.outboxLease(teamId, requestId, entryId),
        entryId,
        at,
      ),
    );
    return reply === 1;
  }

  async markOutboxDead(teamId: string, requestId: string, entryId: string, value: string, score: number) {
    const k = this.keys;
    const moved = await this.#write((r) =>
      r.aaMarkOutboxDead(
        k.outbox(teamId, requestId),
        k.outboxDead(teamId, requestId),
        k.outboxLease(teamId, requestId, entryId),
        entryId,
        value,
      ),
    );
    if (moved !== 1) return false;
    await this.#write((r) => r.zadd(k.outboxDeadLetters, String(score), pairMember(teamId, entryId)));
    return true;
  }

  async deadOutboxIndex(limit: number) {
    const members = await this.#run((r) => r.zrange(this.keys.outboxDeadLetters, '0', String(limit - 1)));
    return members.flatMap((member) => {
      const pair = parsePairMember(member);
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
    const k = this.keys;
    await this.notePendingOutbox(teamId, requestId, Date.now());
    const moved = await this.#write((r) =>
      r.aaReviveOutboxEntry(
        k.outboxDead(teamId, requestId),
        k.outbox(teamId, requestId),
        entryId,
        expected,
        entry,
      ),
    );
    if (moved !== 1) return false;
    await this.#write((r) => r.zrem(k.outboxDeadLetters, pairMember(teamId, entryId)));
    return true;
  }

  async putPost(teamId: string, requestId: string, field: string, ts: string) {
    await this.#write((r) => r.hset(this.keys.posts(teamId, requestId), field, ts));
  }

  async listPosts(teamId: string, requestId: string) {
    const all = await this.#run((r) => r.hgetall(this.keys.posts(teamId, requestId)));
    return Object.entries(all);
  }

  async deletePosts(teamId: string, requestId: string, fields?: readonly string[]) {
    const key = this.keys.posts(teamId, requestId);
    if (!fields) await this.#write((r) => r.del(key));
    else if (fields.length > 0) await this.#write((r) => r.hdel(key, ...fields));
  }

  async addAppPost(teamId: string, userId: string, member: string, score: number, keep: number) {
    const key = this.keys.appPosts(teamId, userId);
    await this.#write((r) =>
      r
        .multi()
        .zadd(key, String(score), member)
        .zremrangebyrank(key, 0, -keep - 1)
        .exec(),
    );
  }

  async listAppPosts(teamId: string, userId: string) {
    return this.#run((r) => r.zrange(this.keys.appPosts(teamId, userId), '0', '-1'));
  }

  async removeAppPosts(teamId: string, userId: string, members: readonly string[]) {
    if (members.length === 0) return;
    await this.#write((r) => r.zrem(this.keys.appPosts(teamId, userId), ...members));
  }

  async noteTeam(teamId: string, score: number) {
    await this.#write((r) => r.zadd(this.keys.teams, 'NX', String(score), teamId));
  }

  async teams() {
    return this.#run((r) => r.zrange(this.keys.teams, '0', '-1'));
  }

  async indexRequest(teamId: string, id: string, entries: IndexEntries, onlyNew: boolean) {
    // The team's indexes share one slot ({team}), so one transaction covers them.
    await this.#write((r) => {
      const tx = r.multi();
      const add = (key: string, score: number) =>
        onlyNew ? tx.zadd(key, 'NX', score, id) : tx.zadd(key, score, id);
      if (entries.status) add(this.keys.byStatus(teamId, entries.status.status), entries.status.score);
      if (entries.employee)
        add(this.keys.byEmployee(teamId, entries.employee.employeeId), entries.employee.score);
      // A manager told again (an extension) keeps the time they were first told.
      if (entries.manager)
        tx.zadd(this.keys.byManager(teamId, entries.manager.managerId), 'NX', entries.manager.score, id);
      return tx.exec();
    });
  }

  async unindexRequest(
    teamId: string,
    id: string,
    statuses: readonly RequestStatus[],
    employeeId?: string,
    managerId?: string,
  ) {
    await this.#write((r) => {
      const tx = r.multi();
      for (const status of statuses) tx.zrem(this.keys.byStatus(teamId, status), id);
      if (employeeId !== undefined) tx.zrem(this.keys.byEmployee(teamId, employeeId), id);
      if (managerId !== undefined) tx.zrem(this.keys.byManager(teamId, managerId), id);
      return tx.exec();
    });
  }

  async statusRange(teamId: string, status: RequestStatus, after: IndexPosition | undefined, count: number) {
    const key = this.keys.byStatus(teamId, status);
    if (!after) {
      return pairs(
        await this.#run((r) => r.zrangebyscore(key, '-inf', '+inf', 'WITHSCORES', 'LIMIT', 0, count)),
      );
    }
    // Members with the cursor's own score come after it only if their id sorts after its id.
    const ties = pairs(
      await this.#run((r) => r.zrangebyscore(key, after.score, after.score, 'WITHSCORES')),
    ).filter((p) => p.id > after.id);
    if (ties.length >= count) return ties.slice(0, count);
    const later = pairs(
      await this.#run((r) =>
        r.zrangebyscore(key, `(${after.score}`, '+inf', 'WITHSCORES', 'LIMIT', 0, count - ties.length),
      ),
    );
    return [...ties, ...later];
  }

  employeeRequestIds(teamId: string, employeeId: string) {
    return this.#run((r) => r.zrangebyscore(this.keys.byEmployee(teamId, employeeId), '-inf', '+inf'));
  }

  managerRequestIds(teamId: string, managerId: string) {
    return this.#run((r) => r.zrangebyscore(this.keys.byManager(teamId, managerId), '-inf', '+inf'));
  }

  async hasLegacyDataKey(ref: KeyRef) {
    return (await this.#run((r) => r.exists(this.keys.legacyDataKey(ref)))) === 1;
  }

  async listAudit(teamId: string, requestId: string) {
    const entries = await this.#run((r) => r.xrange(this.keys.audit(teamId, requestId), '-', '+'));
    return entries.map(([, fields]) => fields[1] ?? '');
  }

  /** A write: sent like any command, then confirmed as safe as the durability policy asks. */
  async #write<T>(command: (redis: RedisClient & ScriptCommands) => Promise<T>): Promise<T> {
    const result = await this.#run(command);
    await this.#run(() => this.#confirm());
    return result;
  }

  /** Sends a command once the connection is ready; every failure leaves as a store error. */
  async #run<T>(command: (redis: RedisClient & ScriptCommands) => Promise<T>): Promise<T> {
    await this.#ready();
    try {
      return await command(this.#redis);
    } catch (error) {
      throw toStoreError(error);
    }
  }

  #ready(): Promise<void> {
    if (this.#closed) return Promise.reject(unavailable('the store is closed'));
    if (this.#redis.status === 'ready') return Promise.resolve();
    // One shared wait, however many callers are queued behind the reconnection.
    this.#waiting ??= new Promise<void>((resolve, reject) => {
      const onReady = () => {
        clearTimeout(timer);
        this.#waiting = undefined;
        resolve();
      };
      const timer = setTimeout(() => {
        this.#redis.off('ready', onReady);
        this.#waiting = undefined;
        reject(unavailable());
      }, this.connectWaitMs);
      this.#redis.once('ready', onReady);
    });
    return this.#waiting;
  }
}

function pairs(flat: string[]): IndexPosition[] {
  const out: IndexPosition[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) out.push({ id: flat[i] ?? '', score: Number(flat[i + 1]) });
  return out;
}

export function unavailable(detail = 'Redis is not reachable right now'): StoreUnavailableError {
  return new StoreUnavailableError(`${detail}; try again in a moment`);
}

/** Redis states that pass: the command may succeed if tried again shortly. */
const TRANSIENT_REPLIES = new Set(['LOADING', 'BUSY', 'MASTERDOWN', 'CLUSTERDOWN', 'TRYAGAIN', 'READONLY']);

/**
 * A fresh error with a fixed message. ioredis errors carry the command and its arguments (sealed
 * values) and sometimes connection details; none of that may reach a log, so nothing of the original
 * is kept but a Redis reply code.
 */
export function toStoreError(error: unknown): Error {
  if (
    error instanceof StoreUnavailableError ||
    error instanceof StoreNotDurableError ||
    error instanceof StoreCommandError
  )
    return error;
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : '';
  if (name === 'ReplyError') {
    const code = /^[A-Z]+/.exec(message)?.[0] ?? 'ERR';
    if (TRANSIENT_REPLIES.has(code)) return unavailable(`Redis is busy (${code})`);
    return new StoreCommandError(`Redis refused a command (${code})`);
  }
  return unavailable();
}
