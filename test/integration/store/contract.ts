import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { Effect } from '../../../src/domain/effects.js';
import { looked } from '../../../src/domain/lifecycle/on-record.js';
import { type AccommodationRequest, type AuditEntry, SensitiveFields } from '../../../src/domain/request.js';
import { typedByPerson } from '../../../src/privacy/private-text.js';
import { ShreddedError } from '../../../src/privacy/vault.js';
import { encodeAuditEntry } from '../../../src/store/codec.js';
import { CorruptRecordError, InvalidRecordError, RequestNotFoundError } from '../../../src/store/errors.js';
import { draftKeyRef, redisKeys, requestKeyRef } from '../../../src/store/keys.js';
import type { SealedStore } from '../../../src/store/sealed-store.js';
import { RequestExistsError, type Transition, VersionConflictError } from '../../../src/store/types.js';
import { payloads as hrPayloads } from '../../unit/domain/lifecycle/fixtures.js';
import {
  allCanaries,
  canaryFields,
  decidePurge,
  decideThrough,
  findCanaries,
  hrActor,
  makeConversation,
  makeProfile,
  makeRequest,
  submitThrough,
  submittedFields,
  uniquePrefix,
} from './fixtures.js';

export interface StoreHarness {
  readonly name: string;
  /** A store over its own key prefix, so suites never see each other's data. */
  open(options: { keyPrefix: string; conversationTtlSeconds?: number }): SealedStore;
  /** Lets idle time pass: Redis waits for real, the in-process store moves its clock. */
  idle(ms: number): Promise<void>;
  /** Every key and every value held under the prefix, raw, as the backend stores it. */
  dump(store: SealedStore, keyPrefix: string): Promise<string[]>;
}

const TEAM = 'T0CONTRACT';

/** The one store contract (src/store/types.ts), run against every implementation. */
export function storeContract(harness: StoreHarness): void {
  describe(`store contract: ${harness.name}`, () => {
    const opened: SealedStore[] = [];
    const open = (options: Parameters<StoreHarness['open']>[0]) => {
      const store = harness.open(options);
      opened.push(store);
      return store;
    };
    afterAll(async () => {
      await Promise.all(opened.map((s) => s.close()));
    });

    it('gives back a submitted request as it was, private fields included', async () => {
      const store = open({ keyPrefix: uniquePrefix('roundtrip') });
      const fields = canaryFields('rt');
      const created = await submitThrough(store, TEAM, 'ACC-2026-0001', 'U1', { sensitive: fields });
      expect(created.version).toBe(1);
      const read = await store.requests.get(TEAM, created.id);
      expect(read).toEqual(created);
      expect(read?.sensitive.privateNote).toBe(fields.privateNote);
      expect(read?.sensitive.statementOfNeed).toBe(fields.statementOfNeed);
      expect(await store.requests.get(TEAM, 'ACC-2026-0999')).toBeNull();
      await expect(submitThrough(store, TEAM, created.id, 'U1')).rejects.toBeInstanceOf(RequestExistsError);
    });

    it('hands out unique, increasing references even when asked for many at once', async () => {
      const store = open({ keyPrefix: uniquePrefix('refs') });
      const refs = await Promise.all(
        Array.from({ length: 50 }, () => store.requests.nextReference(TEAM, 2026)),
      );
      for (const ref of refs) expect(ref).toMatch(/^ACC-2026-\d{4}$/);
      const numbers = refs.map((r) => Number(r.slice(-4))).sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      expect(await store.requests.nextReference(TEAM, 2026)).toBe('ACC-2026-0051');
      expect(await store.requests.nextReference(TEAM, 2027)).toBe('ACC-2027-0001');
    });

    it('loses no change when twenty people act on the same request at once', async () => {
      const store = open({ keyPrefix: uniquePrefix('cas') });
      const request = await submitThrough(store, TEAM, 'ACC-2026-0002', 'U1');
      const now = new Date(Date.UTC(2026, 2, 3, 10));
      // Each reads, decides and commits; the loser of each race reads again (as runCommand does).
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          decideThrough(store, TEAM, request.id, 'add_note', hrActor, { text: `note ${i}` }, now),
        ),
      );
      const after = await store.requests.get(TEAM, request.id);
      expect(after?.version).toBe(21);
      const notes = JSON.parse(after?.sensitive.hrNotes ?? '[]') as { text: string }[];
      expect(notes.map((note) => note.text).sort()).toEqual(
        Array.from({ length: 20 }, (_, i) => `note ${i}`).sort(),
      );
      expect(await store.audit.list(TEAM, request.id)).toHaveLength(21);
    });

    it('forgets an idle conversation after its time, but not one still in use', async () => {
      const store = open({ keyPrefix: uniquePrefix('ttl'), conversationTtlSeconds: 1 });
      const idle = makeConversation(TEAM, 'U-IDLE');
      const busy = makeConversation(TEAM, 'U-BUSY');
      await store.conversations.save(idle);
      await store.conversations.save(busy);
      expect(await store.conversations.get(TEAM, 'U-IDLE')).toEqual(idle);
      await harness.idle(600);
      await store.conversations.save(busy);
      await harness.idle(600);
      expect(await store.conversations.get(TEAM, 'U-IDLE')).toBeNull();
      expect(await store.conversations.get(TEAM, 'U-BUSY')).toEqual(busy);
      await harness.idle(1200);
      expect(await store.conversations.get(TEAM, 'U-BUSY')).toBeNull();
    });

    it('lists an employee’s requests and pages through a status, longest waiting first', async () => {
      const store = open({ keyPrefix: uniquePrefix('list') });
      // Minutes give the order; two share a minute so a page boundary falls on a tie.
      const plan: [string, string, number][] = [
        ['ACC-2026-0015', 'U1', 5],
        ['ACC-2026-0011', 'U2', 1],
        ['ACC-2026-0014', 'U1', 3],
        ['ACC-2026-0012', 'U1', 2],
        ['ACC-2026-0013', 'U2', 2],
      ];
      for (const [id, employee, minute] of plan) await submitThrough(store, TEAM, id, employee, { minute });

      const mine = await store.requests.listByEmployee(TEAM, 'U1');
      expect(mine.map((s) => s.id)).toEqual(['ACC-2026-0012', 'ACC-2026-0014', 'ACC-2026-0015']);
      expect(mine[0]).toEqual({
        id: 'ACC-2026-0012',
        employeeId: 'U1',
        status: 'submitted',
        statusChangedAt: makeRequest(TEAM, 'x', 'U1', { minute: 2 }).statusChangedAt,
        submittedAt: makeRequest(TEAM, 'x', 'U1', { minute: 2 }).submittedAt,
      });

      const seen: string[] = [];
      let cursor: string | undefined;
      const pageSizes: number[] = [];
      do {
        const page = await store.requests.listByStatus(TEAM, 'submitted', {
          limit: 2,
          ...(cursor ? { cursor } : {}),
        });
        pageSizes.push(page.items.length);
        seen.push(...page.items.map((s) => s.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(pageSizes).toEqual([2, 2, 1]);
      expect(seen).toEqual([
        'ACC-2026-0011',
        'ACC-2026-0012',
        'ACC-2026-0013',
        'ACC-2026-0014',
        'ACC-2026-0015',
      ]);

      await decideThrough(
        store,
        TEAM,
        'ACC-2026-0012',
        'acknowledge',
        hrActor,
        {},
        new Date(Date.UTC(2026, 2, 3)),
      );
      const submitted = await store.requests.listByStatus(TEAM, 'submitted');
      expect(submitted.items.map((s) => s.id)).not.toContain('ACC-2026-0012');
      expect(submitted.nextCursor).toBeUndefined();
      const acknowledged = await store.requests.listByStatus(TEAM, 'acknowledged');
      expect(acknowledged.items.map((s) => `${s.id} ${s.status}`)).toEqual(['ACC-2026-0012 acknowledged']);
      expect(await store.requests.listByEmployee(TEAM, 'U-NOBODY')).toEqual([]);
    });

    it('lists the requests a manager was told of, and only once they were told', async () => {
      const store = open({ keyPrefix: uniquePrefix('manager') });
      const consent = {
        reason: 'functional',
        shareScheduleWithManager: true,
        eapMayTrackStatus: false,
        jurisdiction: 'us',
      } as const;
      const noConsent = { ...consent, shareScheduleWithManager: false };
      const day = (n: number) => new Date(Date.UTC(2026, 2, n));
      const told = await submitThrough(store, TEAM, 'ACC-2026-0031', 'U1', { disclosure: consent });
      const notAgreed = await submitThrough(store, TEAM, 'ACC-2026-0032', 'U2', { disclosure: noConsent });
      for (const { id } of [told, notAgreed])
        await decideThrough(store, TEAM, id, 'acknowledge', hrActor, {}, day(3));
      expect(await store.requests.listByManager(TEAM, 'UBOSS')).toEqual([]);
      for (const { id } of [told, notAgreed]) {
        await decideThrough(
          store,
          TEAM,
          id,
          'approve',
          hrActor,
          { ...hrPayloads.approve, managerId: 'UBOSS' },
          day(4),
        );
      }
      const listed = await store.requests.listByManager(TEAM, 'UBOSS');
      expect(listed.map((s) => [s.id, s.employeeId, s.managerId])).toEqual([[told.id, 'U1', 'UBOSS']]);
      // An end leaves it listed: the manager's Home says it ended.
      await decideThrough(store, TEAM, told.id, 'end', hrActor, {}, day(5));
      expect((await store.requests.listByManager(TEAM, 'UBOSS')).map((s) => s.status)).toEqual(['ended']);
      expect(await store.requests.listByManager(TEAM, 'U1')).toEqual([]);
    });

    it('keeps the audit trail in order, and keeps only who did what and when', async () => {
      const keyPrefix = uniquePrefix('audit');
      const store = open({ keyPrefix });
      const { id } = await submitThrough(store, TEAM, 'ACC-2026-0020', 'U1');
      const later = (hours: number) => new Date(Date.UTC(2026, 2, 2, 9 + hours));
      await decideThrough(store, TEAM, id, 'acknowledge', hrActor, {}, later(1));
      // HR opening the letter changes nothing but is on the trail: the record and its version stay.
      const leak = 'canary audit note about detox';
      const acknowledged = await store.requests.get(TEAM, id);
      if (!acknowledged) throw new Error('gone');
      const look = looked(acknowledged, hrActor, later(2), 'letter');
      if (!look.ok) throw new Error('HR may look');
      await store.requests.record({ ...look, audit: { ...look.audit, note: leak } as AuditEntry });
      expect(await store.requests.get(TEAM, id)).toEqual(acknowledged);
      // An entry decided from a record that has since moved on is not written.
      await decideThrough(store, TEAM, id, 'add_note', hrActor, { text: 'a note' }, later(3));
      await expect(store.requests.record(look)).rejects.toBeInstanceOf(VersionConflictError);
      await expect(
        store.requests.record({ ...look, request: { ...acknowledged, id: 'ACC-2026-0929' } }),
      ).rejects.toBeInstanceOf(RequestNotFoundError);
      const listed = await store.audit.list(TEAM, id);
      expect(listed.map((e) => [e.action, e.actorId, e.at])).toEqual([
        ['submit', 'U1', later(0).toISOString()],
        ['acknowledge', hrActor.id, later(1).toISOString()],
        ['viewed', hrActor.id, later(2).toISOString()],
        ['add_note', hrActor.id, later(3).toISOString()],
      ]);
      expect(listed[2]).toEqual({
        at: later(2).toISOString(),
        actorRole: 'hr',
        actorId: hrActor.id,
        action: 'viewed',
        fromStatus: 'acknowledged',
        toStatus: 'acknowledged',
      });
      expect(findCanaries(await harness.dump(store, keyPrefix), [leak])).toEqual([]);
    });

    it('carries out only a purge that decide recorded', async () => {
      const store = open({ keyPrefix: uniquePrefix('undecided') });
      const request = await submitThrough(store, TEAM, 'ACC-2026-0033', 'U3');
      await expect(store.requests.purge(TEAM, request.id)).rejects.toThrow(/decide/);
      expect((await store.requests.get(TEAM, request.id))?.status).toBe('submitted');
      expect((await store.audit.list(TEAM, request.id)).map((entry) => entry.action)).toEqual(['submit']);
    });

    it('lists every workspace that has requests, each once, for the retention sweep', async () => {
      const store = open({ keyPrefix: uniquePrefix('teams') });
      expect(await store.requests.teams()).toEqual([]);
      await submitThrough(store, TEAM, 'ACC-2026-0031', 'U3');
      await submitThrough(store, 'T0SECOND', 'ACC-2026-0001', 'U3');
      await submitThrough(store, TEAM, 'ACC-2026-0032', 'U4');
      expect([...(await store.requests.teams())].sort()).toEqual(['T0SECOND', TEAM].sort());
    });

    it('purges a request for good: record, indexes, history and the key its private fields need', async () => {
      const keyPrefix = uniquePrefix('purge');
      const store = open({ keyPrefix });
      const fields = canaryFields('purge');
      const request = await submitThrough(store, TEAM, 'ACC-2026-0030', 'U3', { sensitive: fields });
      const raw = await store.backend.getRequest(TEAM, request.id);
      const sealed = JSON.parse(raw ?? '{}').sealed as string;
      expect(
        JSON.parse(await store.vault.open(requestKeyRef(TEAM, request.id), 'request@v1', sealed)).sensitive,
      ).toEqual(Object.fromEntries(submittedFields.map((field) => [field, fields[field]])));

      // Retention ends long after the worker delivered what the submission asked for.
      for (const entry of await store.outbox.pending(TEAM, request.id))
        await store.outbox.markDone(TEAM, entry.id, new Date());
      const decided = await decidePurge(store, TEAM, request.id);
      await store.outbox.forgetIfSettled(TEAM, request.id, 0, new Date(Date.now() + 1000));
      await store.requests.purge(TEAM, request.id);
      expect(await store.requests.get(TEAM, request.id)).toBeNull();
      expect(await store.requests.listByEmployee(TEAM, 'U3')).toEqual([]);
      for (const status of ['submitted', 'withdrawn', 'closed', 'purged'] as const)
        expect((await store.requests.listByStatus(TEAM, status)).items).toEqual([]);
      // The history is gone but for its tombstone, which is the purge as `decide` recorded it (the
      // store writes none of its own): the reference was purged, when, by the system.
      const tombstone = await store.audit.list(TEAM, request.id);
      expect(tombstone).toEqual([decided.audit]);
      expect(tombstone).toEqual([
        {
          at: decided.audit.at,
          actorRole: 'system',
          actorId: 'system',
          action: 'purge',
          fromStatus: 'closed',
          toStatus: 'purged',
        },
      ]);
      await expect(
        store.vault.open(requestKeyRef(TEAM, request.id), 'request@v1', sealed),
      ).rejects.toBeInstanceOf(ShreddedError);
      // Nothing else names the request, indexes and counters included; the tombstone names no one.
      const left = await harness.dump(store, keyPrefix);
      const auditKey = redisKeys(keyPrefix).audit(TEAM, request.id);
      expect(left.filter((line) => line.includes(request.id) && !line.startsWith(auditKey))).toEqual([]);
      const tombstoneLines = left.filter((line) => line.startsWith(auditKey)).join('\n');
      expect(tombstoneLines).not.toContain('U3');
      expect(tombstoneLines).not.toContain('created');
    });

    it('shreds a draft when the conversation is deleted or the draft is replaced', async () => {
      const store = open({ keyPrefix: uniquePrefix('draft') });
      const first = makeConversation(TEAM, 'U4', {
        draftId: 'draft-one',
        sensitive: { privateNote: 'first' },
      });
      await store.conversations.save(first);
      const firstStored = JSON.parse((await store.backend.getConversation(TEAM, 'U4')) ?? '{}');
      const firstSealed = firstStored.draft.sealed as string;
      const firstField = `draft@${firstStored.w}|draft,turns`;
      expect(
        JSON.parse(await store.vault.open(draftKeyRef(TEAM, 'U4', 'draft-one'), firstField, firstSealed))
          .sensitive,
      ).toEqual({ privateNote: 'first' });

      const second = makeConversation(TEAM, 'U4', {
        draftId: 'draft-two',
        sensitive: { privateNote: 'second' },
      });
      await store.conversations.save(second);
      await expect(
        store.vault.open(draftKeyRef(TEAM, 'U4', 'draft-one'), firstField, firstSealed),
      ).rejects.toBeInstanceOf(ShreddedError);
      expect(await store.conversations.get(TEAM, 'U4')).toEqual(second);

      const secondStored = JSON.parse((await store.backend.getConversation(TEAM, 'U4')) ?? '{}');
      const secondSealed = secondStored.draft.sealed as string;
      const secondField = `draft@${secondStored.w}|draft,turns`;
      await store.conversations.delete(TEAM, 'U4');
      expect(await store.conversations.get(TEAM, 'U4')).toBeNull();
      await expect(
        store.vault.open(draftKeyRef(TEAM, 'U4', 'draft-two'), secondField, secondSealed),
      ).rejects.toBeInstanceOf(ShreddedError);
    });

    it('lets only the first of many claims for the same event through, until the claim lapses', async () => {
      const store = open({ keyPrefix: uniquePrefix('claim') });
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => store.claimOnce(TEAM, 'event:Ev01', `replica-${i}`, 1)),
      );
      const winners = results.filter((r) => r === null);
      expect(winners).toHaveLength(1);
      expect(new Set(results.filter((r) => r !== null))).toEqual(
        new Set([`replica-${results.indexOf(null)}`]),
      );
      expect(await store.claimOnce(TEAM, 'event:Ev02', 'x', 60)).toBeNull();
      await harness.idle(1500);
      expect(await store.claimOnce(TEAM, 'event:Ev01', 'again', 60)).toBeNull();
    });

    it('holds a claim for a while after the work it guarded, replacing whoever held it', async () => {
      const store = open({ keyPrefix: uniquePrefix('hold') });
      expect(await store.claimOnce(TEAM, 'pace:C1', 'first', 10)).toBeNull();
      // The post landed: the channel stays held a little longer, then frees itself.
      await store.holdClaim(TEAM, 'pace:C1', 'first', 300);
      expect(await store.claimOnce(TEAM, 'pace:C1', 'second', 10)).toBe('first');
      await harness.idle(600);
      expect(await store.claimOnce(TEAM, 'pace:C1', 'second', 10)).toBeNull();
      expect(() => store.holdClaim(TEAM, 'pace:C1', 'x', 0)).toThrow('ttlMs');
    });

    it("remembers where the app posted in a person's DM, oldest first, per person, and forgets on request", async () => {
      const store = open({ keyPrefix: uniquePrefix('app-posts') });
      const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));
      await store.appPosts.remember(TEAM, 'U5', { kind: 'message', channel: 'D5', ts: '1.0002' }, at(2));
      await store.appPosts.remember(TEAM, 'U5', { kind: 'file', id: 'F1' }, at(3));
      await store.appPosts.remember(TEAM, 'U5', { kind: 'message', channel: 'D5', ts: '1.0001' }, at(1));
      await store.appPosts.remember(TEAM, 'U6', { kind: 'message', channel: 'D6', ts: '1.0001' }, at(1));
      // Remembering the same post twice keeps it once.
      await store.appPosts.remember(TEAM, 'U5', { kind: 'file', id: 'F1' }, at(3));
      expect(await store.appPosts.list(TEAM, 'U5')).toEqual([
        { kind: 'message', channel: 'D5', ts: '1.0001' },
        { kind: 'message', channel: 'D5', ts: '1.0002' },
        { kind: 'file', id: 'F1' },
      ]);
      await store.appPosts.forget(TEAM, 'U5', [
        { kind: 'message', channel: 'D5', ts: '1.0001' },
        { kind: 'file', id: 'F1' },
      ]);
      expect(await store.appPosts.list(TEAM, 'U5')).toEqual([
        { kind: 'message', channel: 'D5', ts: '1.0002' },
      ]);
      expect(await store.appPosts.list(TEAM, 'U6')).toHaveLength(1);
      expect(await store.appPosts.list(TEAM, 'U7')).toEqual([]);
    });

    it('keeps profiles, and deletes them on request', async () => {
      const store = open({ keyPrefix: uniquePrefix('profile') });
      const profile = makeProfile(TEAM, 'U5');
      await store.profiles.save(profile);
      expect(await store.profiles.get(TEAM, 'U5')).toEqual(profile);
      await store.profiles.delete(TEAM, 'U5');
      expect(await store.profiles.get(TEAM, 'U5')).toBeNull();
    });

    it('reads a format 1 record, whose disclosure choice was plain, and seals it on the next write', async () => {
      const keyPrefix = uniquePrefix('format1');
      const store = open({ keyPrefix });
      const { sensitive: _none, ...request } = makeRequest(TEAM, 'ACC-2026-0080', 'U1', {
        disclosure: {
          reason: 'program',
          shareScheduleWithManager: false,
          eapMayTrackStatus: true,
          jurisdiction: 'ca',
        },
      });
      await plantRaw(store, request.id, JSON.stringify({ ...request, v: 1, sealed: {} }));
      expect((await store.requests.get(TEAM, request.id))?.disclosure.reason).toBe('program');

      await decideThrough(
        store,
        TEAM,
        request.id,
        'acknowledge',
        hrActor,
        {},
        new Date(Date.UTC(2026, 2, 3)),
      );
      const dump = await harness.dump(store, keyPrefix);
      expect(dump.filter((line) => /"reason"/.test(line))).toEqual([]);
      expect((await store.requests.get(TEAM, request.id))?.disclosure).toMatchObject({
        reason: 'program',
        jurisdiction: 'ca',
      });
    });

    it('refuses a broken or unknown record with an error that names it but carries none of it', async () => {
      const store = open({ keyPrefix: uniquePrefix('corrupt') });
      const leak = `canary corrupt ${randomUUID()}`;
      const broken = [
        `not json ${leak}`,
        JSON.stringify({ v: 99, note: leak }),
        JSON.stringify({ note: leak }),
        JSON.stringify({
          ...makeRequest(TEAM, 'ACC-2026-0050', 'U1'),
          v: 1,
          sealed: {},
          sensitive: { privateNote: leak },
        }),
        JSON.stringify({ ...makeRequest(TEAM, 'ACC-2026-0050', 'U1'), v: 1, sealed: { privateNote: leak } }),
      ];
      for (const [i, value] of broken.entries()) {
        const id = `ACC-2026-006${i}`;
        await plantRaw(store, id, value);
        const error = await store.requests.get(TEAM, id).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(CorruptRecordError);
        expect((error as Error).message).toContain(id);
        expect(`${(error as Error).message} ${(error as Error).stack}`).not.toContain(leak);
      }
      const newer = await store.requests.get(TEAM, 'ACC-2026-0061').catch((e: unknown) => e);
      expect((newer as Error).message).toContain('newer than this code reads');

      const invalid = { ...makeRequest(TEAM, 'ACC-2026-0070', 'U1'), schedule: { days: [] } } as never;
      await expect(
        store.requests.commit(transition({ ...(invalid as AccommodationRequest), version: 0 }, 'submit', [])),
      ).rejects.toBeInstanceOf(InvalidRecordError);
      expect(await store.requests.get(TEAM, 'ACC-2026-0070')).toBeNull();
    });

    describe('transitions: record, audit entry and effects in one step', () => {
      const submitted = (id: string, employee = 'U1', extra: Partial<AccommodationRequest> = {}) =>
        transition({ ...makeRequest(TEAM, id, employee), version: 0, ...extra }, 'submit', [
          { kind: 'hr_card', requestId: id },
          { kind: 'employee_dm', requestId: id, event: 'submitted' },
          { kind: 'refresh_home', userId: employee },
        ]);

      it('creates a request with its audit entry and its effects under stable ids', async () => {
        const store = open({ keyPrefix: uniquePrefix('commit') });
        const id = 'ACC-2026-0101';
        const committed = await store.requests.commit(submitted(id));
        expect(committed.request.version).toBe(1);
        expect(committed.outbox.map((e) => e.id)).toEqual([`${id}:1:0`, `${id}:1:1`, `${id}:1:2`]);
        expect(await store.requests.get(TEAM, id)).toEqual(committed.request);
        expect(await store.audit.list(TEAM, id)).toEqual([submitted(id).audit]);
        expect(await store.outbox.pending(TEAM, id)).toEqual(committed.outbox);
        expect(await store.outbox.requestsWithPending(100)).toContainEqual({ teamId: TEAM, requestId: id });
        expect((await store.requests.listByStatus(TEAM, 'submitted')).items.map((s) => s.id)).toEqual([id]);
        expect((await store.requests.listByEmployee(TEAM, 'U1')).map((s) => s.id)).toEqual([id]);

        // Submitting the same id again changes nothing at all.
        await expect(store.requests.commit(submitted(id))).rejects.toBeInstanceOf(RequestExistsError);
        expect(await store.audit.list(TEAM, id)).toHaveLength(1);
        expect(await store.outbox.pending(TEAM, id)).toHaveLength(3);
      });

      it('moves the record on only from the version it was decided from, with its audit and effects', async () => {
        const store = open({ keyPrefix: uniquePrefix('commit-cas') });
        const id = 'ACC-2026-0102';
        const { request } = await store.requests.commit(submitted(id));
        const ack = (from: AccommodationRequest) =>
          transition({ ...from, status: 'acknowledged' }, 'acknowledge', [
            { kind: 'hr_card', requestId: id },
          ]);

        const next = await store.requests.commit(ack(request));
        expect(next.request.version).toBe(2);
        expect(next.outbox.map((e) => e.id)).toEqual([`${id}:2:0`]);

        // A decision made from version 1 again is stale: nothing of it is written.
        await expect(store.requests.commit(ack(request))).rejects.toBeInstanceOf(VersionConflictError);
        expect((await store.requests.get(TEAM, id))?.version).toBe(2);
        expect(await store.audit.list(TEAM, id)).toHaveLength(2);
        expect((await store.outbox.pending(TEAM, id)).map((e) => e.id)).toEqual([
          `${id}:1:0`,
          `${id}:1:1`,
          `${id}:1:2`,
          `${id}:2:0`,
        ]);
        expect((await store.requests.listByStatus(TEAM, 'submitted')).items).toEqual([]);
        expect((await store.requests.listByStatus(TEAM, 'acknowledged')).items.map((s) => s.id)).toEqual([
          id,
        ]);
        const gone = { ...request, id: 'ACC-2026-0199', status: 'acknowledged' as const, version: 3 };
        await expect(store.requests.commit(transition(gone, 'acknowledge', []))).rejects.toBeInstanceOf(
          RequestNotFoundError,
        );
        // An effect that names another request is a programming error, refused before anything is written.
        await expect(
          store.requests.commit(
            transition({ ...next.request, status: 'approved' }, 'approve', [
              { kind: 'hr_card', requestId: 'ACC-2026-0198' },
            ]),
          ),
        ).rejects.toThrow(/names another request/);
        expect((await store.requests.get(TEAM, id))?.version).toBe(2);
      });

      it('lets exactly one of ten simultaneous decisions from the same version through', async () => {
        const store = open({ keyPrefix: uniquePrefix('commit-race') });
        const id = 'ACC-2026-0103';
        const { request } = await store.requests.commit(submitted(id));
        const results = await Promise.allSettled(
          Array.from({ length: 10 }, (_, i) =>
            store.requests.commit(
              transition(
                { ...request, status: 'acknowledged', updatedAt: `2026-03-03T10:00:0${i}.000Z` },
                'acknowledge',
                [{ kind: 'hr_thread', requestId: id, event: `ack-${i}` }],
              ),
            ),
          ),
        );
        const won = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
        expect(won).toHaveLength(1);
        for (const r of results)
          if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(VersionConflictError);
        expect(await store.audit.list(TEAM, id)).toHaveLength(2);
        const threads = (await store.outbox.pending(TEAM, id)).filter((e) => e.effect.kind === 'hr_thread');
        expect(threads).toEqual(won[0]?.outbox);
        expect((await store.requests.get(TEAM, id))?.updatedAt).toBe(won[0]?.request.updatedAt);
      });

      it('keeps only routing data in the audit entry and the outbox', async () => {
        const keyPrefix = uniquePrefix('commit-c0');
        const store = open({ keyPrefix });
        const id = 'ACC-2026-0104';
        const leak = `canary outbox ${randomUUID()}`;
        const fields = canaryFields('commit');
        const base = submitted(id, 'U1', { sensitive: SensitiveFields.parse(fields) });
        await store.requests.commit({
          request: base.request,
          audit: { ...base.audit, note: leak } as AuditEntry,
          effects: [{ kind: 'employee_dm', requestId: id, event: 'submitted', text: leak } as Effect],
        });
        const [entry] = await store.outbox.pending(TEAM, id);
        expect(entry?.effect).toEqual({ kind: 'employee_dm', requestId: id, event: 'submitted' });
        expect(findCanaries(await harness.dump(store, keyPrefix), [leak, ...allCanaries(fields)])).toEqual(
          [],
        );
      });

      it('delivers each entry once: a lease while delivering, then done for good', async () => {
        const store = open({ keyPrefix: uniquePrefix('outbox-done') });
        const id = 'ACC-2026-0105';
        const { outbox } = await store.requests.commit(submitted(id));
        const card = outbox[0]?.id ?? '';
        expect(await store.outbox.get(TEAM, card)).toEqual({ state: 'pending', entry: outbox[0] });

        expect(await store.outbox.claim(TEAM, card, 'worker-a', 30_000)).toBe('claimed');
        expect(await store.outbox.claim(TEAM, card, 'worker-b', 30_000)).toBe('busy');
        await store.outbox.release(TEAM, card, 'worker-b'); // not theirs to release
        expect(await store.outbox.claim(TEAM, card, 'worker-b', 30_000)).toBe('busy');
        await store.outbox.release(TEAM, card, 'worker-a');
        expect(await store.outbox.claim(TEAM, card, 'worker-b', 30_000)).toBe('claimed');

        const marks = await Promise.all([
          store.outbox.markDone(TEAM, card, new Date()),
          store.outbox.markDone(TEAM, card, new Date()),
        ]);
        expect(marks.sort()).toEqual([false, true]);
        expect(await store.outbox.get(TEAM, card)).toEqual({ state: 'done' });
        expect(await store.outbox.claim(TEAM, card, 'worker-c', 30_000)).toBe('settled');
        expect((await store.outbox.pending(TEAM, id)).map((e) => e.id)).toEqual([
          outbox[1]?.id,
          outbox[2]?.id,
        ]);
        expect(await store.outbox.get(TEAM, `${id}:9:0`)).toBeNull();

        // The sweep's list keeps the request while anything is pending, and for a quiet period after.
        for (const entry of outbox.slice(1)) await store.outbox.markDone(TEAM, entry.id, new Date());
        await store.outbox.forgetIfSettled(TEAM, id, 60_000, new Date());
        expect(await store.outbox.requestsWithPending(100)).toContainEqual({ teamId: TEAM, requestId: id });
        await store.outbox.forgetIfSettled(TEAM, id, 60_000, new Date(Date.now() + 120_000));
        expect(await store.outbox.requestsWithPending(100)).not.toContainEqual({
          teamId: TEAM,
          requestId: id,
        });
      });

      it('keeps a dead letter, lists it, and brings it back for another try', async () => {
        const store = open({ keyPrefix: uniquePrefix('outbox-dead') });
        const id = 'ACC-2026-0106';
        const { outbox } = await store.requests.commit(submitted(id));
        const card = outbox[0];
        if (!card) throw new Error('no entry');
        const at = new Date(Date.UTC(2026, 2, 3, 12));
        expect(await store.outbox.markDead(TEAM, card.id, { reason: 'slack_500', attempts: 6, at })).toBe(
          true,
        );
        expect(await store.outbox.markDead(TEAM, card.id, { reason: 'again', attempts: 7, at })).toBe(false);
        expect(await store.outbox.get(TEAM, card.id)).toEqual({ state: 'dead', entry: card });
        expect(await store.outbox.claim(TEAM, card.id, 'w', 1000)).toBe('settled');
        expect(await store.outbox.deadLetters(100)).toEqual([
          { entry: card, reason: 'slack_500', attempts: 6, at: at.toISOString() },
        ]);

        expect(await store.outbox.revive(TEAM, card.id)).toEqual(card);
        expect(await store.outbox.revive(TEAM, card.id)).toBeNull();
        expect(await store.outbox.deadLetters(100)).toEqual([]);
        expect(await store.outbox.get(TEAM, card.id)).toEqual({ state: 'pending', entry: card });
        expect(await store.outbox.claim(TEAM, card.id, 'w', 1000)).toBe('claimed');
      });

      it('remembers where the app posted about a request, until told to forget', async () => {
        const store = open({ keyPrefix: uniquePrefix('posts') });
        const id = 'ACC-2026-0107';
        await store.outbox.rememberPost(TEAM, id, { kind: 'hr_card', channel: 'C-HR', ts: '1.000100' });
        await store.outbox.rememberPost(TEAM, id, { kind: 'hr_card', channel: 'D-HR2', ts: '1.000200' });
        await store.outbox.rememberPost(TEAM, id, { kind: 'hr_card', channel: 'C-HR', ts: '1.000300' });
        const posts = await store.outbox.posts(TEAM, id);
        expect(posts.sort((a, b) => a.channel.localeCompare(b.channel))).toEqual([
          { kind: 'hr_card', channel: 'C-HR', ts: '1.000300' },
          { kind: 'hr_card', channel: 'D-HR2', ts: '1.000200' },
        ]);
        await store.outbox.forgetPosts(TEAM, id);
        expect(await store.outbox.posts(TEAM, id)).toEqual([]);
      });

      it('forgets only the posts it is told to, keeping HR’s card', async () => {
        const store = open({ keyPrefix: uniquePrefix('posts-some') });
        const id = 'ACC-2026-0108';
        const card = { kind: 'hr_card', channel: 'C-HR', ts: '1.000100' };
        const dm = { kind: 'dm:ACC-2026-0108:1:0', channel: 'D-EMP', ts: '1.000200' };
        await store.outbox.rememberPost(TEAM, id, card);
        await store.outbox.rememberPost(TEAM, id, dm);
        await store.outbox.forgetPosts(TEAM, id, [dm]);
        expect(await store.outbox.posts(TEAM, id)).toEqual([card]);
        await store.outbox.forgetPosts(TEAM, id, []);
        expect(await store.outbox.posts(TEAM, id)).toEqual([card]);
      });
    });

    it('holds no private text in plain anywhere at rest', async () => {
      const keyPrefix = uniquePrefix('scan');
      const store = open({ keyPrefix });
      const canaries: string[] = [];
      for (let i = 0; i < 3; i++) {
        // Every private field of a request, filled the way the app fills it: the employee's words
        // when they submit and decline, HR's as they offer, note and deny.
        const fields = canaryFields(`request-${i}`);
        const hrWords = (name: string) => `canary hr ${name} ${i} ${randomUUID()}`;
        const alternative = hrWords('alternative');
        const note = hrWords('note');
        const denial = {
          explanation: hrWords('denial'),
          considered: hrWords('considered'),
          whyNot: hrWords('whynot'),
          again: hrWords('again'),
        };
        canaries.push(...submittedFields.map((field) => fields[field]));
        canaries.push(fields.declineComment, alternative, note, ...Object.values(denial));
        const { id } = await submitThrough(store, TEAM, `ACC-2026-004${i}`, `U6${i}`, { sensitive: fields });
        const step = (hours: number) => new Date(Date.UTC(2026, 2, 2, 10 + hours));
        await decideThrough(store, TEAM, id, 'acknowledge', hrActor, {}, step(0));
        await decideThrough(
          store,
          TEAM,
          id,
          'offer_alternative',
          hrActor,
          { ...hrPayloads.offer_alternative, explanation: alternative },
          step(1),
        );
        await decideThrough(
          store,
          TEAM,
          id,
          'decline_alternative',
          { role: 'employee', id: `U6${i}` },
          { comment: typedByPerson(fields.declineComment) },
          step(2),
        );
        await decideThrough(store, TEAM, id, 'add_note', hrActor, { text: note }, step(3));
        await decideThrough(
          store,
          TEAM,
          id,
          'deny',
          hrActor,
          {
            reason: 'undue_hardship',
            explanation: denial.explanation,
            alternativesConsidered: [{ alternative: denial.considered, whyNot: denial.whyNot }],
            reconsideration: denial.again,
          },
          step(4),
        );
      }
      for (let i = 0; i < 2; i++) {
        const fields = canaryFields(`draft-${i}`);
        const turnText = `canary turn ${i} about methadone ${randomUUID()}`;
        canaries.push(...allCanaries(fields), turnText);
        await store.conversations.save(makeConversation(TEAM, `U7${i}`, { sensitive: fields, turnText }));
        await store.profiles.save(makeProfile(TEAM, `U7${i}`));
      }

      // How much the employee chose to disclose is itself C2: "program" says which treatment.
      await submitThrough(store, TEAM, 'ACC-2026-0049', 'U69', {
        disclosure: {
          reason: 'program',
          shareScheduleWithManager: true,
          eapMayTrackStatus: false,
          jurisdiction: 'us',
        },
      });
      await store.conversations.save({
        ...makeConversation(TEAM, 'U79'),
        draft: {
          draftId: 'draft-disclosure',
          step: 'review',
          startedAt: '2026-11-01T10:00:00.000Z',
          updatedAt: '2026-11-01T10:00:00.000Z',
          disclosure: { reason: 'own_words' },
          sensitive: {},
        },
      });

      const dump = await harness.dump(store, keyPrefix);
      expect(findCanaries(dump, canaries)).toEqual([]);
      // The disclosure choice is sealed. (HR's reason for a denial, a category from a list such as
      // undue hardship, is a decision about work and stays readable for HR's queue.)
      expect(dump.filter((line) => /"reason":"(functional|program|own_words)"/.test(line))).toEqual([]);
      // A treatment schedule, a working pattern and the accommodation types are health data in an
      // app used only by people in treatment: none of them is readable at rest either.
      const healthFacts =
        /sessionStart|sessionEnd|travelMinutes|in_person|"schedule"|"work"|shifted_hours|recurring_meetings|"accommodations"/;
      expect(dump.filter((line) => healthFacts.test(line))).toEqual([]);
      expect((await store.requests.get(TEAM, 'ACC-2026-0040'))?.schedule.sessionStart).toBe('09:00');
      expect((await store.conversations.get(TEAM, 'U70'))?.draft?.schedule?.sessionStart).toBe('09:00');
      expect((await store.requests.get(TEAM, 'ACC-2026-0049'))?.disclosure.reason).toBe('program');
      expect((await store.conversations.get(TEAM, 'U79'))?.draft?.disclosure?.reason).toBe('own_words');
      // And the scan did see the data: sealed values are there, and the canaries read back in full.
      expect(dump.filter((line) => line.includes('aa2.')).length).toBeGreaterThanOrEqual(5);
      expect((await store.requests.get(TEAM, 'ACC-2026-0040'))?.sensitive.privateNote).toContain('canary');
    });
  });
}

/** A decided change as the store receives it, with an audit entry that names the status move. */
export function transition(
  request: AccommodationRequest,
  action: AuditEntry['action'],
  effects: Effect[],
  fromStatus?: AccommodationRequest['status'],
): Transition {
  return {
    request,
    audit: {
      at: '2026-03-03T10:00:00.000Z',
      actorRole: action === 'submit' ? 'employee' : 'hr',
      actorId: action === 'submit' ? request.employeeId : 'U-HR',
      action,
      fromStatus: fromStatus ?? (action === 'submit' ? 'draft' : 'submitted'),
      toStatus: request.status,
    },
    effects,
  };
}

/** Stores a record as an older version of the app (or a fault) left it, past the codec's checks. */
async function plantRaw(store: SealedStore, id: string, value: string): Promise<void> {
  const entry = encodeAuditEntry(
    { at: '2026-03-02T09:00:00.000Z', actorRole: 'employee', actorId: 'U1', action: 'submit' },
    TEAM,
    id,
  );
  expect(await store.backend.commitTransition(TEAM, id, 0, 1, value, entry, [])).toBe('written');
}
