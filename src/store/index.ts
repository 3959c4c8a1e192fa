import type { VaultOptions } from '../privacy/vault.js';
import type { DurabilityPolicy } from './durability.js';
import { createMemoryStore } from './memory-store.js';
import { createRedisStore } from './redis-store.js';
import type { SealedStore } from './sealed-store.js';

export {
  CorruptRecordError,
  InvalidRecordError,
  RequestNotFoundError,
  StoreCommandError,
} from './errors.js';
export {
  type AuditLog,
  type ConversationStore,
  type Page,
  type ProfileStore,
  RequestExistsError,
  type RequestStore,
  type RequestSummary,
  type Store,
  StoreUnavailableError,
  VersionConflictError,
} from './types.js';

interface CommonOptions {
  /** Master keys for the vault (config's VAULT_MASTER_KEYS, parsed), newest first. */
  readonly vault: VaultOptions;
  /** Prefix of every key, default `aa`. */
  readonly keyPrefix?: string;
  /** Idle time after which a conversation and its draft are gone; default 14 days. */
  readonly conversationTtlSeconds?: number;
}

export type StoreOptions =
  | (CommonOptions & {
      readonly kind: 'redis';
      /** May hold a password; it is never echoed. */
      readonly url: string;
      /** KEYSTORE_URL: the Redis that holds the data keys, apart from `url`'s persistence and backups. */
      readonly keyStoreUrl: string;
      /** PSEUDONYM_KEY: user ids in Redis key names are keyed hashes under it. */
      readonly pseudonymKey: Buffer;
      /** Told when the key store's rewrite after a purge fails. */
      readonly onKeyStoreError?: (error: Error) => void;
      /** How long a command waits for a (re)connection before StoreUnavailableError; default 1000. */
      readonly connectWaitMs?: number;
      /** What a write waits for before it counts as saved (REDIS_DURABILITY); default none. */
      readonly durability?: DurabilityPolicy;
    })
  | (CommonOptions & {
      /** In-process maps: the zero-setup demo only (not shared between processes, gone on exit). */
      readonly kind: 'memory';
      /** Injectable clock (ms since epoch), for idle expiry in tests. */
      readonly clock?: () => number;
    });

/**
 * The one way to build a store. The returned store also exposes `vault` (seal, open, shred, rewrap
 * with the store's own key storage) and `backend`, for maintenance tools such as key rotation.
 */
export function createStore(options: StoreOptions): SealedStore {
  return options.kind === 'redis'
    ? createRedisStore({ ...options, keyStore: { url: options.keyStoreUrl } })
    : createMemoryStore(options);
}

export type { SealedStore };
