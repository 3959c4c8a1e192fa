import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MemoryKeyStore } from '../../src/privacy/key-store.js';
import {
  type KeyRef,
  type KeyStore,
  type MasterKey,
  ShreddedError,
  UnknownMasterKeyError,
  Vault,
  VaultIntegrityError,
} from '../../src/privacy/vault.js';

/** Wrapped keys in a Map the tests can look into, shared by "replicas" in these tests. */
class MapKeyStore extends MemoryKeyStore implements KeyStore {
  readonly keys = new Map<string, string>();
  override async getWrappedKey(ref: KeyRef) {
    return this.keys.get(id(ref)) ?? null;
  }
  override async createWrappedKey(ref: KeyRef, wrapped: string) {
    if (this.keys.has(id(ref))) return false;
    this.keys.set(id(ref), wrapped);
    return true;
  }
  override async replaceWrappedKey(ref: KeyRef, expected: string, wrapped: string) {
    if (this.keys.get(id(ref)) !== expected) return false;
    this.keys.set(id(ref), wrapped);
    return true;
  }
  override async deleteWrappedKey(ref: KeyRef) {
    this.keys.delete(id(ref));
  }
}
const id = (ref: KeyRef) => `${ref.scope}/${ref.name}`;

const masterKey = (keyId: string): MasterKey => ({ id: keyId, key: randomBytes(32) });
const request42: KeyRef = { scope: 'T1:ACC-2026-0042', name: 'request' };
const request43: KeyRef = { scope: 'T1:ACC-2026-0043', name: 'request' };
const secret = 'canary-outpatient-program-7f3a';

function vaultWith(masterKeys: MasterKey[], keyStore = new MapKeyStore(), dataKeyCacheMs = 0) {
  return { vault: new Vault({ masterKeys, dataKeyCacheMs }, keyStore), keyStore };
}

describe('vault', () => {
  it('seals a field so it opens again, without the text showing in the sealed form', async () => {
    const { vault } = vaultWith([masterKey('k1')]);
    const sealed = await vault.seal(request42, 'reasonOwnWords', secret);
    expect(sealed).toMatch(/^aa2\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain(secret);
    expect(await vault.open(request42, 'reasonOwnWords', sealed)).toBe(secret);
  });

  it('gives a different sealed form each time for the same text', async () => {
    const { vault } = vaultWith([masterKey('k1')]);
    const a = await vault.seal(request42, 'privateNote', secret);
    const b = await vault.seal(request42, 'privateNote', secret);
    expect(a).not.toBe(b);
  });

  it('refuses a value moved to another request or another field', async () => {
    const { vault } = vaultWith([masterKey('k1')]);
    const sealed = await vault.seal(request42, 'reasonOwnWords', secret);
    await vault.seal(request43, 'reasonOwnWords', 'other');
    await expect(vault.open(request42, 'privateNote', sealed)).rejects.toBeInstanceOf(VaultIntegrityError);
    await expect(vault.open(request43, 'reasonOwnWords', sealed)).rejects.toBeInstanceOf(VaultIntegrityError);
  });

  it('refuses an altered value with an error that carries neither the text nor the sealed form', async () => {
    const { vault } = vaultWith([masterKey('k1')]);
    const sealed = await vault.seal(request42, 'reasonOwnWords', secret);
    const last = sealed.at(-2) === 'A' ? 'B' : 'A';
    const altered = `${sealed.slice(0, -2)}${last}${sealed.at(-1)}`;
    const error = await vault.open(request42, 'reasonOwnWords', altered).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VaultIntegrityError);
    const text = `${(error as Error).message} ${(error as Error).stack}`;
    expect(text).not.toContain(secret);
    expect(text).not.toContain(sealed.split('.')[3]);
  });

  it('makes everything sealed under a request unreadable once its key is shredded', async () => {
    const { vault, keyStore } = vaultWith([masterKey('k1')], new MapKeyStore(), 60_000);
    const sealed = await vault.seal(request42, 'reasonOwnWords', secret);
    await vault.shred(request42);
    expect(keyStore.keys.size).toBe(0);
    await expect(vault.open(request42, 'reasonOwnWords', sealed)).rejects.toBeInstanceOf(ShreddedError);
    // A new key under the same ref does not bring the old value back.
    await vault.seal(request42, 'reasonOwnWords', 'new text');
    await expect(vault.open(request42, 'reasonOwnWords', sealed)).rejects.toBeInstanceOf(VaultIntegrityError);
  });

  it('sees a shred made by another replica sharing the key store', async () => {
    const keys = [masterKey('k1')];
    const shared = new MapKeyStore();
    const first = vaultWith(keys, shared).vault;
    const second = vaultWith(keys, shared).vault;
    const sealed = await first.seal(request42, 'statementOfNeed', secret);
    expect(await second.open(request42, 'statementOfNeed', sealed)).toBe(secret);
    await second.shred(request42);
    await expect(first.open(request42, 'statementOfNeed', sealed)).rejects.toBeInstanceOf(ShreddedError);
  });

  it('uses one data key for a record even when many fields are sealed at once', async () => {
    const { vault, keyStore } = vaultWith([masterKey('k1')], new MapKeyStore(), 60_000);
    const sealed = await Promise.all(
      Array.from({ length: 50 }, (_, i) => vault.seal(request42, `f${i}`, `${secret}-${i}`)),
    );
    expect(keyStore.keys.size).toBe(1);
    const opened = await Promise.all(sealed.map((s, i) => vault.open(request42, `f${i}`, s)));
    expect(opened[49]).toBe(`${secret}-49`);
  });

  it('keeps opening after the master key is rotated, and rewraps to the new key', async () => {
    const oldKey = masterKey('2026-01');
    const newKey = masterKey('2026-11');
    const keyStore = new MapKeyStore();
    const before = vaultWith([oldKey], keyStore).vault;
    const sealed = await before.seal(request42, 'coveragePlan', secret);

    const rotated = vaultWith([newKey, oldKey], keyStore).vault;
    expect(await rotated.open(request42, 'coveragePlan', sealed)).toBe(secret);
    expect(await rotated.masterKeyIdOf(request42)).toBe('2026-01');

    const onlyNew = vaultWith([newKey], keyStore).vault;
    const error = await onlyNew.open(request42, 'coveragePlan', sealed).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnknownMasterKeyError);
    expect((error as Error).message).toContain('2026-01');

    expect(await rotated.rewrap(request42)).toBe(true);
    expect(await rotated.rewrap(request42)).toBe(false);
    expect(await rotated.masterKeyIdOf(request42)).toBe('2026-11');
    expect(await onlyNew.open(request42, 'coveragePlan', sealed)).toBe(secret);
  });

  it('does not bring a shredded key back when a rewrap races the shred', async () => {
    const oldKey = masterKey('old');
    const keyStore = new MapKeyStore();
    await vaultWith([oldKey], keyStore).vault.seal(request42, 'privateNote', secret);
    const rotated = vaultWith([masterKey('new'), oldKey], keyStore).vault;
    const stale = await keyStore.getWrappedKey(request42);
    await rotated.shred(request42);
    expect(await keyStore.replaceWrappedKey(request42, stale ?? '', 'x')).toBe(false);
    expect(await rotated.rewrap(request42)).toBe(false);
    expect(keyStore.keys.size).toBe(0);
  });

  it('refuses a wrapped data key copied from another request', async () => {
    const { vault, keyStore } = vaultWith([masterKey('k1')]);
    const sealed = await vault.seal(request42, 'reasonOwnWords', secret);
    await vault.seal(request43, 'reasonOwnWords', 'other');
    keyStore.keys.set(id(request43), keyStore.keys.get(id(request42)) ?? '');
    await expect(vault.open(request43, 'reasonOwnWords', sealed)).rejects.toBeInstanceOf(VaultIntegrityError);
  });
});
