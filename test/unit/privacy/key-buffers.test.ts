import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { MemoryKeyStore } from '../../../src/privacy/key-store.js';
import { parseMasterKeys } from '../../../src/privacy/master-keys.js';
import { watchSecretBuffers } from '../../../src/privacy/secret-bytes.js';
import { type KeyRef, type MasterKey, Vault } from '../../../src/privacy/vault.js';
import { keyedPseudonyms } from '../../../src/store/keys.js';

/**
 * Key bytes in memory (issue 16): each key buffer is memory of its own, never a slice of Node's
 * shared pool (where a zeroed key could still have copies, and other buffers keep the slab alive),
 * and a data key is zeroed once the call that needed it is over. The vault's key handling reports
 * every key buffer it makes to a watcher, so these tests look at the very buffers it used.
 */

/** A slice of the shared pool lives inside a larger ArrayBuffer; memory of its own is exactly its size. */
const ownMemory = (buffer: Buffer) => buffer.byteOffset === 0 && buffer.buffer.byteLength === buffer.length;
const zeroed = (buffer: Buffer) => buffer.every((byte) => byte === 0);
const tick = () => new Promise((resolve) => setImmediate(resolve));

const ref: KeyRef = { scope: 'T1:ACC-2026-0042', name: 'request' };
const masterKey = (id: string): MasterKey => ({ id, key: randomBytes(32) });

let stop: () => void = () => {};
afterEach(() => stop());

function watched(): Buffer[] {
  const seen: Buffer[] = [];
  stop = watchSecretBuffers((buffer) => seen.push(buffer));
  return seen;
}

describe('key buffers', () => {
  it('parses the master keys and the pseudonym key into memory of their own', () => {
    const [parsed] = parseMasterKeys(`k1:${randomBytes(32).toString('base64')}`);
    expect(parsed && ownMemory(parsed.key)).toBe(true);
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-123-456-secretvalue',
      SLACK_SIGNING_SECRET: 'signing-secret-value',
      VAULT_MASTER_KEYS: `k1:${randomBytes(32).toString('base64')}`,
      HR_USER_IDS: 'U0HR1',
      REDIS_URL: 'redis://127.0.0.1:6379',
      KEYSTORE_URL: 'redis://127.0.0.1:6380',
      PSEUDONYM_KEY: randomBytes(32).toString('base64'),
    });
    expect(config.vaultMasterKeys.every(({ key }) => ownMemory(key))).toBe(true);
    expect(config.pseudonymKey && ownMemory(config.pseudonymKey)).toBe(true);
  });

  it('keeps the pseudonym key in memory of its own, apart from the caller’s copy', () => {
    const seen = watched();
    const secret = randomBytes(32);
    const name = keyedPseudonyms(secret)('T1', 'U1');
    secret.fill(0);
    expect(seen).toHaveLength(1);
    expect(seen.every(ownMemory)).toBe(true);
    // Still the same names after the caller wiped its copy: the store's copy is its own.
    expect(name).toMatch(/^u-/);
  });

  it('zeroes every data key buffer once seal, open and rewrap return (no cache)', async () => {
    const keyStore = new MemoryKeyStore();
    const old = masterKey('k1');
    const first = new Vault({ masterKeys: [old], dataKeyCacheMs: 0 }, keyStore);
    const rotated = new Vault({ masterKeys: [masterKey('k2'), old], dataKeyCacheMs: 0 }, keyStore);
    const seen = watched();

    const sealed = await first.seal(ref, 'note', 'a private note');
    await tick();
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every(ownMemory)).toBe(true);
    expect(seen.filter((buffer) => !zeroed(buffer))).toEqual([]);

    expect(await first.open(ref, 'note', sealed)).toBe('a private note');
    expect(await rotated.rewrap(ref)).toBe(true);
    expect(await rotated.open(ref, 'note', sealed)).toBe('a private note');
    await tick();
    expect(seen.every(ownMemory)).toBe(true);
    expect(seen.filter((buffer) => !zeroed(buffer))).toEqual([]);
  });

  it('zeroes the cached data key when the key is shredded, and every other copy after its call', async () => {
    const vault = new Vault({ masterKeys: [masterKey('k1')], dataKeyCacheMs: 60_000 }, new MemoryKeyStore());
    const seen = watched();
    const sealed = await vault.seal(ref, 'note', 'a private note');
    await vault.open(ref, 'note', sealed);
    await tick();
    // Only the cache's own copy is still a key while the cache holds it.
    expect(seen.filter((buffer) => !zeroed(buffer))).toHaveLength(1);
    await vault.shred(ref);
    expect(seen.every(ownMemory)).toBe(true);
    expect(seen.filter((buffer) => !zeroed(buffer))).toEqual([]);
  });

  it('zeroes the cached data key when the cache period ends, even if the key is not used again', async () => {
    const vault = new Vault({ masterKeys: [masterKey('k1')], dataKeyCacheMs: 50 }, new MemoryKeyStore());
    const seen = watched();
    await vault.seal(ref, 'note', 'a private note');
    await tick();
    expect(seen.filter((buffer) => !zeroed(buffer))).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(seen.filter((buffer) => !zeroed(buffer))).toEqual([]);
  });

  it('zeroes the data key when opening fails its check', async () => {
    const vault = new Vault({ masterKeys: [masterKey('k1')], dataKeyCacheMs: 0 }, new MemoryKeyStore());
    const sealed = await vault.seal(ref, 'note', 'a private note');
    const seen = watched();
    await expect(vault.open(ref, 'another field', sealed)).rejects.toThrow(/integrity/);
    await tick();
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((buffer) => !zeroed(buffer))).toEqual([]);
  });
});
