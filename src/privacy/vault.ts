import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { refId as checkedRefId, type KeyRef, type KeyStore } from './key-store.js';
import { MASTER_KEY_BYTES, type MasterKey } from './master-keys.js';
import { secretBuffer, secretCopy } from './secret-bytes.js';
import {
  formatSealed,
  formatWrapped,
  ID_PATTERN,
  pad,
  parseSealed,
  parseWrapped,
  unpad,
} from './vault-format.js';

export { MASTER_KEY_BYTES, type MasterKey, MasterKeyConfigError, parseMasterKeys } from './master-keys.js';

/**
 * Field-level encryption for C2/C3 (DESIGN.md section 2, rule 2).
 *
 * Each request (and each draft) has its own random AES-256-GCM data key. The data key is stored only
 * wrapped (encrypted) by the active master key, in a KeyStore kept apart from the data (its own Redis,
 * its own persistence and backups). Deleting the wrapped key shreds the record: the values sealed
 * under it, wherever copies of them sit (the data Redis's AOF, snapshots, replicas, backups), can no
 * longer be opened once no copy of the key store still holds the key (see README, "How long data
 * lasts", for how long that is).
 *
 * Additional authenticated data binds each sealed value to its key ref and field name, so a value
 * copied to another request or another field fails to open instead of showing up in the wrong place.
 */

export type { KeyRef, KeyStore } from './key-store.js';

/** How long a ref's key and its tombstone live: the store decides, per kind of record. */
export interface KeyPolicy {
  /** Undefined: the key lives until it is shredded (a request's); otherwise it lapses with its record. */
  lifetimeMs(ref: KeyRef): number | undefined;
  /** Whether a shred leaves a tombstone (so no racing write can recreate the key), and for how long. */
  shred(ref: KeyRef): { final: boolean; ttlMs?: number };
}

const KEEP_FOREVER: KeyPolicy = { lifetimeMs: () => undefined, shred: () => ({ final: true }) };

export interface VaultOptions {
  /** Newest first: the first wraps new data keys, all of them unwrap. */
  readonly masterKeys: readonly MasterKey[];
  /**
   * How long an unwrapped data key may stay in this process's memory. Short on purpose: another
   * replica may shred the key, and until the entry lapses this process could still open values
   * it already holds ciphertext for. 0 turns the cache off.
   */
  readonly dataKeyCacheMs?: number;
  readonly now?: () => number;
}

export const DEFAULT_DATA_KEY_CACHE_MS = 10_000;

export class VaultError extends Error {
  override readonly name: string = 'VaultError';
}
/** The data key was deleted: what was sealed under it is gone for good. */
export class ShreddedError extends VaultError {
  override readonly name = 'ShreddedError';
}
/** A sealed value or wrapped key failed its check: altered, truncated, or moved to another record. */
export class VaultIntegrityError extends VaultError {
  override readonly name = 'VaultIntegrityError';
}
/** A wrapped key names a master key this process was not given (rotated out too early). */
export class UnknownMasterKeyError extends VaultError {
  override readonly name = 'UnknownMasterKeyError';
}

interface DataKey {
  readonly id: string;
  readonly key: Buffer;
}

interface CacheEntry {
  readonly dataKey: DataKey;
  readonly expiresAt: number;
}

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The vault as the stores use it: bound to master keys and to one KeyStore. */
export class Vault {
  readonly #masterKeys: ReadonlyMap<string, Buffer>;
  readonly #active: MasterKey;
  readonly #keyStore: KeyStore;
  readonly #policy: KeyPolicy;
  readonly #cacheMs: number;
  readonly #now: () => number;
  readonly #cache = new Map<string, CacheEntry>();
  /** Concurrent seals for one new record share one data key instead of racing to create several. */
  readonly #creating = new Map<string, Promise<DataKey>>();

  constructor(options: VaultOptions, keyStore: KeyStore, policy: KeyPolicy = KEEP_FOREVER) {
    const [active] = options.masterKeys;
    if (!active) throw new VaultError('the vault needs at least one master key');
    const keys = new Map<string, Buffer>();
    for (const { id, key } of options.masterKeys) {
      if (!ID_PATTERN.test(id)) throw new VaultError('a master key id may use only letters, digits, _ and -');
      if (key.length !== MASTER_KEY_BYTES) throw new VaultError(`master key "${id}" is not 32 bytes`);
      if (keys.has(id)) throw new VaultError(`master key id "${id}" is used twice`);
      keys.set(id, secretCopy(key));
    }
    this.#masterKeys = keys;
    this.#active = { id: active.id, key: keys.get(active.id) ?? active.key };
    this.#keyStore = keyStore;
    this.#policy = policy;
    // Another process shredded a key: drop this process's copy now, not when the cache lapses.
    void keyStore.onShred((ref) => this.#forget(ref));
    this.#cacheMs = options.dataKeyCacheMs ?? DEFAULT_DATA_KEY_CACHE_MS;
    this.#now = options.now ?? Date.now;
  }

  /** The id of the master key new data keys are wrapped with (the first configured). */
  get activeMasterKeyId(): string {
    return this.#active.id;
  }

  /** Where the wrapped keys live: the store asks it which records still have a key. */
  get keyStore(): KeyStore {
    return this.#keyStore;
  }

  /** Encrypts one field's text under the ref's data key, creating the key on first use. */
  async seal(ref: KeyRef, field: string, plaintext: string): Promise<string> {
    const dataKey = await this.#dataKeyForSealing(ref);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, dataKey.key, iv);
    cipher.setAAD(sealedAad(ref, field, dataKey.id, true));
    const padded = pad(Buffer.from(plaintext, 'utf8'));
    const body = Buffer.concat([cipher.update(padded), cipher.final(), cipher.getAuthTag()]);
    padded.fill(0);
    dataKey.key.fill(0);
    return formatSealed({ padded: true, dataKeyId: dataKey.id, iv, body });
  }

  /** Decrypts a value sealed for this ref and field. Throws ShreddedError once the key is deleted. */
  async open(ref: KeyRef, field: string, sealed: string): Promise<string> {
    const parts = parseSealed(sealed);
    if (!parts || parts.body.length < TAG_BYTES || parts.iv.length !== IV_BYTES) {
      throw new VaultIntegrityError(`a sealed value for "${field}" is malformed`);
    }
    const dataKey = await this.#dataKeyForOpening(ref, parts.dataKeyId);
    const decipher = createDecipheriv(ALGORITHM, dataKey.key, parts.iv);
    decipher.setAAD(sealedAad(ref, field, dataKey.id, parts.padded === true));
    decipher.setAuthTag(parts.body.subarray(parts.body.length - TAG_BYTES));
    let plain: Buffer;
    try {
      plain = Buffer.concat([
        decipher.update(parts.body.subarray(0, parts.body.length - TAG_BYTES)),
        decipher.final(),
      ]);
    } catch {
      // Node's message is generic, but a fresh one guarantees nothing of the input travels on.
      throw new VaultIntegrityError(`a sealed value for "${field}" failed its integrity check`);
    } finally {
      dataKey.key.fill(0);
    }
    const text = parts.padded ? unpad(plain) : plain;
    if (!text) throw new VaultIntegrityError(`a sealed value for "${field}" has broken padding`);
    const result = text.toString('utf8');
    plain.fill(0);
    return result;
  }

  /**
   * Deletes the data key (a tombstone takes its place where the policy says so). What was sealed
   * under it cannot be opened once no copy of the key store still holds the key: README, "How long
   * data lasts".
   */
  async shred(ref: KeyRef): Promise<void> {
    this.#forget(ref);
    await this.#keyStore.deleteWrappedKey(ref, this.#policy.shred(ref));
    // A seal racing with the shred in this process must not leave a key behind in the cache.
    this.#forget(ref);
  }

  /**
   * Re-wraps the ref's data key with the active master key (rotation). The data key itself and so
   * every sealed value stay as they are. True if the stored wrapped key changed.
   */
  async rewrap(ref: KeyRef): Promise<boolean> {
    const wrapped = await this.#keyStore.getWrappedKey(ref);
    if (wrapped === null) return false;
    const parts = parseWrapped(wrapped);
    if (parts?.masterKeyId === this.#active.id) return false;
    const dataKey = this.#unwrap(ref, wrapped);
    const rewrapped = this.#wrap(ref, dataKey);
    dataKey.key.fill(0);
    // Compare-and-replace: a shred (or another rewrap) in between wins; the old key is not revived.
    return this.#keyStore.replaceWrappedKey(ref, wrapped, rewrapped);
  }

  /**
   * Start-up check: each configured master key must be the key that was first used under its id.
   * A key check value (an HMAC of a fixed text, which reveals nothing of the key) is kept per id in
   * the key store; a key whose value differs could not open what its id wrapped, so start-up stops
   * instead of failing on every read. A new id's value is recorded.
   */
  async verifyMasterKeys(): Promise<void> {
    const problems: string[] = [];
    for (const [id, key] of this.#masterKeys) {
      const mine = keyCheckValue(key);
      const stored = await this.#keyStore.getMeta(`kcv-${id}`);
      if (stored === null) await this.#keyStore.setMeta(`kcv-${id}`, mine);
      else if (stored !== mine) problems.push(id);
    }
    if (problems.length > 0) {
      throw new VaultError(
        `VAULT_MASTER_KEYS: the key under id ${problems.map((id) => `"${id}"`).join(', ')} is not the key stored data was wrapped with under that id; restore the original key (a new key needs a new id, at the front of the list)`,
      );
    }
  }

  /** The master key id a ref's data key is wrapped with, or null if it has none (or was shredded). */
  async masterKeyIdOf(ref: KeyRef): Promise<string | null> {
    const wrapped = await this.#keyStore.getWrappedKey(ref);
    return wrapped === null ? null : (parseWrapped(wrapped)?.masterKeyId ?? null);
  }

  async #dataKeyForSealing(ref: KeyRef): Promise<DataKey> {
    const cached = this.#cached(ref);
    if (cached) return cached;
    const id = refId(ref);
    let creation = this.#creating.get(id);
    if (!creation) {
      creation = this.#loadOrCreate(ref).finally(() => this.#creating.delete(id));
      this.#creating.set(id, creation);
      // Every caller waiting on it copies the key in a microtask; the shared bytes are zeroed after.
      creation.then(
        (shared) => setImmediate(() => shared.key.fill(0)),
        () => {},
      );
    }
    const shared = await creation;
    return { id: shared.id, key: secretCopy(shared.key) };
  }

  async #loadOrCreate(ref: KeyRef): Promise<DataKey> {
    const existing = await this.#keyStore.getWrappedKey(ref);
    if (existing !== null) return this.#remember(ref, this.#unwrap(ref, existing));
    const fresh: DataKey = {
      id: randomBytes(6).toString('base64url'),
      key: secretCopy(randomBytes(32), true),
    };
    if (await this.#keyStore.createWrappedKey(ref, this.#wrap(ref, fresh), this.#policy.lifetimeMs(ref)))
      return this.#remember(ref, fresh);
    // Another process created one first: use theirs, so every field of a record shares one key.
    const winner = await this.#keyStore.getWrappedKey(ref);
    if (winner === null) throw new ShreddedError('the record was deleted while it was being saved');
    return this.#remember(ref, this.#unwrap(ref, winner));
  }

  async #dataKeyForOpening(ref: KeyRef, dataKeyId: string): Promise<DataKey> {
    const cached = this.#cached(ref);
    if (cached?.id === dataKeyId) return cached;
    cached?.key.fill(0);
    const wrapped = await this.#keyStore.getWrappedKey(ref);
    if (wrapped === null)
      throw new ShreddedError('this record was deleted; its private fields cannot be read');
    const dataKey = this.#remember(ref, this.#unwrap(ref, wrapped));
    // Sealed under another data key: copied from another record, or sealed before this ref's key
    // was shredded and replaced. Either way it does not belong here and must not open.
    if (dataKey.id !== dataKeyId) {
      dataKey.key.fill(0);
      throw new VaultIntegrityError("a sealed value was not sealed under this record's key");
    }
    return dataKey;
  }

  #wrap(ref: KeyRef, dataKey: DataKey): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.#active.key, iv);
    cipher.setAAD(wrappedAad(ref, this.#active.id, dataKey.id));
    // Ciphertext only: it may sit in the shared pool.
    const body = Buffer.concat([cipher.update(dataKey.key), cipher.final(), cipher.getAuthTag()]);
    return formatWrapped({ masterKeyId: this.#active.id, dataKeyId: dataKey.id, iv, body });
  }

  #unwrap(ref: KeyRef, wrapped: string): DataKey {
    const parts = parseWrapped(wrapped);
    if (!parts || parts.body.length !== 32 + TAG_BYTES || parts.iv.length !== IV_BYTES) {
      throw new VaultIntegrityError('a stored data key is malformed');
    }
    const masterKey = this.#masterKeys.get(parts.masterKeyId);
    if (!masterKey) {
      throw new UnknownMasterKeyError(
        `a data key is wrapped with master key "${parts.masterKeyId}", which is not configured; keep it in VAULT_MASTER_KEYS until every key is rewrapped`,
      );
    }
    const decipher = createDecipheriv(ALGORITHM, masterKey, parts.iv);
    decipher.setAAD(wrappedAad(ref, parts.masterKeyId, parts.dataKeyId));
    decipher.setAuthTag(parts.body.subarray(32));
    // GCM hands out the decrypted bytes before it checks them: they are wiped whatever happens.
    const head = decipher.update(parts.body.subarray(0, 32));
    try {
      const tail = decipher.final();
      const key = secretBuffer(32);
      head.copy(key);
      tail.copy(key, head.length);
      tail.fill(0);
      return { id: parts.dataKeyId, key };
    } catch {
      throw new VaultIntegrityError('a stored data key failed its integrity check');
    } finally {
      head.fill(0);
    }
  }

  #cached(ref: KeyRef): DataKey | undefined {
    const id = refId(ref);
    const entry = this.#cache.get(id);
    if (!entry) return undefined;
    // Callers get a copy: the cached bytes are zeroed on shred, possibly while a caller awaits.
    if (entry.expiresAt > this.#now()) return { id: entry.dataKey.id, key: secretCopy(entry.dataKey.key) };
    this.#forget(ref);
    return undefined;
  }

  #remember(ref: KeyRef, dataKey: DataKey): DataKey {
    if (this.#cacheMs > 0) {
      const id = refId(ref);
      this.#cache.get(id)?.dataKey.key.fill(0);
      const entry = {
        dataKey: { id: dataKey.id, key: secretCopy(dataKey.key) },
        expiresAt: this.#now() + this.#cacheMs,
      };
      this.#cache.set(id, entry);
      // Zeroed when it lapses, not when the ref is next used (which may be never).
      setTimeout(() => {
        if (this.#cache.get(id) === entry) this.#forget(ref);
      }, this.#cacheMs).unref();
    }
    return dataKey;
  }

  #forget(ref: KeyRef): void {
    const id = refId(ref);
    // Zero the bytes too: a key left for the garbage collector lingers in the heap for a while.
    this.#cache.get(id)?.dataKey.key.fill(0);
    this.#cache.delete(id);
  }
}

function refId(ref: KeyRef): string {
  try {
    return checkedRefId(ref);
  } catch (error) {
    throw new VaultError((error as Error).message);
  }
}

function keyCheckValue(key: Buffer): string {
  return createHmac('sha256', key)
    .update('accommodation-assistant key check value')
    .digest('base64url')
    .slice(0, 22);
}

function sealedAad(ref: KeyRef, field: string, dataKeyId: string, padded: boolean): Buffer {
  return Buffer.from(`${padded ? 'aa2' : 'aa1'}|${refId(ref)}|${field}|${dataKeyId}`, 'utf8');
}

function wrappedAad(ref: KeyRef, masterKeyId: string, dataKeyId: string): Buffer {
  return Buffer.from(`aaw1|${refId(ref)}|${masterKeyId}|${dataKeyId}`, 'utf8');
}
