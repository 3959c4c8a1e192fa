import type { Conversation, EmployeeProfile } from '../domain/draft.js';
import { type OutboxEntry, outboxEntryId } from '../domain/effects.js';
import { purgeFoundAgain } from '../domain/lifecycle/on-record.js';
import type { AccommodationRequest } from '../domain/request.js';
import { requestStatuses } from '../domain/status.js';
import { ShreddedError, type Vault } from '../privacy/vault.js';
import { DATA_KEY_TTL_MARGIN_MS, type IndexPosition, type StoreBackend } from './backend.js';
import {
  CONVERSATION_VERSION,
  decodeAuditEntry,
  decodeConversation,
  decodeDeadLetter,
  decodeOutboxEntry,
  decodeProfile,
  decodeRequest,
  decodeRequestSummary,
  draftIdOf,
  encodeAuditEntry,
  encodeConversation,
  encodeDeadLetter,
  encodeOutboxEntry,
  encodeProfile,
  encodeRequest,
  formatOf,
  READ_ANY_FORMAT,
  type ReadRules,
} from './codec.js';
import { MigrationNeededError, PurgeNotDecidedError, RequestNotFoundError } from './errors.js';
import { draftKeyRef, requestKeyRef, turnsKeyRef } from './keys.js';
import {
  type AppPost,
  type AppPostStore,
  type AuditLog,
  type Committed,
  type ConversationStore,
  type DeadLetter,
  type OutboxStore,
  type Page,
  type ProfileStore,
  RequestExistsError,
  type RequestStore,
  type RequestSummary,
  type SlackPost,
  type Store,
  type Transition,
  VersionConflictError,
} from './types.js';

export const DEFAULT_CONVERSATION_TTL_SECONDS = 14 * 24 * 60 * 60;
const DEFAULT_PAGE_SIZE = 20;

export interface SealedStoreOptions {
  readonly conversationTtlSeconds?: number;
}

/**
 * The Store contract over any backend: seals on the way in, opens on the way out, and orders the
 * writes so a crash or a lost race never leaves a half-written request behind.
 *
 * Indexes and Redis Cluster: a request's record lives in its own slot ({team:request}) and the
 * team's indexes in another ({team}), and Cluster cannot run one transaction across slots. So the
 * record's compare-and-set is the only atomic step, and the indexes are kept a superset of the truth:
 *   1. before the write, the request is added to the index of its new status (idempotent);
 *   2. the record is written with the version check;
 *   3. after it, the entry gets its exact score and leaves the old status's index.
 * A crash between steps leaves at most an extra entry. Readers load each candidate's record and skip
 * any entry whose record is gone or now has another status (or employee), so an extra entry is never
 * shown; `purge` clears every index of the request. Readers never delete entries themselves: an
 * entry that looks stale may belong to a write that is between steps 1 and 2.
 */
export class SealedStore implements Store {
  readonly conversations: ConversationStore;
  readonly profiles: ProfileStore;
  readonly requests: RequestStore;
  readonly #requests: RequestStore & RequestMaintenance;
  readonly #conversations: ConversationStore & ConversationMaintenance;
  readonly audit: AuditLog;
  readonly outbox: OutboxStore;
  readonly appPosts: AppPostStore;

  constructor(
    readonly backend: StoreBackend,
    readonly vault: Vault,
    options: SealedStoreOptions = {},
  ) {
    const ttlMs = (options.conversationTtlSeconds ?? DEFAULT_CONVERSATION_TTL_SECONDS) * 1000;
    if (!(ttlMs > 0)) throw new Error('conversationTtlSeconds must be a positive number');
    const rules = readRules(vault);
    this.#conversations = conversationStore(backend, vault, ttlMs, rules);
    this.conversations = this.#conversations;
    this.profiles = profileStore(backend);
    this.#requests = requestStore(backend, vault, rules);
    this.requests = this.#requests;
    this.audit = auditLog(backend);
    this.outbox = outboxStore(backend);
    this.appPosts = appPostStore(backend);
  }

  /**
   * Claims `name` once per team for `ttlSeconds`: null the first time, the earlier value after.
   * Atomic, so a Slack retry or a second replica handling the same event backs off. C0 values only:
   * claims are stored as given.
   */
  claimOnce(teamId: string, name: string, value: string, ttlSeconds: number): Promise<string | null> {
    if (!(Number.isInteger(ttlSeconds) && ttlSeconds > 0))
      throw new Error('ttlSeconds must be a positive integer');
    return this.backend.claimOnce(teamId, name, value, ttlSeconds);
  }

  holdClaim(teamId: string, name: string, value: string, ttlMs: number): Promise<void> {
    if (!(Number.isInteger(ttlMs) && ttlMs > 0)) throw new Error('ttlMs must be a positive integer');
    return this.backend.holdClaim(teamId, name, value, ttlMs);
  }

  ping(): Promise<void> {
    return this.backend.ping();
  }

  confirmWrites(): Promise<void> {
    return this.backend.confirmWrites();
  }

  durability() {
    return this.backend.durabilityMethod();
  }

  /**
   * Maintenance, not the app's contract (`cli -- migrate`): writes a request stored in an older
   * format again in the current one, unchanged, with a compare-and-set. Nothing about the request
   * changes, so it is not a transition: no audit entry, no effects.
   */
  rewriteRequest(teamId: string, id: string): Promise<void> {
    return this.#requests.rewriteInCurrentFormat(teamId, id);
  }

  /**
   * Maintenance (`cli -- migrate`): writes a conversation stored in an older format, or sealed
   * under data keys named with the plain user id, again in the current format under the person's
   * keyed-hash name; the old keys are deleted. Unchanged otherwise: `rewritten` says whether it
   * was written, `keyNamesRemoved` how many key store names with the user id went.
   */
  rewriteConversation(teamId: string, userId: string) {
    return this.#conversations.rewriteInCurrentFormat(teamId, userId);
  }

  async close(): Promise<void> {
    await Promise.all([this.backend.close(), this.vault.keyStore.close()]);
  }
}

/** The key store's note of the oldest record format still served (set by `cli -- migrate`). */
export const MIN_FORMAT_META = 'min-record-format';
const RULES_FOR_MS = 60_000;

function readRules(vault: Vault): () => Promise<ReadRules> {
  let cached: { rules: Promise<ReadRules>; at: number } | undefined;
  return () => {
    if (cached && Date.now() - cached.at < RULES_FOR_MS) return cached.rules;
    const rules = vault.keyStore.getMeta(MIN_FORMAT_META).then((value) => ({
      minFormat: value && /^\d+$/.test(value) ? Number(value) : READ_ANY_FORMAT.minFormat,
    }));
    cached = { rules, at: Date.now() };
    rules.catch(() => {
      cached = undefined;
    });
    return rules;
  };
}

function conversationStore(
  backend: StoreBackend,
  vault: Vault,
  ttlMs: number,
  rules: () => Promise<ReadRules>,
): ConversationStore & ConversationMaintenance {
  const person = (teamId: string, userId: string) => backend.keys.person(teamId, userId);

  const save = async (conversation: Conversation) => {
    const { teamId, userId, draft } = conversation;
    const named = person(teamId, userId);
    const value = await encodeConversation(conversation, vault, named);
    const dataKeys = [turnsKeyRef(teamId, named)];
    if (draft) dataKeys.push(draftKeyRef(teamId, named, draft.draftId));
    // The keys' lifetime restarts first (with a margin), so they never lapse before the record.
    await vault.keyStore.extendWrappedKeys(dataKeys, ttlMs + DATA_KEY_TTL_MARGIN_MS);
    const previous = await backend.putConversation(teamId, userId, value, ttlMs);
    // A draft that was replaced or dropped is shredded now, not left to expire.
    const previousDraftId = previous === null ? undefined : draftIdOf(previous);
    if (previousDraftId !== undefined && previousDraftId !== draft?.draftId) {
      await vault.shred(draftKeyRef(teamId, named, previousDraftId));
    }
  };

  return {
    async get(teamId, userId) {
      const raw = await backend.getConversation(teamId, userId);
      return raw === null
        ? null
        : decodeConversation(raw, vault, teamId, userId, person(teamId, userId), await rules());
    },

    save,

    async delete(teamId, userId) {
      const named = person(teamId, userId);
      const raw = await backend.getConversation(teamId, userId);
      const draftId = raw === null ? undefined : draftIdOf(raw);
      // Keys first: if the delete is cut short, what remains can no longer be read.
      if (draftId !== undefined) await vault.shred(draftKeyRef(teamId, named, draftId));
      await vault.shred(turnsKeyRef(teamId, named));
      await backend.deleteConversation(teamId, userId);
    },

    async rewriteInCurrentFormat(teamId, userId) {
      const raw = await backend.getConversation(teamId, userId);
      if (raw === null) return { rewritten: false, keyNamesRemoved: 0 };
      const named = person(teamId, userId);
      const draftId = draftIdOf(raw);
      // Before PSEUDONYM_KEY named the data keys too, their refs held the plain user id.
      const legacyRefs =
        named === userId
          ? []
          : [
              turnsKeyRef(teamId, userId),
              ...(draftId === undefined ? [] : [draftKeyRef(teamId, userId, draftId)]),
            ];
      const legacyKeys = (await vault.keyStore.hasWrappedKeys(legacyRefs)).filter(Boolean).length;
      const oldFormat = (formatOf(raw) ?? 0) < CONVERSATION_VERSION;
      if (legacyKeys === 0 && !oldFormat) return { rewritten: false, keyNamesRemoved: 0 };
      let conversation: Conversation | undefined;
      if (legacyKeys > 0) {
        try {
          conversation = await decodeConversation(raw, vault, teamId, userId, userId);
        } catch {
          // Sealed under the new names already (a run cut short after the save): read it so below.
        }
      }
      const resealed = conversation !== undefined;
      conversation ??= await decodeConversation(raw, vault, teamId, userId, named);
      const rewritten = resealed || oldFormat;
      if (rewritten) await save(conversation);
      // No tombstone: the old names are never used again, and a tombstone would keep the user id.
      for (const ref of legacyRefs) await vault.keyStore.deleteWrappedKey(ref, { final: false });
      return { rewritten, keyNamesRemoved: legacyKeys };
    },
  };
}

function profileStore(backend: StoreBackend): ProfileStore {
  return {
    async get(teamId, userId) {
      const raw = await backend.getProfile(teamId, userId);
      return raw === null ? null : decodeProfile(raw, teamId, userId);
    },
    async save(profile: EmployeeProfile) {
      await backend.putProfile(profile.teamId, profile.userId, encodeProfile(profile));
    },
    async delete(teamId, userId) {
      await backend.deleteProfile(teamId, userId);
    },
  };
}

/** What the maintenance commands may do beyond the app's contract. */
interface ConversationMaintenance {
  /**
   * Writes the conversation again in the current format, sealed under data keys named after the
   * person's keyed hash; keys still named with the plain user id are read, then deleted.
   */
  rewriteInCurrentFormat(
    teamId: string,
    userId: string,
  ): Promise<{ rewritten: boolean; keyNamesRemoved: number }>;
}

interface RequestMaintenance {
  rewriteInCurrentFormat(teamId: string, id: string): Promise<void>;
}

function requestStore(
  backend: StoreBackend,
  vault: Vault,
  rules: () => Promise<ReadRules>,
): RequestStore & RequestMaintenance {
  /**
   * A record whose data key is gone was purged: it can only be here because a backup taken before
   * the purge was restored (or the purge stopped halfway). It is treated as purged wherever it turns
   * up: removed, and never shown or counted.
   */
  const removePurged = async (teamId: string, id: string, raw: string) => {
    // Not purged: its key is still in the data Redis, where versions before the key store kept it.
    if (await backend.hasLegacyDataKey(requestKeyRef(teamId, id))) {
      throw new MigrationNeededError(
        'stored data keys are still in the data Redis; run `npm run --silent cli -- migrate` once',
      );
    }
    let people: { employeeId?: string; managerId?: string } = {};
    try {
      people = decodeRequestSummary(raw, teamId, id);
    } catch {
      // Removed all the same; only its people's index entries may stay (readers skip them).
    }
    // Found while its purge is being carried out, the purge `decide` recorded is on the trail: keep it.
    const tombstone =
      (await decidedPurgeEntry(teamId, id)) ?? encodeAuditEntry(purgeFoundAgain(new Date()), teamId, id);
    await backend.deleteRequest(teamId, id, tombstone);
    await backend.unindexRequest(teamId, id, requestStatuses, people.employeeId, people.managerId);
  };

  /** The newest entry on the trail that records a decided purge, as stored; null if there is none. */
  const decidedPurgeEntry = async (teamId: string, id: string): Promise<string | null> => {
    const raws = await backend.listAudit(teamId, id);
    for (const raw of raws.toReversed()) {
      try {
        const entry = decodeAuditEntry(raw, teamId, id);
        if (entry.action === 'purge' && entry.toStatus === 'purged') return raw;
      } catch {
        // An entry that cannot be read decides nothing.
      }
    }
    return null;
  };

  const summariesOf = async (teamId: string, ids: readonly string[]) => {
    const raws = ids.length === 0 ? [] : await backend.getRequests(teamId, ids);
    const keyed = await vault.keyStore.hasWrappedKeys(ids.map((id) => requestKeyRef(teamId, id)));
    return Promise.all(
      raws.map(async (raw, i) => {
        const id = ids[i] ?? '';
        if (raw === null) return null;
        if (!keyed[i]) {
          await removePurged(teamId, id, raw);
          return null;
        }
        return decodeRequestSummary(raw, teamId, id);
      }),
    );
  };

  /** Opens a stored request; one whose key was shredded is removed and reads as not found. */
  const openRequest = async (teamId: string, id: string, raw: string) => {
    try {
      return await decodeRequest(raw, vault, teamId, id, await rules());
    } catch (error) {
      if (!(error instanceof ShreddedError)) throw error;
      await removePurged(teamId, id, raw);
      return null;
    }
  };

  return {
    async nextReference(teamId, year) {
      if (!Number.isInteger(year) || year < 1000 || year > 9999)
        throw new Error('the year must have four digits');
      const n = await backend.nextSequence(teamId, year);
      return `ACC-${year}-${String(n).padStart(4, '0')}`;
    },

    async get(teamId, id) {
      // A reference comes from a button's value or a form's metadata: an empty one names nothing,
      // and must read as "not found", not fail as if storage were down.
      if (id === '') return null;
      const raw = await backend.getRequest(teamId, id);
      return raw === null ? null : openRequest(teamId, id, raw);
    },

    async commit(transition: Transition): Promise<Committed> {
      const { request: decided, audit, effects } = transition;
      const { teamId, id } = decided;
      const expected = decided.version;
      if (!(Number.isInteger(expected) && expected >= 0))
        throw new Error('a transition names the version it was decided from (0 for a new request)');
      const next: AccommodationRequest = { ...decided, version: expected + 1 };
      const value = await encodeRequest(next, vault);
      const auditValue = encodeAuditEntry(audit, teamId, id);
      const createdAt = audit.at;
      const outbox: OutboxEntry[] = effects.map((effect, index) => ({
        id: outboxEntryId(id, next.version, index),
        teamId,
        effect,
        createdAt,
      }));
      const encoded = outbox.map((entry) => ({ id: entry.id, value: encodeOutboxEntry(entry) }));
      for (const entry of outbox) {
        if ('requestId' in entry.effect && entry.effect.requestId !== id)
          throw new Error(`an effect of ${id} names another request`);
      }

      // Indexes before the write (see the class comment): a superset, never a gap.
      if (expected === 0) await backend.noteTeam(teamId, timeScore(next.createdAt, 'createdAt'));
      const score = timeScore(next.statusChangedAt, 'statusChangedAt');
      await backend.indexRequest(
        teamId,
        id,
        {
          status: { status: next.status, score },
          ...(expected === 0
            ? { employee: { employeeId: next.employeeId, score: timeScore(next.createdAt, 'createdAt') } }
            : {}),
          ...(next.managerId !== undefined && next.managerToldAt !== undefined
            ? {
                manager: {
                  managerId: next.managerId,
                  score: timeScore(next.managerToldAt, 'managerToldAt'),
                },
              }
            : {}),
        },
        expected === 0,
      );
      if (outbox.length > 0) await backend.notePendingOutbox(teamId, id, Date.now());

      const outcome = await backend.commitTransition(
        teamId,
        id,
        expected,
        next.version,
        value,
        auditValue,
        encoded,
      );
      if (outcome === 'exists') throw new RequestExistsError(`request ${id} already exists`);
      if (outcome === 'missing') throw new RequestNotFoundError(`request ${id} was not found`);
      if (outcome === 'conflict')
        throw new VersionConflictError(
          `request ${id} changed since version ${expected}; nothing was written`,
        );
      // After the write: leave the old status's index (readers skip a stale entry meanwhile).
      const from = audit.fromStatus;
      if (expected > 0 && from !== undefined && from !== next.status)
        await backend.unindexRequest(teamId, id, [from]);
      return { request: next, outbox };
    },

    async record({ request, audit }) {
      const { teamId, id, version } = request;
      const outcome = await backend.appendAuditAt(teamId, id, version, encodeAuditEntry(audit, teamId, id));
      if (outcome === 'missing') throw new RequestNotFoundError(`request ${id} was not found`);
      if (outcome === 'conflict')
        throw new VersionConflictError(`request ${id} changed since version ${version}; nothing was written`);
    },

    async rewriteInCurrentFormat(teamId, id) {
      for (let attempt = 1; attempt <= REWRITE_ATTEMPTS; attempt++) {
        const raw = await backend.getRequest(teamId, id);
        const current = raw === null ? null : await openRequest(teamId, id, raw);
        if (current === null) throw new RequestNotFoundError(`request ${id} was not found`);
        // The same record, sealed again in this version's format; the version moves on because
        // formats 3 and 4 bind the sealed value to it.
        const next: AccommodationRequest = { ...current, version: current.version + 1 };
        const value = await encodeRequest(next, vault);
        const outcome = await backend.compareAndSetRequest(teamId, id, current.version, next.version, value);
        if (outcome === 'missing') throw new RequestNotFoundError(`request ${id} was not found`);
        if (outcome === 'written') return;
        // The app changed it meanwhile (and wrote it in the current format): read it again.
        await pause(Math.random() * Math.min(2 ** attempt, 50));
      }
      throw new VersionConflictError(
        `request ${id} kept changing while it was rewritten; nothing was written`,
      );
    },

    teams: () => backend.teams(),

    async listByEmployee(teamId, employeeId) {
      const ids = await backend.employeeRequestIds(teamId, employeeId);
      const summaries = await summariesOf(teamId, ids);
      return summaries.filter((s): s is RequestSummary => s !== null && s.employeeId === employeeId);
    },

    async listByManager(teamId, managerId) {
      const ids = await backend.managerRequestIds(teamId, managerId);
      const summaries = await summariesOf(teamId, ids);
      return summaries.filter((s): s is RequestSummary => s !== null && s.managerId === managerId);
    },

    async listByStatus(teamId, status, options = {}): Promise<Page<RequestSummary>> {
      const limit = options.limit ?? DEFAULT_PAGE_SIZE;
      if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new Error('limit must be 1 to 500');
      let after = options.cursor === undefined ? undefined : decodeCursor(options.cursor);
      // One more than asked, to know whether a next page exists.
      const found: { summary: RequestSummary; position: IndexPosition }[] = [];
      while (found.length <= limit) {
        const want = limit + 1 - found.length;
        const positions = await backend.statusRange(teamId, status, after, want);
        const summaries = await summariesOf(
          teamId,
          positions.map((p) => p.id),
        );
        positions.forEach((position, i) => {
          const summary = summaries[i];
          if (summary && summary.status === status) found.push({ summary, position });
        });
        if (positions.length < want) break;
        after = positions.at(-1);
      }
      const page = found.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map((f) => f.summary),
        ...(found.length > limit && last ? { nextCursor: encodeCursor(last.position) } : {}),
      };
    },

    async purge(teamId, id) {
      // The tombstone is the purge as `decide` recorded it (when, by whom): the store writes no
      // entry of its own, and removes nothing whose purge was not decided.
      const tombstone = await decidedPurgeEntry(teamId, id);
      if (tombstone === null)
        throw new PurgeNotDecidedError(
          `request ${id} has no purge recorded by decide on its trail; nothing was removed`,
        );
      const raw = await backend.getRequest(teamId, id);
      let people: { employeeId?: string; managerId?: string } = {};
      if (raw !== null) {
        try {
          people = decodeRequestSummary(raw, teamId, id);
        } catch {
          // A broken record is purged all the same; only its people's index entries stay behind.
        }
      }
      // The key first: from here on the sealed fields are gone, wherever copies of them live.
      await vault.shred(requestKeyRef(teamId, id));
      await backend.deleteRequest(teamId, id, tombstone);
      await backend.unindexRequest(teamId, id, requestStatuses, people.employeeId, people.managerId);
    },
  };
}

function outboxStore(backend: StoreBackend): OutboxStore {
  return {
    async get(teamId, entryId) {
      const requestId = requestOfEntry(entryId);
      const found = await backend.getOutboxEntry(teamId, requestId, entryId);
      if (!found) return null;
      if (found.state === 'pending')
        return { entry: decodeOutboxEntry(found.value, entryId), state: 'pending' };
      if (found.state === 'dead')
        return { entry: decodeDeadLetter(found.value, entryId).entry, state: 'dead' };
      return { state: 'done' };
    },

    async pending(teamId, requestId) {
      const raws = await backend.pendingOutbox(teamId, requestId);
      return raws
        .map(({ id, value }) => decodeOutboxEntry(value, id))
        .sort((a, b) => compareEntryIds(a.id, b.id));
    },

    requestsWithPending(limit) {
      return backend.pendingOutboxRequests(limit);
    },

    forgetIfSettled(teamId, requestId, quietMs, now) {
      return backend.forgetPendingOutbox(teamId, requestId, now.getTime() - quietMs);
    },

    claim(teamId, entryId, owner, leaseMs) {
      return backend.claimOutboxEntry(teamId, requestOfEntry(entryId), entryId, owner, leaseMs);
    },

    release(teamId, entryId, owner) {
      return backend.releaseOutboxEntry(teamId, requestOfEntry(entryId), entryId, owner);
    },

    markDone(teamId, entryId, at) {
      return backend.markOutboxDone(teamId, requestOfEntry(entryId), entryId, at.toISOString());
    },

    async markDead(teamId, entryId, failure) {
      const requestId = requestOfEntry(entryId);
      const found = await backend.getOutboxEntry(teamId, requestId, entryId);
      if (found?.state !== 'pending') return false;
      const letter: DeadLetter = {
        entry: decodeOutboxEntry(found.value, entryId),
        reason: failure.reason.slice(0, 200),
        attempts: failure.attempts,
        at: failure.at.toISOString(),
      };
      return backend.markOutboxDead(
        teamId,
        requestId,
        entryId,
        encodeDeadLetter(letter),
        failure.at.getTime(),
      );
    },

    async deadLetters(limit) {
      const letters: DeadLetter[] = [];
      for (const { teamId, entryId } of await backend.deadOutboxIndex(limit)) {
        const found = await backend.getOutboxEntry(teamId, requestOfEntry(entryId), entryId);
        // An index entry whose letter was revived or purged meanwhile is not a dead letter.
        if (found?.state === 'dead') letters.push(decodeDeadLetter(found.value, entryId));
      }
      return letters;
    },

    async revive(teamId, entryId) {
      const requestId = requestOfEntry(entryId);
      const found = await backend.getOutboxEntry(teamId, requestId, entryId);
      if (found?.state !== 'dead') return null;
      const { entry } = decodeDeadLetter(found.value, entryId);
      const moved = await backend.reviveOutboxEntry(
        teamId,
        requestId,
        entryId,
        found.value,
        encodeOutboxEntry(entry),
      );
      return moved ? entry : null;
    },

    async rememberPost(teamId, requestId, post: SlackPost) {
      await backend.putPost(teamId, requestId, `${post.kind}|${post.channel}`, post.ts);
    },

    async posts(teamId, requestId) {
      return (await backend.listPosts(teamId, requestId)).map(([field, ts]) => {
        const bar = field.indexOf('|');
        return { kind: field.slice(0, bar), channel: field.slice(bar + 1), ts };
      });
    },

    forgetPosts(teamId, requestId, posts) {
      return backend.deletePosts(
        teamId,
        requestId,
        posts?.map((post) => `${post.kind}|${post.channel}`),
      );
    },
  };
}

/** `<request>:<version>:<index>` -> `<request>`. */
export function requestOfEntry(entryId: string): string {
  const match = /^(.+):(\d+):(\d+)$/.exec(entryId);
  if (!match?.[1]) throw new Error('not an outbox entry id (expected <request>:<version>:<index>)');
  return match[1];
}

function compareEntryIds(a: string, b: string): number {
  const [, va = 0, ia = 0] = /:(\d+):(\d+)$/.exec(a)?.map(Number) ?? [];
  const [, vb = 0, ib = 0] = /:(\d+):(\d+)$/.exec(b)?.map(Number) ?? [];
  return va - vb || ia - ib;
}

/** Per person, enough to delete a long history of DMs; older entries give way to newer ones. */
export const APP_POSTS_KEPT = 10_000;

const appPostMember = (post: AppPost) =>
  post.kind === 'file' ? `f|${post.id}` : `m|${post.channel}|${post.ts}`;

function appPostOf(member: string): AppPost | null {
  const [kind, a, b, ...rest] = member.split('|');
  if (rest.length > 0 || !a) return null;
  if (kind === 'f' && b === undefined) return { kind: 'file', id: a };
  if (kind === 'm' && b) return { kind: 'message', channel: a, ts: b };
  return null;
}

function appPostStore(backend: StoreBackend): AppPostStore {
  return {
    async remember(teamId, userId, post, at) {
      await backend.addAppPost(teamId, userId, appPostMember(post), at.getTime(), APP_POSTS_KEPT);
    },
    async list(teamId, userId) {
      return (await backend.listAppPosts(teamId, userId)).flatMap((member) => {
        const post = appPostOf(member);
        return post ? [post] : [];
      });
    },
    async forget(teamId, userId, posts) {
      await backend.removeAppPosts(teamId, userId, posts.map(appPostMember));
    },
  };
}

function auditLog(backend: StoreBackend): AuditLog {
  return {
    async list(teamId, requestId) {
      const raws = await backend.listAudit(teamId, requestId);
      return raws.map((raw) => decodeAuditEntry(raw, teamId, requestId));
    },
  };
}

function timeScore(timestamp: string, field: string): number {
  const ms = Date.parse(timestamp);
  if (Number.isNaN(ms)) throw new Error(`${field} is not a timestamp (use an ISO 8601 string)`);
  return ms;
}

/** Cursors are opaque to callers: the (score, id) of the last item, so paging survives removals. */
function encodeCursor(position: IndexPosition): string {
  return Buffer.from(`${position.score}|${position.id}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): IndexPosition {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const bar = text.indexOf('|');
  const score = Number(text.slice(0, bar));
  const id = text.slice(bar + 1);
  if (bar < 1 || !Number.isFinite(score) || id.length === 0)
    throw new Error('the paging cursor is not valid');
  return { score, id };
}

const REWRITE_ATTEMPTS = 8;
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
