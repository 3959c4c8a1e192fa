import { randomBytes } from 'node:crypto';
import { type ZodError, z } from 'zod';
import { Conversation, Draft, EmployeeProfile, RedactedTurn } from '../domain/draft.js';
import { OutboxEntry } from '../domain/effects.js';
import {
  AccommodationRequest,
  AccommodationType,
  AlternativeOffer,
  Approval,
  AuditEntry,
  Denial,
  DenialReason,
  Disclosure,
  Documentation,
  DocumentationItem,
  ExtensionAsk,
  FlexibleWorkingGround,
  IsoDate,
  ReasonChoice,
  ReleasableField,
  SensitiveFields,
  sensitiveFieldNames,
  TreatmentSchedule,
  WorkingPattern,
  WorkPattern,
} from '../domain/request.js';
import { commandTypes, waitingOnValues } from '../domain/statuses.js';
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

/**
 * Requests are written in format 4, conversations in format 3; profiles and audit entries stay at 2.
 * `RECORD_VERSION` is the newest format of any record: `cli -- migrate` notes it as the oldest
 * served, and a kind whose own newest format is older (conversations) is held to that one instead.
 */
export const RECORD_VERSION = 4;
export const CONVERSATION_VERSION = 3;
const PLAIN_RECORD_VERSION = 2;

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

/** Format 1 (legacy, read only): the choice in plain, the free text sealed field by field. */
const StoredRequestV1 = z.strictObject({
  v: z.literal(1),
  ...AccommodationRequest.omit({ sensitive: true, disclosure: true }).shape,
  disclosure: PlainDisclosure,
  sealed: SealedFields,
});

/** Format 2 (legacy, read only): the choice sealed; a plain `reason` here was put there by hand. */
const StoredRequestV2 = z.strictObject({
  v: z.literal(2),
  ...AccommodationRequest.omit({ sensitive: true, disclosure: true }).shape,
  disclosure: z.strictObject(Disclosure.omit({ reason: true }).shape),
  sealed: SealedFields,
  sealedReason: Sealed,
});

/**
 * Format 3 (read only since format 4): one sealed value. In an app used only by people in
 * treatment, a record with an evening three-hour, three-times-a-week schedule is health data, so
 * the schedule, the working pattern (asked for, offered, approved) and the accommodation types are
 * sealed with the free text and the disclosure choice. The process's own choices (documentation
 * asked for, a denial's reason, an extension's last day, the sharing choices) stayed plain here;
 * format 4 seals them too.
 *
 * The sealed value is bound (in its AAD) to the record's version, so a sealed value copied from
 * version 1 into version 2 fails to open; being one value, no part of it can be deleted on its own;
 * and the vault pads it to a size bucket, so its length does not tell the disclosure choice or
 * whether a short optional field is there.
 */
const PlainRequestShape = {
  ...AccommodationRequest.omit({
    sensitive: true,
    disclosure: true,
    schedule: true,
    work: true,
    accommodations: true,
    alternative: true,
    approval: true,
  }).shape,
  alternative: z.strictObject(AlternativeOffer.omit({ pattern: true }).shape).optional(),
  approval: z.strictObject(Approval.omit({ pattern: true }).shape).optional(),
};
const StoredRequestV3 = z.strictObject({
  v: z.literal(3),
  ...PlainRequestShape,
  disclosure: z.strictObject(Disclosure.omit({ reason: true }).shape),
  sealed: Sealed,
});
const SealedRequestV3 = z.strictObject({
  reason: ReasonChoice,
  schedule: TreatmentSchedule,
  work: WorkPattern,
  accommodations: z.array(AccommodationType).min(1),
  alternativePattern: WorkingPattern.optional(),
  approvalPattern: WorkingPattern.optional(),
  sensitive: z.strictObject(SensitiveFields.shape),
});

/** The AAD field of a format 3 request's sealed value: the record's version is part of it. */
const requestField = (version: number) => `request@v${version}`;

/**
 * Format 4: the process's own choices are sealed too. Which documentation HR asked for
 * (`session_days_and_times`), a denial's reason and statutory ground, an extension's last day and
 * outcome, and whether the manager and EAP may be told all say something about the treatment or
 * the employee's choices about it, and no index, clock or routing step reads them from the stored
 * record. So the whole disclosure and those fields join the sealed value.
 *
 * So do the process markers (`process` in the sealed value): who the process waits on (`provider`
 * says a clinician is involved), the last command's name (`provider_pending`, `deny`), what the
 * manager was last told of, whether HR's alternative was accepted or declined, whether the
 * employee sent their note for the team to the manager, and the names of the fields the employee
 * released (`reasonOwnWords` says own-words text exists, which padding hides otherwise). Nothing
 * reads them without the data key: the only keyless reader of a stored request is
 * `decodeRequestSummary` (ids, status, status change and submission times, the manager's id),
 * which the status, employee and manager indexes and the retention sweep use; the reminders, HR's
 * Home queue, the EAP dashboard and the manager's Home open the request before reading anything
 * else, and the indexes' scores are worked out from the request being written, not read back.
 *
 * Plain stays only what those keyless readers and the indexes need, plus the process's timestamps
 * and due times (`dueAt`, `documentation.requestedAt`, `denial.deniedAt`, `extension.requestedAt`,
 * `alternative.respondedAt`, `managerToldAt`...) and who acted (`lastActorId`): ids, status, and
 * dates for ageing and due times. None of the markers has to stay plain.
 *
 * Format 4 records written before the markers were sealed (format 4 was never released, so it was
 * amended in place rather than made a format 5) have no `process` in their sealed value and keep
 * the markers plain; they are still read, and sealed on their next write. Which layout a record has
 * is told by its sealed value, which cannot be edited: a record whose sealed value has `process`
 * and that also carries a plain marker is refused.
 *
 * The sealed value is bound to the record's version and padded as in format 3 (same AAD field). A
 * format 3 sealed value cannot stand in for a format 4 one, nor the other way round: each sealed
 * schema is strict, and the two differ (`reason` there, `disclosure` here).
 */
const processMarkerNames = [
  'waitingOn',
  'lastAction',
  'managerToldOf',
  'teamNoteReleased',
  'released',
] as const;
const PlainRequestShapeV4 = {
  ...AccommodationRequest.omit({
    sensitive: true,
    disclosure: true,
    schedule: true,
    work: true,
    accommodations: true,
    alternative: true,
    approval: true,
    documentation: true,
    denial: true,
    extension: true,
    waitingOn: true,
    lastAction: true,
    managerToldOf: true,
    teamNoteReleased: true,
    released: true,
  }).shape,
  approval: z.strictObject(Approval.omit({ pattern: true }).shape).optional(),
  documentation: z.strictObject(Documentation.omit({ items: true }).shape).optional(),
  denial: z.strictObject(Denial.omit({ reason: true, flexibleWorkingGround: true }).shape).optional(),
  extension: z.strictObject(ExtensionAsk.omit({ until: true, outcome: true }).shape).optional(),
};
/** Format 4 as it is written now: no process marker in plain. */
const StoredRequestV4 = z.strictObject({
  v: z.literal(4),
  ...PlainRequestShapeV4,
  alternative: z.strictObject(AlternativeOffer.omit({ pattern: true, response: true }).shape).optional(),
  sealed: Sealed,
});
/** Format 4 as it is read: a record of the earlier layout may have its markers plain. */
const StoredRequestV4Read = z.strictObject({
  ...StoredRequestV4.shape,
  alternative: z.strictObject(AlternativeOffer.omit({ pattern: true }).shape).optional(),
  waitingOn: z.enum(waitingOnValues).optional(),
  lastAction: z.enum(commandTypes).optional(),
  managerToldOf: AccommodationRequest.shape.managerToldOf,
  teamNoteReleased: AccommodationRequest.shape.teamNoteReleased,
  released: z.array(ReleasableField).optional(),
});
const ProcessMarkers = z.strictObject({
  waitingOn: z.enum(waitingOnValues).optional(),
  lastAction: z.enum(commandTypes).optional(),
  managerToldOf: AccommodationRequest.shape.managerToldOf,
  alternativeResponse: AlternativeOffer.shape.response,
  teamNoteReleased: AccommodationRequest.shape.teamNoteReleased,
  released: z.array(ReleasableField).optional(),
});
const SealedRequestV4 = z.strictObject({
  ...SealedRequestV3.omit({ reason: true }).shape,
  disclosure: z.strictObject(Disclosure.shape),
  documentationItems: z.array(DocumentationItem).min(1).optional(),
  denialReason: DenialReason.optional(),
  denialGround: FlexibleWorkingGround.optional(),
  extensionUntil: IsoDate.optional(),
  extensionOutcome: ExtensionAsk.shape.outcome,
  /** Absent only in a format 4 record of the earlier layout, whose markers are plain. */
  process: ProcessMarkers.optional(),
});

const StoredDraftV2 = z.strictObject({
  ...Draft.omit({ sensitive: true, disclosure: true }).shape,
  disclosure: PlainDisclosure.partial().optional(),
  sealed: SealedFields,
  sealedReason: Sealed.optional(),
});

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

/**
 * Format 3: the draft (all of it but its id, which names its data key) is one sealed value, and the
 * turns another. Both are bound to a random id of this write (`w`) and to the list of parts
 * present, so a part copied from an earlier write, or one deleted, makes the others fail to open.
 */
const StoredConversationV3 = z.strictObject({
  v: z.literal(3),
  teamId: z.string().min(1),
  userId: z.string().min(1),
  updatedAt: z.string(),
  w: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  draft: z.strictObject({ draftId: z.string().min(1), sealed: Sealed }).optional(),
  turns: Sealed.optional(),
});
const SealedDraftV3 = z.strictObject(Draft.omit({ draftId: true }).shape);
const conversationField = (part: 'draft' | 'turns', write: string, parts: readonly string[]) =>
  `${part}@${write}|${parts.join(',')}`;

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

/** Reads the JSON and its format version; requests and conversations are parsed per version. */
function parseRecord(raw: string, what: string, newest: number): Record<string, unknown> & { v: number } {
  let record: unknown;
  try {
    record = JSON.parse(raw);
  } catch {
    throw new CorruptRecordError(`${what} is not valid JSON`);
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    throw new CorruptRecordError(`${what} is not a record`);
  }
  const version = (record as { v?: unknown }).v;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new CorruptRecordError(`${what} has no format version`);
  }
  if (version > newest) {
    throw new CorruptRecordError(`${what} has format ${version}, newer than this code reads (${newest})`);
  }
  return record as Record<string, unknown> & { v: number };
}

/**
 * Formats older than `minFormat` are refused: once `cli -- migrate` has rewritten every record,
 * an old-format record can only be one put together by hand from old sealed values (which carry
 * no version binding), so it is not served.
 */
export interface ReadRules {
  readonly minFormat: number;
}
export const READ_ANY_FORMAT: ReadRules = { minFormat: 1 };

function checkFloor(version: number, minFormat: number, what: string): void {
  if (version < minFormat) {
    throw new CorruptRecordError(
      `${what} has format ${version}, older than the stored data was migrated to (${minFormat})`,
    );
  }
}

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
  if (version > PLAIN_RECORD_VERSION) {
    throw new CorruptRecordError(
      `${what} has format ${version}, newer than this code reads (${PLAIN_RECORD_VERSION})`,
    );
  }
  for (let v = version; v < PLAIN_RECORD_VERSION; v++) {
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

async function openFields(vault: Vault, ref: KeyRef, prefix: string, sealed: SealedFields) {
  const fields: Record<string, string> = {};
  for (const name of sensitiveFieldNames) {
    const value = sealed[name];
    if (value !== undefined) fields[name] = await vault.open(ref, `${prefix}.${name}`, value);
  }
  // Read back from storage, the words are typed text again (`PrivateText` where a person typed them).
  return SensitiveFields.parse(fields);
}

const requestLabel = (teamId: string, id: string) => `stored request ${teamId}/${id}`;

// Requests

export async function encodeRequest(request: AccommodationRequest, vault: Vault): Promise<string> {
  const what = `request ${request.teamId}/${request.id}`;
  const {
    sensitive,
    disclosure,
    schedule,
    work,
    accommodations,
    alternative,
    approval,
    documentation,
    denial,
    extension,
    waitingOn,
    lastAction,
    managerToldOf,
    teamNoteReleased,
    released,
    ...plain
  } = checkInput(AccommodationRequest, request, what);
  const content = check(
    SealedRequestV4,
    {
      disclosure,
      schedule,
      work,
      accommodations,
      ...(alternative ? { alternativePattern: alternative.pattern } : {}),
      ...(approval ? { approvalPattern: approval.pattern } : {}),
      ...(documentation ? { documentationItems: documentation.items } : {}),
      ...(denial ? { denialReason: denial.reason } : {}),
      ...(denial?.flexibleWorkingGround ? { denialGround: denial.flexibleWorkingGround } : {}),
      ...(extension ? { extensionUntil: extension.until } : {}),
      ...(extension?.outcome ? { extensionOutcome: extension.outcome } : {}),
      process: {
        ...(waitingOn ? { waitingOn } : {}),
        ...(lastAction ? { lastAction } : {}),
        ...(managerToldOf ? { managerToldOf } : {}),
        ...(alternative?.response ? { alternativeResponse: alternative.response } : {}),
        ...(teamNoteReleased ? { teamNoteReleased } : {}),
        ...(released ? { released } : {}),
      },
      sensitive,
    },
    what,
  );
  const ref = requestKeyRef(plain.teamId, plain.id);
  const sealed = await vault.seal(ref, requestField(plain.version), JSON.stringify(content));
  const stored = {
    v: RECORD_VERSION,
    ...plain,
    ...(alternative ? { alternative: omit(alternative, ['pattern', 'response']) } : {}),
    ...(approval ? { approval: withoutPattern(approval) } : {}),
    ...(documentation ? { documentation: omit(documentation, ['items']) } : {}),
    ...(denial ? { denial: omit(denial, ['reason', 'flexibleWorkingGround']) } : {}),
    ...(extension ? { extension: omit(extension, ['until', 'outcome']) } : {}),
    sealed,
  };
  return JSON.stringify(check(StoredRequestV4, stored, what));
}

function withoutPattern<T extends { pattern: unknown }>(value: T): Omit<T, 'pattern'> {
  return omit(value, ['pattern']);
}

function omit<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Omit<T, K> {
  const rest: Partial<T> = { ...value };
  for (const key of keys) delete rest[key];
  return rest as Omit<T, K>;
}

export async function decodeRequest(
  raw: string,
  vault: Vault,
  teamId: string,
  id: string,
  rules: ReadRules = READ_ANY_FORMAT,
) {
  const what = requestLabel(teamId, id);
  const record = parseRecord(raw, what, RECORD_VERSION);
  checkFloor(record.v, rules.minFormat, what);
  if (record.v < 3) return decodeLegacyRequest(record, vault, teamId, id, what);
  if (record.v === 3) return decodeRequestV3(record, vault, teamId, id, what);
  const {
    v: _v,
    sealed,
    alternative,
    approval,
    documentation,
    denial,
    extension,
    waitingOn,
    lastAction,
    managerToldOf,
    teamNoteReleased,
    released,
    ...plain
  } = check(StoredRequestV4Read, record, what);
  if (plain.teamId !== teamId || plain.id !== id)
    throw new CorruptRecordError(`${what} holds another request`);
  const opened = await vault.open(requestKeyRef(teamId, id), requestField(plain.version), sealed);
  const content = check(SealedRequestV4, parseJson(opened, `${what} sealed part`), what);
  // The sealed value says which layout this is: with `process` sealed, a plain marker was added by hand.
  const plainMarkers = { waitingOn, lastAction, managerToldOf, teamNoteReleased, released };
  if (
    content.process &&
    (processMarkerNames.some((name) => plainMarkers[name] !== undefined) ||
      alternative?.response !== undefined)
  )
    throw new CorruptRecordError(`${what} has a process marker in plain`);
  const markers = content.process ?? {
    ...plainMarkers,
    ...(alternative?.response ? { alternativeResponse: alternative.response } : {}),
  };
  // Each plain part and its sealed half come and go together: one without the other was edited.
  if (
    Boolean(alternative) !== Boolean(content.alternativePattern) ||
    Boolean(approval) !== Boolean(content.approvalPattern) ||
    Boolean(documentation) !== Boolean(content.documentationItems) ||
    Boolean(denial) !== Boolean(content.denialReason) ||
    Boolean(extension) !== Boolean(content.extensionUntil) ||
    (!denial && content.denialGround !== undefined) ||
    (!extension && content.extensionOutcome !== undefined) ||
    (!alternative && markers.alternativeResponse !== undefined)
  )
    throw new CorruptRecordError(`${what} has a part without its sealed half`);
  return check(
    AccommodationRequest,
    {
      ...plain,
      ...(markers.waitingOn ? { waitingOn: markers.waitingOn } : {}),
      ...(markers.lastAction ? { lastAction: markers.lastAction } : {}),
      ...(markers.managerToldOf ? { managerToldOf: markers.managerToldOf } : {}),
      ...(markers.teamNoteReleased ? { teamNoteReleased: markers.teamNoteReleased } : {}),
      ...(markers.released ? { released: markers.released } : {}),
      ...(alternative
        ? {
            alternative: {
              ...omit(alternative, ['response']),
              pattern: content.alternativePattern,
              ...(markers.alternativeResponse ? { response: markers.alternativeResponse } : {}),
            },
          }
        : {}),
      ...(approval ? { approval: { ...approval, pattern: content.approvalPattern } } : {}),
      ...(documentation ? { documentation: { ...documentation, items: content.documentationItems } } : {}),
      ...(denial
        ? {
            denial: {
              ...denial,
              reason: content.denialReason,
              ...(content.denialGround ? { flexibleWorkingGround: content.denialGround } : {}),
            },
          }
        : {}),
      ...(extension
        ? {
            extension: {
              ...extension,
              until: content.extensionUntil,
              ...(content.extensionOutcome ? { outcome: content.extensionOutcome } : {}),
            },
          }
        : {}),
      schedule: content.schedule,
      work: content.work,
      accommodations: content.accommodations,
      disclosure: content.disclosure,
      sensitive: content.sensitive,
    },
    what,
  );
}

/** Format 3 (read only; `cli -- migrate` rewrites it as 4): the process's choices still plain. */
async function decodeRequestV3(
  record: Record<string, unknown>,
  vault: Vault,
  teamId: string,
  id: string,
  what: string,
) {
  const { v: _v, sealed, disclosure, alternative, approval, ...plain } = check(StoredRequestV3, record, what);
  if (plain.teamId !== teamId || plain.id !== id)
    throw new CorruptRecordError(`${what} holds another request`);
  const opened = await vault.open(requestKeyRef(teamId, id), requestField(plain.version), sealed);
  const content = check(SealedRequestV3, parseJson(opened, `${what} sealed part`), what);
  if (
    Boolean(alternative) !== Boolean(content.alternativePattern) ||
    Boolean(approval) !== Boolean(content.approvalPattern)
  )
    throw new CorruptRecordError(`${what} has a decision without its sealed working pattern`);
  return check(
    AccommodationRequest,
    {
      ...plain,
      ...(alternative ? { alternative: { ...alternative, pattern: content.alternativePattern } } : {}),
      ...(approval ? { approval: { ...approval, pattern: content.approvalPattern } } : {}),
      schedule: content.schedule,
      work: content.work,
      accommodations: content.accommodations,
      disclosure: { ...disclosure, reason: content.reason },
      sensitive: content.sensitive,
    },
    what,
  );
}

/** Formats 1 and 2, field by field as they were written (`cli -- migrate` rewrites them as 4). */
async function decodeLegacyRequest(
  record: Record<string, unknown>,
  vault: Vault,
  teamId: string,
  id: string,
  what: string,
) {
  const legacy =
    record.v === 1
      ? { ...check(StoredRequestV1, record, what), sealedReason: undefined }
      : check(StoredRequestV2, record, what);
  const { v: _v, sealed, sealedReason, disclosure, ...plain } = legacy;
  if (plain.teamId !== teamId || plain.id !== id)
    throw new CorruptRecordError(`${what} holds another request`);
  const ref = requestKeyRef(teamId, id);
  const sensitive = await openFields(vault, ref, 'sensitive', sealed);
  const opened = await openReason(
    vault,
    ref,
    'disclosure.reason',
    disclosure as { reason?: string },
    sealedReason,
  );
  return check(AccommodationRequest, { ...plain, disclosure: opened, sensitive }, what);
}

/** The routing facts of a stored request, read without opening anything. */
export function decodeRequestSummary(raw: string, teamId: string, id: string): RequestSummary {
  const what = requestLabel(teamId, id);
  const parsed = parseRecord(raw, what, RECORD_VERSION);
  const record =
    parsed.v === 1
      ? check(StoredRequestV1, parsed, what)
      : parsed.v === 2
        ? check(StoredRequestV2, parsed, what)
        : parsed.v === 3
          ? check(StoredRequestV3, parsed, what)
          : check(StoredRequestV4Read, parsed, what);
  return {
    id: record.id,
    employeeId: record.employeeId,
    status: record.status,
    statusChangedAt: record.statusChangedAt,
    ...(record.submittedAt === undefined ? {} : { submittedAt: record.submittedAt }),
    ...(record.managerId === undefined ? {} : { managerId: record.managerId }),
  };
}

/** A stored record's format version, or null when it cannot be read as a record at all. */
export function formatOf(raw: string): number | null {
  try {
    const v = (JSON.parse(raw) as { v?: unknown }).v;
    return typeof v === 'number' ? v : null;
  } catch {
    return null;
  }
}

// Conversations

/**
 * `person` names the person in the data keys' refs (`RedisKeys.person`): a value sealed under one
 * name opens only under that name.
 */
export async function encodeConversation(
  conversation: Conversation,
  vault: Vault,
  person: string,
): Promise<string> {
  const what = `conversation ${conversation.teamId}/${conversation.userId}`;
  const { teamId, userId, updatedAt, draft, turns } = checkInput(Conversation, conversation, what);
  const write = randomBytes(12).toString('base64url');
  const parts = [...(draft ? ['draft'] : []), ...(turns.length > 0 ? ['turns'] : [])];
  let storedDraft: { draftId: string; sealed: string } | undefined;
  if (draft) {
    const { draftId, ...rest } = draft;
    const content = JSON.stringify(check(SealedDraftV3, rest, what));
    const ref = draftKeyRef(teamId, person, draftId);
    storedDraft = {
      draftId,
      sealed: await vault.seal(ref, conversationField('draft', write, parts), content),
    };
  }
  const sealedTurns =
    turns.length > 0
      ? await vault.seal(
          turnsKeyRef(teamId, person),
          conversationField('turns', write, parts),
          JSON.stringify(turns),
        )
      : undefined;
  const stored = {
    v: CONVERSATION_VERSION,
    teamId,
    userId,
    updatedAt,
    w: write,
    ...(storedDraft ? { draft: storedDraft } : {}),
    ...(sealedTurns ? { turns: sealedTurns } : {}),
  };
  return JSON.stringify(check(StoredConversationV3, stored, what));
}

export async function decodeConversation(
  raw: string,
  vault: Vault,
  teamId: string,
  userId: string,
  person: string,
  rules: ReadRules = READ_ANY_FORMAT,
) {
  const what = `stored conversation ${teamId}/${userId}`;
  const record = parseRecord(raw, what, CONVERSATION_VERSION);
  checkFloor(record.v, Math.min(rules.minFormat, CONVERSATION_VERSION), what);
  if (record.v < 3) return decodeLegacyConversation(record, vault, teamId, userId, person, what);
  const stored = check(StoredConversationV3, record, what);
  if (stored.teamId !== teamId || stored.userId !== userId) {
    throw new CorruptRecordError(`${what} holds another conversation`);
  }
  const parts = [...(stored.draft ? ['draft'] : []), ...(stored.turns ? ['turns'] : [])];
  let draft: Draft | undefined;
  if (stored.draft) {
    const { draftId, sealed } = stored.draft;
    const ref = draftKeyRef(teamId, person, draftId);
    const opened = await vault.open(ref, conversationField('draft', stored.w, parts), sealed);
    draft = { draftId, ...check(SealedDraftV3, parseJson(opened, `${what} draft`), what) } as Draft;
  }
  let turns: RedactedTurn[] = [];
  if (stored.turns) {
    const opened = await vault.open(
      turnsKeyRef(teamId, person),
      conversationField('turns', stored.w, parts),
      stored.turns,
    );
    turns = check(z.array(RedactedTurn), parseJson(opened, `${what} turns`), `${what} turns`);
  }
  return check(
    Conversation,
    { teamId, userId, updatedAt: stored.updatedAt, turns, ...(draft ? { draft } : {}) },
    what,
  );
}

async function decodeLegacyConversation(
  record: Record<string, unknown>,
  vault: Vault,
  teamId: string,
  userId: string,
  person: string,
  what: string,
) {
  const stored = check(StoredConversationV2, { ...record, v: 2 }, what);
  if (stored.teamId !== teamId || stored.userId !== userId) {
    throw new CorruptRecordError(`${what} holds another conversation`);
  }
  let draft: Draft | undefined;
  if (stored.draft) {
    const { sealed, sealedReason, disclosure, ...plain } = stored.draft;
    const ref = draftKeyRef(teamId, person, plain.draftId);
    const opened = await openReason(vault, ref, 'draft.disclosure.reason', disclosure, sealedReason);
    draft = {
      ...plain,
      ...(opened ? { disclosure: opened } : {}),
      sensitive: await openFields(vault, ref, 'draft.sensitive', sealed),
    } as Draft;
  }
  let turns: RedactedTurn[] = [];
  if (stored.turns) {
    const opened = await vault.open(turnsKeyRef(teamId, person), 'turns', stored.turns);
    turns = check(z.array(RedactedTurn), parseJson(opened, `${what} turns`), `${what} turns`);
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
    check(StoredProfileV2, { v: PLAIN_RECORD_VERSION, ...checkInput(EmployeeProfile, profile, what) }, what),
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
  return JSON.stringify({ v: PLAIN_RECORD_VERSION, ...checkInput(AuditEntry, entry, what) });
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
