import type { Conversation } from '../domain/draft.js';
import { type AccommodationRequest, releasableFields, type SensitiveFields } from '../domain/request.js';
import type { Store } from '../store/types.js';
import { readPrivate } from './private-text.js';
import { currentPrivacyScope } from './scope.js';

/**
 * Wraps the store so that every record read or written while a Slack request is handled tells the
 * privacy scope whose health details it holds. The guard then knows, without any listener having
 * to remember, what must not leave in a message.
 */
export function rememberingStore(store: Store): Store {
  const rememberRequest = (request: AccommodationRequest | null) => {
    if (request) {
      rememberSensitive(request.employeeId, request.sensitive);
      rememberReleased(request.employeeId, request.sensitive);
    }
    return request;
  };
  const rememberConversation = (conversation: Conversation | null) => {
    if (conversation?.draft) rememberSensitive(conversation.userId, conversation.draft.sensitive);
    return conversation;
  };
  return {
    profiles: store.profiles,
    audit: store.audit,
    outbox: store.outbox,
    appPosts: store.appPosts,
    conversations: {
      get: async (teamId, userId) => rememberConversation(await store.conversations.get(teamId, userId)),
      save: async (conversation) => {
        rememberConversation(conversation);
        await store.conversations.save(conversation);
      },
      delete: (teamId, userId) => store.conversations.delete(teamId, userId),
    },
    requests: {
      nextReference: (teamId, year) => store.requests.nextReference(teamId, year),
      listByEmployee: (teamId, employeeId) => store.requests.listByEmployee(teamId, employeeId),
      listByManager: (teamId, managerId) => store.requests.listByManager(teamId, managerId),
      teams: () => store.requests.teams(),
      listByStatus: (teamId, status, options) => store.requests.listByStatus(teamId, status, options),
      purge: (teamId, id) => store.requests.purge(teamId, id),
      get: async (teamId, id) => rememberRequest(await store.requests.get(teamId, id)),
      record: (entry) => store.requests.record(entry),
      commit: async (transition) => {
        rememberRequest(transition.request);
        return store.requests.commit(transition);
      },
    },
    claimOnce: (teamId, name, value, ttlSeconds) => store.claimOnce(teamId, name, value, ttlSeconds),
    holdClaim: (teamId, name, value, ttlMs) => store.holdClaim(teamId, name, value, ttlMs),
    ping: () => store.ping(),
    confirmWrites: () => store.confirmWrites(),
    durability: () => store.durability(),
    close: () => store.close(),
  };
}

/**
 * A request's releasable fields went to HR when it was sent: the same words in a private note are
 * not a secret to hold back from that person's own export (they chose to send them).
 */
function rememberReleased(ownerId: string, sensitive: SensitiveFields): void {
  const scope = currentPrivacyScope();
  if (!scope) return;
  for (const field of releasableFields) scope.rememberReleased(ownerId, readPrivate(sensitive[field]));
}

function rememberSensitive(ownerId: string, sensitive: SensitiveFields): void {
  const scope = currentPrivacyScope();
  if (!scope) return;
  for (const [field, value] of Object.entries(sensitive)) {
    if (typeof value !== 'string') continue;
    // A private note is private as a whole; other free text is private where the detector says so.
    if (field === 'privateNote') scope.rememberExact(ownerId, value);
    scope.rememberClinicalIn(ownerId, value);
  }
}
