import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { run as migrate } from '../../src/cli/migrate.js';
import { run as rotateKeys } from '../../src/cli/rotate-keys.js';
import { createRedisStore } from '../../src/store/redis-store.js';
import { submitThrough, uniquePrefix } from './store/fixtures.js';

/** The maintenance commands as an operator runs them: the app's environment, one JSON line out. */

const TEAM = 'T0CLI';
const keyPrefix = uniquePrefix('cli');
const k1 = randomBytes(32).toString('base64');
const k2 = randomBytes(32).toString('base64');
const pseudonymKey = randomBytes(32).toString('base64');
const environment = (masterKeys: string) => ({
  SLACK_BOT_TOKEN: 'xoxb-1-2-cli',
  SLACK_SIGNING_SECRET: 'cli-signing-secret',
  HR_USER_IDS: 'U0HR',
  REDIS_URL: inject('redisUrl'),
  KEYSTORE_URL: inject('keystoreUrl'),
  REDIS_KEY_PREFIX: keyPrefix,
  PSEUDONYM_KEY: pseudonymKey,
  VAULT_MASTER_KEYS: masterKeys,
});

async function runWith(command: typeof migrate, masterKeys: string) {
  const saved = { ...process.env };
  Object.assign(process.env, environment(masterKeys));
  const out: string[] = [];
  const err: string[] = [];
  const io = {
    stdin: process.stdin,
    stdout: { write: (text: string) => out.push(text) },
    stderr: { write: (text: string) => err.push(text) },
  } as unknown as Parameters<typeof migrate>[1];
  try {
    const code = await command([], io);
    return { code, out: out.join(''), err: err.join('') };
  } finally {
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
  }
}

const store = createRedisStore({
  url: inject('redisUrl'),
  keyStore: { url: inject('keystoreUrl') },
  keyPrefix,
  pseudonymKey: Buffer.from(pseudonymKey, 'base64'),
  vault: { masterKeys: [{ id: 'k1', key: Buffer.from(k1, 'base64') }] },
});
afterAll(() => store.close());

describe('npm run cli -- migrate | rotate-keys', () => {
  it('migrate reports what it did; rotate-keys rewraps every key and counts them per master key id', async () => {
    await store.vault.verifyMasterKeys();
    for (const id of ['ACC-2026-0001', 'ACC-2026-0002']) await submitThrough(store, TEAM, id, 'U1');

    const migrated = await runWith(migrate, `k1:${k1}`);
    expect(migrated.code).toBe(0);
    expect(JSON.parse(migrated.out)).toEqual({
      dataKeysMoved: 0,
      keysRenamed: 0,
      keyStoreNamesRemoved: 0,
      requestsRewritten: 0,
      conversationsRewritten: 0,
      unreadable: 0,
    });

    const rotated = await runWith(rotateKeys, `k2:${k2},k1:${k1}`);
    expect(rotated.code, rotated.err).toBe(0);
    expect(JSON.parse(rotated.out)).toEqual({
      newest: 'k2',
      before: { k1: 2 },
      rewrapped: 2,
      after: { k2: 2 },
    });

    // A wrong key under a known id is refused before anything is touched.
    const wrong = await runWith(rotateKeys, `k2:${randomBytes(32).toString('base64')},k1:${k1}`);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/the key under id "k2" is not the key stored data was wrapped with/);
    expect(wrong.out).toBe('');
  });
});
