import { secretCopy } from './secret-bytes.js';
import { ID_PATTERN } from './vault-format.js';

/** A master key from the environment. The first in the list wraps new data keys. */
export interface MasterKey {
  readonly id: string;
  readonly key: Buffer;
}

export const MASTER_KEY_BYTES = 32;

const HOW_TO_MAKE_ONE = 'make one with: openssl rand -base64 32';
const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})$/;

/** Names what is wrong with the master key setting. Never carries key material. */
export class MasterKeyConfigError extends Error {
  override readonly name = 'MasterKeyConfigError';
  constructor(readonly problems: readonly string[]) {
    super(problems.join('; '));
  }
}

/**
 * Parses `id:<base64 of 32 bytes>,id:<...>` (newest first), e.g.
 * `2026-11:q1w2...=,2026-01:a9s8...=`. Every problem is listed at once, by position, so a bad
 * setting can be fixed in one go. Ids are echoed only when they are well formed: a malformed entry
 * might be a pasted key, and the error text must never carry one.
 */
export function parseMasterKeys(value: string): MasterKey[] {
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  if (entries.length === 0) {
    throw new MasterKeyConfigError([`no master key given; expected id:key pairs, ${HOW_TO_MAKE_ONE}`]);
  }

  const problems: string[] = [];
  const keys: MasterKey[] = [];
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    const position = `entry ${index + 1}`;
    const colon = entry.indexOf(':');
    if (colon < 0) {
      problems.push(`${position} has no "id:" before the key (write it as id:key)`);
      return;
    }
    const id = entry.slice(0, colon).trim();
    const encoded = entry.slice(colon + 1).trim();
    if (!ID_PATTERN.test(id)) {
      problems.push(`${position}: the id may use only letters, digits, "_" and "-"`);
      return;
    }
    const label = `${position} ("${id}")`;
    if (seen.has(id)) {
      problems.push(`${label}: the id is used twice; each key needs its own id`);
      return;
    }
    seen.add(id);
    if (!STRICT_BASE64.test(encoded)) {
      problems.push(`${label}: the key is not valid base64 (${HOW_TO_MAKE_ONE})`);
      return;
    }
    const decoded = Buffer.from(encoded, 'base64');
    // Out of the shared pool, and the pooled bytes wiped: see secret-bytes.ts.
    const key = secretCopy(decoded, true);
    if (key.length !== MASTER_KEY_BYTES) {
      problems.push(`${label}: the key is ${key.length} bytes, it must be exactly 32 (${HOW_TO_MAKE_ONE})`);
      return;
    }
    keys.push({ id, key });
  });

  if (problems.length > 0) throw new MasterKeyConfigError(problems);
  return keys;
}

/** The one command that makes a good key, said wherever a key is refused. */
export const GENERATE_A_KEY = 'generate one with: openssl rand -base64 32';

/**
 * Names each master key that cannot be random: 32 bytes from a random source essentially never
 * repeat one byte, repeat a short pattern, use a handful of values, or read as typed text. A key
 * like that was made by hand (zeros, "AAAA…", a password pasted twice) and protects nothing.
 * The same key under two ids is refused too: rotation that rotates nothing. Never echoes key material.
 */
export function weakMasterKeyProblems(keys: readonly MasterKey[]): string[] {
  const problems: string[] = [];
  keys.forEach(({ id, key }, index) => {
    const label = `key "${id}"`;
    const why = weakness(key);
    if (why) problems.push(`${label} ${why}; ${GENERATE_A_KEY}`);
    const twin = keys.findIndex((other, at) => at < index && other.key.equals(key));
    if (twin >= 0) {
      problems.push(
        `${label} is the same key as "${keys[twin]?.id}"; each id needs its own key (${GENERATE_A_KEY})`,
      );
    }
  });
  return problems;
}

function weakness(key: Buffer): string | undefined {
  if (key.every((byte) => byte === key[0])) {
    return key[0] === 0 ? 'is all zero bytes' : 'is one byte repeated';
  }
  for (let period = 2; period <= key.length / 2; period += 1) {
    if (key.every((byte, at) => byte === key[at % period])) return 'is a short pattern repeated';
  }
  // 32 random bytes show about 30 distinct values; fewer than 16 happens essentially never by chance.
  if (new Set(key).size < 16) return 'uses too few different byte values to be random';
  // Printable text for all 32 bytes has a chance of about 1 in 10^13: this is a typed password.
  if (key.every((byte) => byte >= 0x20 && byte < 0x7f)) return 'is typed text, not random bytes';
  return undefined;
}
