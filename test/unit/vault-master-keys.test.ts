import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MasterKeyConfigError, parseMasterKeys } from '../../src/privacy/vault.js';

const key32 = () => randomBytes(32).toString('base64');

function problemsOf(value: string): string {
  try {
    parseMasterKeys(value);
  } catch (error) {
    expect(error).toBeInstanceOf(MasterKeyConfigError);
    return (error as Error).message;
  }
  throw new Error('expected the value to be refused');
}

describe('parseMasterKeys', () => {
  it('reads id:key pairs, newest first', () => {
    const newest = key32();
    const older = key32();
    const keys = parseMasterKeys(` 2026-11:${newest} , 2026-01:${older}`);
    expect(keys.map((k) => k.id)).toEqual(['2026-11', '2026-01']);
    expect(keys[0]?.key.equals(Buffer.from(newest, 'base64'))).toBe(true);
  });

  it('says how to make a key when none is given', () => {
    expect(problemsOf(' , ')).toContain('openssl rand -base64 32');
  });

  it('names each problem by position without echoing any key material', () => {
    const short = randomBytes(16).toString('base64');
    const pasted = key32();
    const notBase64 = 'zz!!not-base64-at-all-but-secretish';
    const message = problemsOf(`a:${short},${pasted},b@d:${key32()},c:${notBase64},a:${key32()}`);
    expect(message).toContain('entry 1 ("a"): the key is 16 bytes, it must be exactly 32');
    expect(message).toContain('entry 2 has no "id:"');
    expect(message).toContain('entry 3: the id may use only');
    expect(message).toContain('entry 4 ("c"): the key is not valid base64');
    expect(message).toContain('entry 5 ("a"): the id is used twice');
    for (const material of [short, pasted, notBase64, pasted.slice(0, 12)]) {
      expect(message).not.toContain(material);
    }
  });
});
