import type { KeyRef, KeyStore } from '../privacy/key-store.js';
import { formatOf, RECORD_VERSION } from './codec.js';
import { isConversationKeyRef, isPseudonym } from './keys.js';
import type { RedisClient } from './redis-connection.js';
import { primariesOf } from './redis-connection.js';
import type { SealedStore } from './sealed-store.js';
import { MIN_FORMAT_META } from './sealed-store.js';

export interface MigrationReport {
  /** Wrapped data keys moved out of the data Redis into the key store. */
  readonly dataKeysMoved: number;
  /** Keys named with a plain user id, renamed to the keyed hash (conversations, profiles, lists). */
  readonly keysRenamed: number;
  /**
   * Data keys in the key store named with a plain user id (a conversation's), gone: their
   * conversation resealed under keys named with the keyed hash, or deleted when nothing used them.
   */
  readonly keyStoreNamesRemoved: number;
  /** Old-format records rewritten in the current format. */
  readonly requestsRewritten: number;
  readonly conversationsRewritten: number;
  /** Records that could not be read (their key is gone, or they are damaged): left as they are. */
  readonly unreadable: number;
}

/**
 * The one-off upgrade of stored data to this version, safe to run again:
 *   0. keys named with a plain Slack user id get the keyed-hash name (PSEUDONYM_KEY), in the data
 *      Redis and in the key store (a conversation is resealed under data keys so named, and the
 *      old names are deleted, tombstones included);
 *   1. data keys kept beside their records in the data Redis (before KEYSTORE_URL existed) move to
 *      the key store, with their remaining lifetime, and leave the data Redis;
 *   2. every request in an older format is read and written again in format 4, and every
 *      conversation in format 3 (the plain disclosure choice of format 1, the plain schedule and
 *      working pattern of 1 and 2, and the plain documentation asked for, denial reason and ground,
 *      extension date and outcome and sharing choices of 1 to 3 are sealed now, not at their next
 *      write);
 *   3. every workspace with a status index is put on the list of workspaces with requests, which
 *      the retention sweep covers (versions before it swept only the bot token's workspace);
 *   4. the key store notes that format 4 is the oldest served (3 for conversations, whose newest it
 *      is): from then on an old-format record (which could only be one assembled by hand from old
 *      sealed values) is refused.
 * The data Redis's own AOF and backups still hold the old keys and formats until they are rewritten
 * and expire: README, "How long data lasts".
 */
export async function migrateStoredData(
  store: SealedStore,
  dataRedis: RedisClient,
  keyPrefix: string,
): Promise<MigrationReport> {
  const keyStore = store.vault.keyStore;
  const dataKeysMoved = await moveDataKeys(dataRedis, keyPrefix, keyStore);
  const keysRenamed = await renameUserKeys(dataRedis, store, keyPrefix);
  let requestsRewritten = 0;
  let conversationsRewritten = 0;
  let unreadable = 0;

  for await (const [, raw] of values(dataRedis, `${keyPrefix}:{*}:req`, 'hash')) {
    const format = formatOf(raw);
    if (format === null || format >= RECORD_VERSION) continue;
    const { teamId, id } = JSON.parse(raw) as { teamId?: unknown; id?: unknown };
    if (typeof teamId !== 'string' || typeof id !== 'string') {
      unreadable++;
      continue;
    }
    try {
      // Read in the old format, written unchanged in the new (version + 1).
      await store.rewriteRequest(teamId, id);
      requestsRewritten++;
    } catch {
      unreadable++;
    }
  }

  let keyStoreNamesRemoved = 0;
  for await (const [, raw] of values(dataRedis, `${keyPrefix}:{*}:conv`, 'string')) {
    if (formatOf(raw) === null) continue;
    const { teamId, userId } = JSON.parse(raw) as { teamId?: unknown; userId?: unknown };
    if (typeof teamId !== 'string' || typeof userId !== 'string') {
      unreadable++;
      continue;
    }
    try {
      const outcome = await store.rewriteConversation(teamId, userId);
      if (outcome.rewritten) conversationsRewritten++;
      keyStoreNamesRemoved += outcome.keyNamesRemoved;
    } catch {
      unreadable++;
    }
  }
  keyStoreNamesRemoved += await removeUnusedUserKeyNames(store);

  await listTeamsWithRequests(dataRedis, store, keyPrefix);
  if (unreadable === 0) await keyStore.setMeta(MIN_FORMAT_META, String(RECORD_VERSION));
  return {
    dataKeysMoved,
    keysRenamed,
    keyStoreNamesRemoved,
    requestsRewritten,
    conversationsRewritten,
    unreadable,
  };
}

/** `<prefix>:{<scope>}:dek:<name>` in the data Redis -> the key store, then deleted there. */
async function moveDataKeys(dataRedis: RedisClient, keyPrefix: string, keyStore: KeyStore): Promise<number> {
  let moved = 0;
  const head = `${keyPrefix}:{`;
  for await (const [key, wrapped] of values(dataRedis, `${keyPrefix}:{*}:dek:*`, 'string')) {
    const close = key.lastIndexOf('}:dek:');
    if (!key.startsWith(head) || close < 0) continue;
    const ref = { scope: key.slice(head.length, close), name: key.slice(close + 6) };
    const ttl = await dataRedis.pttl(key);
    // NX: a key (or a tombstone) already in the key store wins; the data Redis's copy just goes.
    await keyStore.createWrappedKey(ref, wrapped, ttl > 0 ? ttl : undefined);
    await dataRedis.del(key);
    moved++;
  }
  return moved;
}

/**
 * `<prefix>:{team:user}:conv|profile|app-posts` and `<prefix>:{team}:by-employee:<user>` named with
 * a plain user id move to the names the store uses now (DUMP and RESTORE, lifetime kept: in a
 * cluster the new name may be in another slot). A name already taken keeps what it holds.
 */
async function renameUserKeys(
  dataRedis: RedisClient,
  store: SealedStore,
  keyPrefix: string,
): Promise<number> {
  const keys = store.backend.keys;
  let renamed = 0;
  const decode = (part: string) =>
    part.startsWith('~') ? Buffer.from(part.slice(1), 'base64url').toString('utf8') : part;
  for (const node of primariesOf(dataRedis)) {
    let cursor = '0';
    do {
      const [next, found] = await node.scan(cursor, 'MATCH', `${keyPrefix}:{*`, 'COUNT', 500);
      cursor = next;
      for (const key of found) {
        const person = /^[^{]*\{([^:}]+):([^:}]+)\}:(conv|profile|app-posts)$/.exec(key);
        const listed = /^[^{]*\{([^:}]+)\}:by-employee:([^:]+)$/.exec(key);
        let target: string | undefined;
        if (person?.[1] && person[2] && person[3]) {
          if (isPseudonym(person[2])) continue;
          const [team, user] = [decode(person[1]), decode(person[2])];
          const kind = person[3];
          target =
            kind === 'conv'
              ? keys.conversation(team, user)
              : kind === 'profile'
                ? keys.profile(team, user)
                : keys.appPosts(team, user);
        } else if (listed?.[1] && listed[2] && !isPseudonym(listed[2])) {
          target = keys.byEmployee(decode(listed[1]), decode(listed[2]));
        }
        if (!target || target === key) continue;
        const payload = await node.dumpBuffer(key);
        if (payload === null) continue;
        const ttl = await node.pttl(key);
        if ((await dataRedis.exists(target)) === 0) {
          await dataRedis.restore(target, ttl > 0 ? ttl : 0, payload);
        }
        await node.del(key);
        renamed++;
      }
    } while (cursor !== '0');
  }
  return renamed;
}

/** `<prefix>:{<team>}:by-status:<status>` names a workspace that has requests: list it (kept if listed). */
async function listTeamsWithRequests(dataRedis: RedisClient, store: SealedStore, keyPrefix: string) {
  const teams = new Set<string>();
  for (const node of primariesOf(dataRedis)) {
    let cursor = '0';
    do {
      const [next, found] = await node.scan(cursor, 'MATCH', `${keyPrefix}:{*}:by-status:*`, 'COUNT', 500);
      cursor = next;
      for (const key of found) {
        const team = /^[^{]*\{([^:}]+)\}:by-status:/.exec(key)?.[1];
        if (team)
          teams.add(team.startsWith('~') ? Buffer.from(team.slice(1), 'base64url').toString('utf8') : team);
      }
    } while (cursor !== '0');
  }
  for (const team of teams) await store.backend.noteTeam(team, Date.now());
}

/**
 * Conversation data keys still named with a plain user id once every conversation is resealed:
 * keys of conversations that lapsed, and tombstones of discarded drafts. Nothing reads them any
 * more (the app names those keys after the keyed hash), so they go, tombstones too.
 */
async function removeUnusedUserKeyNames(store: SealedStore): Promise<number> {
  const keys = store.backend.keys;
  // Without PSEUDONYM_KEY (stores whose names never leave the process) user ids are the names.
  if (!isPseudonym(keys.person('T', 'U'))) return 0;
  const keyStore = store.vault.keyStore;
  const stale: KeyRef[] = [];
  for await (const ref of keyStore.refs()) {
    const person = ref.scope.slice(ref.scope.indexOf(':') + 1);
    if (isConversationKeyRef(ref) && !isPseudonym(person)) stale.push(ref);
  }
  for (const ref of stale) await keyStore.deleteWrappedKey(ref, { final: false });
  return stale.length;
}

/** Every key matching the pattern on every primary, with its value (a hash's `data` field). */
async function* values(
  client: RedisClient,
  pattern: string,
  type: 'string' | 'hash',
): AsyncGenerator<[string, string]> {
  for (const node of primariesOf(client)) {
    let cursor = '0';
    do {
      const [next, keys] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      cursor = next;
      for (const key of keys) {
        const value = type === 'hash' ? await node.hget(key, 'data') : await node.get(key);
        if (value !== null) yield [key, value];
      }
    } while (cursor !== '0');
  }
}
