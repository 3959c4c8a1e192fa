import { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { typedByPerson } from '../../../src/privacy/private-text.js';
import { VaultIntegrityError } from '../../../src/privacy/vault.js';
import { CorruptRecordError } from '../../../src/store/errors.js';
import { redisKeys } from '../../../src/store/keys.js';
import { createRedisStore } from '../../../src/store/redis-store.js';
import type { SealedStore } from '../../../src/store/sealed-store.js';
import {
  decideThrough,
  hrActor,
  makeConversation,
  submitThrough,
  testVault,
  uniquePrefix,
} from './fixtures.js';

/**
 * Someone who can write to the data Redis but holds no key: what they can do to a record by
 * moving, adding or deleting stored parts is refused, not served.
 */

const TEAM = 'T0TAMPER';
const redis = new Redis(inject('redisUrl'));
const stores: SealedStore[] = [];
afterAll(async () => {
  await Promise.all(stores.map((store) => store.close()));
  redis.disconnect();
});

function open() {
  const keyPrefix = uniquePrefix('tamper');
  const store = createRedisStore({
    url: inject('redisUrl'),
    keyStore: { url: inject('keystoreUrl') },
    keyPrefix,
    vault: testVault(),
  });
  stores.push(store);
  return { store, keys: redisKeys(keyPrefix) };
}

type Stored = Record<string, unknown> & { sealed: string; version: number };

describe('a stored request changed behind the app', () => {
  it("refuses version 1's sealed statement copied into version 2", async () => {
    const { store, keys } = open();
    const first = await submitThrough(store, TEAM, 'ACC-2026-0001', 'U1', {
      sensitive: { statementOfNeed: 'first words' },
    });
    const key = keys.request(TEAM, first.id);
    const v1 = JSON.parse((await redis.hget(key, 'data')) ?? '{}') as Stored;
    // Version 2: HR notes something, so the sealed value changes.
    await decideThrough(store, TEAM, first.id, 'add_note', hrActor, { text: 'second words' }, new Date());
    const v2 = JSON.parse((await redis.hget(key, 'data')) ?? '{}') as Stored;
    expect(v2.version).toBe(2);

    await redis.hset(key, 'data', JSON.stringify({ ...v2, sealed: v1.sealed }));
    await expect(store.requests.get(TEAM, first.id)).rejects.toBeInstanceOf(VaultIntegrityError);
    // Put back as it was, it reads again: the refusal was about the copy, not the record.
    await redis.hset(key, 'data', JSON.stringify(v2));
    expect((await store.requests.get(TEAM, first.id))?.sensitive.hrNotes).toContain('second words');
  });

  it('refuses a plain disclosure choice added to a current-format record', async () => {
    const { store, keys } = open();
    const request = await submitThrough(store, TEAM, 'ACC-2026-0002', 'U1');
    const key = keys.request(TEAM, request.id);
    const stored = JSON.parse((await redis.hget(key, 'data')) ?? '{}') as Stored;
    // Format 4 keeps the whole disclosure (the choice and the sharing choices) in the sealed value.
    expect(stored).not.toHaveProperty('disclosure');
    const plainDisclosure = {
      reason: 'program',
      shareScheduleWithManager: false,
      eapMayTrackStatus: true,
      jurisdiction: 'us',
    };
    const forged = { ...stored, disclosure: plainDisclosure };
    await redis.hset(key, 'data', JSON.stringify(forged));
    await expect(store.requests.get(TEAM, request.id)).rejects.toBeInstanceOf(CorruptRecordError);
    // Nor did formats 3 and 2: written by hand with a plain choice, they are refused too.
    await redis.hset(key, 'data', JSON.stringify({ ...forged, v: 3 }));
    await expect(store.requests.get(TEAM, request.id)).rejects.toBeInstanceOf(CorruptRecordError);
    await redis.hset(
      key,
      'data',
      JSON.stringify({ ...forged, v: 2, sealed: {}, sealedReason: stored.sealed }),
    );
    await expect(store.requests.get(TEAM, request.id)).rejects.toBeInstanceOf(CorruptRecordError);
  });

  it('notices a sealed part deleted from a request, and from a conversation', async () => {
    const { store, keys } = open();
    const request = await submitThrough(store, TEAM, 'ACC-2026-0003', 'U1');
    const key = keys.request(TEAM, request.id);
    const { sealed: _gone, ...rest } = JSON.parse((await redis.hget(key, 'data')) ?? '{}') as Stored;
    await redis.hset(key, 'data', JSON.stringify(rest));
    await expect(store.requests.get(TEAM, request.id)).rejects.toBeInstanceOf(CorruptRecordError);

    await store.conversations.save(makeConversation(TEAM, 'U2', { sensitive: { privateNote: 'mine' } }));
    const conversationKey = keys.conversation(TEAM, 'U2');
    const conversation = JSON.parse((await redis.get(conversationKey)) ?? '{}') as { turns?: string };
    expect(conversation.turns).toBeDefined();
    const { turns: _turns, ...withoutTurns } = conversation;
    await redis.set(conversationKey, JSON.stringify(withoutTurns), 'KEEPTTL');
    // The draft was sealed knowing the turns were there: without them it does not open.
    await expect(store.conversations.get(TEAM, 'U2')).rejects.toBeInstanceOf(VaultIntegrityError);
  });

  it('refuses a draft copied from an earlier save of the same conversation', async () => {
    const { store, keys } = open();
    const first = makeConversation(TEAM, 'U3', { draftId: 'd1', sensitive: { privateNote: 'earlier' } });
    await store.conversations.save(first);
    const key = keys.conversation(TEAM, 'U3');
    const earlier = JSON.parse((await redis.get(key)) ?? '{}') as { draft: unknown };
    const draft = first.draft;
    if (!draft) throw new Error('the fixture has a draft');
    await store.conversations.save({
      ...first,
      draft: { ...draft, sensitive: { privateNote: typedByPerson('later') } },
    });
    const later = JSON.parse((await redis.get(key)) ?? '{}') as Record<string, unknown>;
    await redis.set(key, JSON.stringify({ ...later, draft: earlier.draft }), 'KEEPTTL');
    await expect(store.conversations.get(TEAM, 'U3')).rejects.toBeInstanceOf(VaultIntegrityError);
  });
});
