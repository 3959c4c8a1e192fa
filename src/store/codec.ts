import { type ZodError, z } from 'zod';
import { Conversation, Draft, EmployeeProfile, RedactedTurn } from '../domain/draft.js';
import { OutboxEntry } from '../domain/effects.js';
import {
  AccommodationRequest,
  AuditEntry,
  Disclosure,
  ReasonChoice,
  type SensitiveFields,
  sensitiveFieldNames,
} from '../domain/request.js';
import type { KeyRef, Vault } from '../privacy/vault.js';
import { looksSealed } from '../privacy/vault-format.js';
import { CorruptRecordError, InvalidRecordError } from './errors.js';
import { draftKeyRef, requestKeyRef, turnsKeyRef } from './keys.js';
import type { DeadLetter, RequestSummary } from './types.js';

/**
 * How records look at rest. Every stored record is JSON `{ v: <format version>, ... }`, checked with
 * zod on the way in and on the way out; an older version is upgraded on read. C2/C3 never appear in
 * plain: each present `sensitive` field is sealed on its own (its field name is bound into the
 * ciphertext), and the schemas are strict, so a record carrying a plaintext `sensitive` object is
 * refused instead of being served.
 *
 * Errors name the record and the schema paths that failed, never a value: a broken record must not
 * leak its content into a log.
 */

export const RECORD_VERSION = 2;

const Sealed = z.string().refine(looksSealed, 'a sealed value');
const SealedFields = z.strictObject(
  Object.fromEntries(sensitiveFieldNames.map((name) => [name, Sealed.optional()])) as Record<
    keyof SensitiveFields,
    z.ZodOptional<typeof Sealed>
  >,
);
type SealedFields = z.infer<typeof SealedFields>;

/**
 * Format 2 seals the disclosure choice as well: "program" names the kind of treatment, so how much
 * the employee chose to say is C2 like the words themselves. The sharing choices and jurisdiction
 * stay plain (C1). A format 1 record still has its choice in `disclosure.reason`; it is read as is
 * and sealed the next time the record is written.
 */
const PlainDisclosure = Disclosure.omit({ reason: true }).extend({ reason: ReasonChoice.optional() });

const StoredRequestV2 = z.strictObject({
  v: z.literal(2),
  ...AccommodationRequest.omit({ sensitive: true, disclosure: true }).shape,
  disclosure: PlainDisclosure,
  sealed: SealedFields,
  sealedReason: Sealed.optional(),
});

const StoredDraftV2 = z.strictObject({
  ...Draft.omit({ sensitive: true, disclosure: true }).shape,
  disclosure: PlainDisclosure.partial().optional(),
  sealed: SealedFields,
  sealedReason: Sealed.optional(),
});

/** Takes the reason out of a disclosure, sealed, for storing. */
async function sealReason<D extends { reason?: string | undefined }>(
  vault: Vault,
  ref: KeyRef,
  field: string,
  disclosure: D | undefined,
): Promise<{ disclosure?: Omit<D, 'reason'>; sealedReason?: string }> {
  if (!disclosure) return {};
  const { reason, ...rest } = disclosure;
  return {
    disclosure: rest,
    ...(reason === undefined ? {} : { sealedReason: await vault.seal(ref, field, reason) }),
  };
}

/** Puts the reason back: opened from `sealedReason`, or as a format 1 record kept it. */
async function openReason<D extends { reason?: string | undefined }>(
  vault: Vault,
  ref: KeyRef,
  field: string,
  disclosure: D | undefined,
  sealedReason: string | undefined,
): Promise<D | undefined> {
  if (!disclosure) return undefined;
  if (sealedReason === undefined) return disclosure;
  return { ...disclosure, reason: await vault.open(ref, field, sealedReason) };
}

/**
 * Redacted turns are meant to be C0/C1 by construction, yet they are sealed too: redaction is a
 * detector and a detector can miss. Sealing costs one AES operation per save, and it makes deleting
 * (or expiring) a conversation a real shred, AOF and backups included.
 */
const StoredConversationV2 = z.strictObject({
  v: z.literal(2),
  teamId: z.string().min(1),
  userId: z.string().min(1),
  updatedAt: z.string(),
  draft: StoredDraftV2.optional(),
  turns: Sealed.optional(),
});

const StoredProfileV2 = z.strictObject({ v: z.literal(2), ...EmployeeProfile.shape });
const StoredAuditV2 = z.strictObject({ v: z.literal(2), ...AuditEntry.shape });

/**
 * Upgrades from format N to N+1, applied in turn on read; nothing rewrites stored data in bulk.
 * 1 -> 2 changes no shape: a format 1 disclosure keeps its plain `reason`, which format 2 still
 * reads, and the next write seals it.
 */
const upgrades: Record<number, (record: Record<string, unknown>) => Record<string, unknown>> = {
  1: (record) => record,
};

function upgrade(raw: string, what: string): Record<string, unknown> {
  let record: unknown;
  try {
    record = JSON.parse(raw);
  } catch {
    // The parser's message quotes the input; it must not travel.
    throw new CorruptRecordError(`${what} is not valid JSON`);
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    throw new CorruptRecordError(`${what} is not a record`);
  }
  let current = record as Record<string, unknown>;
  const version = current.v;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new CorruptRecordError(`${what} has no format version`);
  }
  if (version > RECORD_VERSION) {
    throw new CorruptRecordError(
      `${what} has format ${version}, newer than this code reads (${RECORD_VERSION})`,
    );
  }
  for (let v = version; v < RECORD_VERSION; v++) {
    const step = upgrades[v];
    if (!step) throw new CorruptRecordError(`${what} has format ${v}, which has no upgrade`);
    current = { ...step(current), v: v + 1 };
  }
  return current;
}

function check<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success)
    throw new CorruptRecordError(`${what} does not match its schema: ${paths(result.error)}`);
  return result.data;
}

/** The same check on the way in: the caller's record is wrong, nothing stored is. */
function checkInput<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success)
    throw new InvalidRecordError(`${what} does not match its schema: ${paths(result.error)}`);
  return result.data;
}

/** Paths and issue codes only: zod messages may describe the received value. */
function paths(error: ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(root)'} ${issue.code}`)
    .join(', ');
}

async function sealFields(vault: Vault, ref: KeyRef, prefix: string, fields: SensitiveFields) {
  const sealed: SealedFields = {};
  for (const name of sensitiveFieldNames) {
    const value = fields[name];
    if (value !== undefined) sealed[name] = await vault.seal(ref, `${prefix}.${name}`, value);
  }
  return sealed;
}

async function openFields(vault: Vault, ref: KeyRef, prefix: string, sealed: SealedFields) {
  const fields: SensitiveFields = {};
  for (const name of sensitiveFieldNames) {
    const value = sealed[name];
    if (value !== undefined) fields[name] = await vault.open(ref, `${prefix}.${name}`, value);
  }
  return fields;
}

const requestLabel = (teamId: string, id: string) => `stored request ${teamId}/${id}`;

// Requests

export async function encodeRequest(request: AccommodationRequest, vault: Vault): Promise<string> {
  const what = `request ${request.teamId}/${request.id}`;
  const { sensitive, disclosure, ...plain } = checkInput(AccommodationRequest, request, what);
  const ref = requestKeyRef(plain.teamId, plain.id);
  const sealed = await sealFields(vault, ref, 'sensitive', sensitive);
  const reason = await sealReason(vault, ref, 'disclosure.reason', disclosure);
  return JSON.stringify(check(StoredRequestV2, { v: RECORD_VERSION, ...plain, ...reason, sealed }, what));
}

export async function decodeRequest(raw: string, vault: Vault, teamId: string, id: string) {
  const what = requestLabel(teamId, id);
  const {
    v: _v,
    sealed,
    sealedReason,
    disclosure,
    ...plain
  } = check(StoredRequestV2, upgrade(raw, what), what);
  if (plain.teamId !== teamId || plain.id !== id)
    throw new CorruptRecordError(`${what} holds another request`);
  const ref = requestKeyRef(teamId, id);
  const sensitive = await openFields(vault, ref, 'sensitive', sealed);
  const opened = await openReason(vault, ref, 'disclosure.reason', disclosure, sealedReason);
  return check(AccommodationRequest, { ...plain, disclosure: opened, sensitive }, what);
}

/** The routing facts of a stored request, read without opening anything. */
export function decodeRequestSummary(raw: string, teamId: string, id: string): RequestSummary {
  const what = requestLabel(teamId, id);
  const record = check(StoredRequestV2, upgrade(raw, what), what);
  return {
    id: record.id,
    employeeId: record.employeeId,
    status: record.status,
    statusChangedAt: record.statusChangedAt,
    ...(record.submittedAt === undefined ? {} : { submittedAt: record.submittedAt }),
  };
}

// Conversations

export async function encodeConversation(conversation: Conversation, vault: Vault): Promise<string> {
  const what = `conversation ${conversation.teamId}/${conversation.userId}`;
  const { teamId, userId, updatedAt, draft, turns } = checkInput(Conversation, conversation, what);
  let storedDraft: z.infer<typeof StoredDraftV2> | undefined;
  if (draft) {
    const { sensitive, disclosure, ...plain } = draft;
    const ref = draftKeyRef(teamId, userId, draft.draftId);
    const reason = await sealReason(vault, ref, 'draft.disclosure.reason', disclosure);
    storedDraft = { ...plain, ...reason, sealed: await sealFields(vault, ref, 'draft.sensitive', sensitive) };
  }
  const sealedTurns =
    turns.length > 0
      ? await vault.seal(turnsKeyRef(teamId, userId), 'turns', JSON.stringify(turns))
      : undefined;
  const stored = {
    v: RECORD_VERSION,
    teamId,
    userId,
    updatedAt,
    ...(storedDraft ? { draft: storedDraft } : {}),
    ...(sealedTurns ? { turns: sealedTurns } : {}),
  };
  return JSON.stringify(check(StoredConversationV2, stored, what));
}

export async function decodeConversation(raw: string, vault: Vault, teamId: string, userId: string) {
  const what = `stored conversation ${teamId}/${userId}`;
  const stored = check(StoredConversationV2, upgrade(raw, what), what);
  if (stored.teamId !== teamId || stored.userId !== userId) {
    throw new CorruptRecordError(`${what} holds another conversation`);
  }
  let draft: Draft | undefined;
  if (stored.draft) {
    const { sealed, sealedReason, disclosure, ...plain } = stored.draft;
    const ref = draftKeyRef(teamId, userId, plain.draftId);
    const opened = await openReason(vault, ref, 'draft.disclosure.reason', disclosure, sealedReason);
    draft = {
      ...plain,
      ...(opened ? { disclosure: opened } : {}),
      sensitive: await openFields(vault, ref, 'draft.sensitive', sealed),
    } as Draft;
  }
  let turns: RedactedTurn[] = [];
  if (stored.turns) {
    const opened = await vault.open(turnsKeyRef(teamId, userId), 'turns', stored.turns);
    let parsed: unknown;
    try {
      parsed = JSON.parse(opened);
    } catch {
      throw new CorruptRecordError(`${what} has turns that are not valid JSON`);
    }
    turns = check(z.array(RedactedTurn), parsed, `${what} turns`);
  }
  return check(
    Conversation,
    { teamId, userId, updatedAt: stored.updatedAt, turns, ...(draft ? { draft } : {}) },
    what,
  );
}

/** The draft id a stored conversation holds, if any: the key to shred when the draft goes. */
export function draftIdOf(raw: string): string | undefined {
  try {
    const parsed = JSON.parse(raw) as { draft?: { draftId?: unknown } };
    return typeof parsed.draft?.draftId === 'string' ? parsed.draft.draftId : undefined;
  } catch {
    return undefined;
  }
}

// Profiles (C0 only, so stored plain)

export function encodeProfile(profile: EmployeeProfile): string {
  const what = `profile ${profile.teamId}/${profile.userId}`;
  return JSON.stringify(
    check(StoredProfileV2, { v: RECORD_VERSION, ...checkInput(EmployeeProfile, profile, what) }, what),
  );
}

export function decodeProfile(raw: string, teamId: string, userId: string): EmployeeProfile {
  const what = `stored profile ${teamId}/${userId}`;
  const { v: _v, ...profile } = check(StoredProfileV2, upgrade(raw, what), what);
  return profile;
}

// Audit entries (C0 only; parsing drops any key the schema does not know, so content cannot ride along)

export function encodeAuditEntry(entry: AuditEntry, teamId: string, requestId: string): string {
  const what = `audit entry for ${teamId}/${requestId}`;
  return JSON.stringify({ v: RECORD_VERSION, ...checkInput(AuditEntry, entry, what) });
}

export function decodeAuditEntry(raw: string, teamId: string, requestId: string): AuditEntry {
  const what = `audit entry for ${teamId}/${requestId}`;
  const { v: _v, ...entry } = check(StoredAuditV2, upgrade(raw, what), what);
  return entry;
}

// Outbox entries and dead letters (C0 only: ids and kinds; parsing drops any unknown key)

const StoredOutboxEntryV1 = z.strictObject({ v: z.literal(1), ...OutboxEntry.shape });
const StoredDeadLetterV1 = z.strictObject({
  v: z.literal(1),
  entry: OutboxEntry,
  reason: z.string().max(200),
  attempts: z.number().int().nonnegative(),
  at: z.string(),
});

export function encodeOutboxEntry(entry: OutboxEntry): string {
  return JSON.stringify({ v: 1, ...checkInput(OutboxEntry, entry, `outbox entry ${entry.id}`) });
}

export function decodeOutboxEntry(raw: string, entryId: string): OutboxEntry {
  const what = `outbox entry ${entryId}`;
  const { v: _v, ...entry } = check(StoredOutboxEntryV1, parseJson(raw, what), what);
  return entry;
}

export function encodeDeadLetter(letter: DeadLetter): string {
  const what = `dead letter ${letter.entry.id}`;
  return JSON.stringify(check(StoredDeadLetterV1, { v: 1, ...letter }, what));
}

export function decodeDeadLetter(raw: string, entryId: string): DeadLetter {
  const what = `dead letter ${entryId}`;
  const { v: _v, ...letter } = check(StoredDeadLetterV1, parseJson(raw, what), what);
  return letter;
}

function parseJson(raw: string, what: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new CorruptRecordError(`${what} is not readable`);
  }
}
