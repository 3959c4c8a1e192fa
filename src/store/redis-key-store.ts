import { Redis, type RedisOptions } from 'ioredis';
import { type CompactionReport, type KeyRef, type KeyStore, refId, TOMBSTONE } from '../privacy/key-store.js';
import { DEFAULT_KEY_PREFIX, segment } from './keys.js';
import { connectionOptions, toStoreError, unavailable } from './redis-store.js';

export interface RedisKeyStoreOptions {
  /** KEYSTORE_URL: a Redis of its own, never the data Redis. Never echoed in any message. */
  readonly url: string;
  readonly keyPrefix?: string;
  readonly connectWaitMs?: number;
  readonly connection?: RedisOptions;
  /** After a shred, how long to gather more shreds before rewriting the persistence files. */
  readonly compactAfterMs?: number;
  /** Told when a background rewrite fails (logged by the caller, without details). */
  readonly onCompactionError?: (error: Error) => void;
}

export const DEFAULT_COMPACT_AFTER_MS = 10_000;
/** How long `compact` waits for one server to finish a rewrite before giving up. */
const REWRITE_WAIT_MS = 120_000;

/**
 * Wrapped data keys in a Redis of their own (KEYSTORE_URL), apart from the data's persistence and
 * backups. Deleting a key here is what makes a purge final, so after shreds this store rewrites its
 * own AOF and snapshot (and its replicas'): from then on no file the key store keeps holds the key,
 * and the bound on recovery is how long its backups are kept (README, "How long data lasts").
 *
 * Keys:
 *   <prefix>:{<scope>}:dek:<name>      the wrapped key, or the tombstone `shredded`
 *   <prefix>:keystore:meta:<name>      key check values (rotation, start-up check)
 *   <prefix>:keystore:rewrite-due      set by a shred, cleared by the rewrite that covers it
 *   <prefix>:keystore:shreds           pub/sub channel: the ref of each shred, to every process
 */
export class RedisKeyStore implements KeyStore {
  readonly #redis: Redis;
  readonly #url: string;
  readonly #prefix: string;
  readonly #connectWaitMs: number;
  readonly #connection: RedisOptions | undefined;
  readonly #compactAfterMs: number;
  readonly #onCompactionError: (error: Error) => void;
  readonly #listeners: ((ref: KeyRef) => void)[] = [];
  #subscriber: Redis | undefined;
  #subscribed: Promise<void> = Promise.resolve();
  #timer: NodeJS.Timeout | undefined;
  #compacting: Promise<CompactionReport> | undefined;
  #closed = false;

  constructor(options: RedisKeyStoreOptions) {
    this.#url = options.url;
    this.#prefix = options.keyPrefix ?? DEFAULT_KEY_PREFIX;
    this.#connectWaitMs = options.connectWaitMs ?? 1000;
    this.#connection = options.connection;
    this.#compactAfterMs = options.compactAfterMs ?? DEFAULT_COMPACT_AFTER_MS;
    this.#onCompactionError = options.onCompactionError ?? (() => {});
    this.#redis = new Redis(options.url, connectionOptions(options.connection));
    this.#redis.on('error', () => {});
    // A shred whose rewrite never ran (the process stopped first) is finished now.
    void this.#run((r) => r.exists(this.#rewriteDue))
      .then((due) => {
        if (due === 1) this.#scheduleCompaction();
      })
      .catch(() => {});
  }

  get #rewriteDue() {
    return `${this.#prefix}:keystore:rewrite-due`;
  }

  get #channel() {
    return `${this.#prefix}:keystore:shreds`;
  }

  #key(ref: KeyRef): string {
    refId(ref);
    return `${this.#prefix}:{${ref.scope}}:dek:${ref.name}`;
  }

  async getWrappedKey(ref: KeyRef) {
    const value = await this.#run((r) => r.get(this.#key(ref)));
    return value === TOMBSTONE ? null : value;
  }

  async createWrappedKey(ref: KeyRef, wrapped: string, ttlMs?: number) {
    const key = this.#key(ref);
    // NX: a tombstone counts as a key, so a shredded ref is never given a fresh one.
    const reply = await this.#run((r) =>
      ttlMs === undefined ? r.set(key, wrapped, 'NX') : r.set(key, wrapped, 'PX', ttlMs, 'NX'),
    );
    return reply === 'OK';
  }

  async replaceWrappedKey(ref: KeyRef, expected: string, wrapped: string) {
    const reply = await this.#run((r) =>
      r.eval(
        `if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'KEEPTTL')
return 1`,
        1,
        this.#key(ref),
        expected,
        wrapped,
      ),
    );
    return reply === 1;
  }

  async deleteWrappedKey(ref: KeyRef, options: { final?: boolean; ttlMs?: number } = {}) {
    const key = this.#key(ref);
    await this.#run((r) => {
      const tx = r.multi();
      if (!options.final) tx.del(key);
      else if (options.ttlMs === undefined) tx.set(key, TOMBSTONE);
      else tx.set(key, TOMBSTONE, 'PX', options.ttlMs);
      return tx.set(this.#rewriteDue, '1').exec();
    });
    await this.#run((r) => r.publish(this.#channel, refId(ref))).catch(() => {});
    this.#scheduleCompaction();
  }

  async hasWrappedKeys(refs: readonly KeyRef[]) {
    if (refs.length === 0) return [];
    const values = await this.#run((r) => Promise.all(refs.map((ref) => r.get(this.#key(ref)))));
    return values.map((value) => value !== null && value !== TOMBSTONE);
  }

  async extendWrappedKeys(refs: readonly KeyRef[], ttlMs: number) {
    if (refs.length === 0) return;
    await this.#run((r) =>
      Promise.all(
        refs.map((ref) =>
          r.eval(
            // A tombstone keeps its own lifetime: extending it would only delay nothing.
            `local v = redis.call('GET', KEYS[1])
if v and v ~= ARGV[2] then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return 1`,
            1,
            this.#key(ref),
            String(ttlMs),
            TOMBSTONE,
          ),
        ),
      ),
    );
  }

  async *wrappedKeys() {
    for await (const page of this.#pages()) {
      const values = await this.#run((r) => r.mget(...page.map(([key]) => key)));
      for (const [i, [, ref]] of page.entries()) {
        const wrapped = values[i];
        if (wrapped && wrapped !== TOMBSTONE) yield { ref, wrapped };
      }
    }
  }

  async *refs() {
    for await (const page of this.#pages()) for (const [, ref] of page) yield ref;
  }

  /** The data key names, a SCAN page at a time, with the ref each stands for. */
  async *#pages(): AsyncGenerator<[string, KeyRef][]> {
    const pattern = `${this.#prefix}:{*}:dek:*`;
    const head = `${this.#prefix}:{`;
    let cursor = '0';
    do {
      const [next, keys] = await this.#run((r) => r.scan(cursor, 'MATCH', pattern, 'COUNT', 500));
      cursor = next;
      const page: [string, KeyRef][] = [];
      for (const key of keys) {
        const close = key.lastIndexOf('}:dek:');
        if (!key.startsWith(head) || close < 0) continue;
        page.push([key, { scope: key.slice(head.length, close), name: key.slice(close + 6) }]);
      }
      if (page.length > 0) yield page;
    } while (cursor !== '0');
  }

  onShred(listener: (ref: KeyRef) => void): Promise<void> {
    this.#listeners.push(listener);
    if (this.#subscriber) return this.#subscribed;
    // Subscribing needs a connection of its own; it queues while (re)connecting, unlike commands.
    const subscriber = new Redis(this.#url, { ...this.#connection, lazyConnect: false });
    subscriber.on('error', () => {});
    subscriber.on('message', (_channel: string, id: string) => {
      const slash = id.lastIndexOf('/');
      if (slash < 1) return;
      const ref = { scope: id.slice(0, slash), name: id.slice(slash + 1) };
      for (const notify of this.#listeners) notify(ref);
    });
    this.#subscribed = subscriber.subscribe(this.#channel).then(
      () => undefined,
      () => undefined,
    );
    this.#subscriber = subscriber;
    return this.#subscribed;
  }

  /**
   * Rewrites the AOF (BGREWRITEAOF) and the snapshot (BGSAVE, when snapshots are configured) of the
   * key store and of each replica it reports, after the replicas have applied every shred. A rewrite
   * already running started before the latest shreds, so it is waited for and a new one started.
   */
  compact(): Promise<CompactionReport> {
    // Calls made while one runs wait for it and then run once more: theirs may have come later.
    const previous = this.#compacting ?? Promise.resolve({ rewritten: [] });
    const run = previous
      .catch(() => undefined)
      .then(() => this.#compactNow())
      .catch(async (error: unknown) => {
        // Still due: the next shred, or the next start, tries again.
        await this.#redis.set(this.#rewriteDue, '1').catch(() => undefined);
        throw error;
      });
    this.#compacting = run;
    void run
      .finally(() => {
        if (this.#compacting === run) this.#compacting = undefined;
      })
      .catch(() => {});
    return run;
  }

  async #compactNow(): Promise<CompactionReport> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    // Cleared first: a shred landing during the rewrite sets it again and is covered by the next one.
    await this.#run((r) => r.del(this.#rewriteDue));
    const replicas = await this.#replicaUrls();
    if (replicas.length > 0) await this.#run((r) => r.wait(replicas.length, 1500));
    const rewritten = await rewriteServer(this.#redis, this.#label(this.#url));
    for (const url of replicas) {
      const replica = new Redis(url, { ...connectionOptions(this.#connection), commandTimeout: 5000 });
      replica.on('error', () => {});
      try {
        rewritten.push(...(await rewriteServer(replica, this.#label(url))));
      } catch (error) {
        throw toStoreError(error);
      } finally {
        replica.disconnect();
      }
    }
    return { rewritten };
  }

  async getMeta(name: string) {
    return this.#run((r) => r.get(`${this.#prefix}:keystore:meta:${segment(name)}`));
  }

  async setMeta(name: string, value: string) {
    await this.#run((r) => r.set(`${this.#prefix}:keystore:meta:${segment(name)}`, value));
  }

  async close() {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    // A rewrite under way finishes first: it may be the one that makes a shred final on disk.
    await this.#compacting?.catch(() => undefined);
    this.#closed = true;
    this.#subscriber?.disconnect();
    if (this.#redis.status === 'ready') await this.#redis.quit().catch(() => this.#redis.disconnect());
    else this.#redis.disconnect();
  }

  #scheduleCompaction() {
    if (this.#timer || this.#closed) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.compact().catch((error: unknown) =>
        this.#onCompactionError(error instanceof Error ? error : new Error('rewrite failed')),
      );
    }, this.#compactAfterMs);
    this.#timer.unref();
  }

  /** Replicas as the primary reports them, reached with the primary's credentials and TLS. */
  async #replicaUrls(): Promise<string[]> {
    const info = await this.#run((r) => r.info('replication'));
    const urls: string[] = [];
    for (const match of info.matchAll(/^slave\d+:ip=([^,]+),port=(\d+)/gm)) {
      const url = new URL(this.#url);
      url.hostname = match[1] ?? '';
      url.port = match[2] ?? '';
      urls.push(url.toString());
    }
    return urls;
  }

  /** host:port only: the URL may hold a password. */
  #label(url: string): string {
    const { hostname, port } = new URL(url);
    return `${hostname}:${port || '6379'}`;
  }

  async #run<T>(command: (redis: Redis) => Promise<T>): Promise<T> {
    if (this.#closed) throw unavailable('the key store is closed');
    if (this.#redis.status !== 'ready') await waitReady(this.#redis, this.#connectWaitMs);
    try {
      return await command(this.#redis);
    } catch (error) {
      throw toStoreError(error);
    }
  }
}

function waitReady(redis: Redis, ms: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onReady = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      redis.off('ready', onReady);
      reject(unavailable('the key store is not reachable right now'));
    }, ms);
    redis.once('ready', onReady);
  });
}

/** One server: AOF rewrite if the AOF is on, then a fresh snapshot if snapshots are configured. */
async function rewriteServer(redis: Redis, label: string): Promise<string[]> {
  if (redis.status !== 'ready') await waitReady(redis, 5000);
  const done: string[] = [];
  let info = await persistence(redis);
  info = await settle(redis, info);
  if (info.aof_enabled === '1') {
    await startWhenFree(redis, () => redis.bgrewriteaof());
    info = await settle(redis, await persistence(redis));
    if (info.aof_last_bgrewrite_status !== 'ok') throw new Error(`${label}: the AOF rewrite failed`);
    done.push(`${label} aof`);
  }
  if (await takesSnapshots(redis)) {
    await startWhenFree(redis, () => redis.bgsave());
    info = await settle(redis, await persistence(redis));
    if (info.rdb_last_bgsave_status !== 'ok') throw new Error(`${label}: the snapshot failed`);
    done.push(`${label} rdb`);
  }
  return done;
}

/**
 * Starts a background rewrite. Another process (a second replica of the app, Redis's own automatic
 * rewrite) may have started one since we looked: that one began before our shreds, so wait for it
 * and start ours after.
 */
async function startWhenFree(redis: Redis, start: () => Promise<unknown>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await start();
      return;
    } catch (error) {
      const busy = error instanceof Error && /in progress|child process/i.test(error.message);
      if (!busy || attempt >= 20) throw error;
      await settle(redis, await persistence(redis));
    }
  }
}

/** Waits until no rewrite or snapshot is running or scheduled on the server. */
async function settle(redis: Redis, first: Record<string, string>): Promise<Record<string, string>> {
  let info = first;
  const until = Date.now() + REWRITE_WAIT_MS;
  while (
    info.aof_rewrite_in_progress === '1' ||
    info.aof_rewrite_scheduled === '1' ||
    info.rdb_bgsave_in_progress === '1'
  ) {
    if (Date.now() > until) throw new Error('a rewrite of the key store did not finish in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
    info = await persistence(redis);
  }
  return info;
}

async function persistence(redis: Redis): Promise<Record<string, string>> {
  const text = await redis.info('persistence');
  return Object.fromEntries(
    text
      .split(/\r?\n/)
      .filter((line) => line.includes(':'))
      .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1)]),
  );
}

/** `save ""` turns snapshots off; a server that refuses CONFIG (managed Redis) is assumed to take them. */
async function takesSnapshots(redis: Redis): Promise<boolean> {
  try {
    const reply = (await redis.config('GET', 'save')) as string[];
    return (reply[1] ?? '').trim().length > 0;
  } catch {
    return true;
  }
}
