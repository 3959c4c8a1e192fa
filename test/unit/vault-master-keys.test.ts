import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { weakMasterKeyProblems } from '../../src/privacy/master-keys.js';
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

describe('weakMasterKeyProblems', () => {
  const keyOf = (bytes: Buffer) => ({ id: 'k1', key: bytes });
  const pattern = (text: string) => Buffer.from(text.repeat(32).slice(0, 32), 'latin1');

  it.each([
    ['32 zero bytes', Buffer.alloc(32), 'is all zero bytes'],
    [
      'one repeated character ("AAAA…" decodes to zeros, "////…" to 0xff)',
      Buffer.alloc(32, 0xff),
      'is one byte repeated',
    ],
    ['"7" 32 times', pattern('7'), 'is one byte repeated'],
    ['a short pattern repeated', pattern('ab'), 'is a short pattern repeated'],
    [
      'a 16-byte pattern twice',
      Buffer.concat([randomBytes(16)])
        .subarray(0, 16)
        .toString('latin1'),
      'is a short pattern repeated',
    ],
    [
      'a few values only',
      Buffer.from(Array.from({ length: 32 }, (_, i) => (i * i) % 17)),
      'uses too few different byte values',
    ],
    ['a typed password', Buffer.from('Tr0ub4dor&3-Zebra!Quiet#Lamp$7xy', 'latin1'), 'is typed text'],
  ])('refuses %s', (_name, material, why) => {
    const bytes = typeof material === 'string' ? Buffer.from(material.repeat(2), 'latin1') : material;
    expect(bytes).toHaveLength(32);
    const [problem, ...rest] = weakMasterKeyProblems([keyOf(bytes)]);
    expect(rest).toEqual([]);
    expect(problem).toContain(`key "k1" ${why}`);
    expect(problem).toContain('openssl rand -base64 32');
  });

  it('refuses the same key under two ids', () => {
    const key = randomBytes(32);
    expect(
      weakMasterKeyProblems([
        { id: 'a', key },
        { id: 'b', key: Buffer.from(key) },
      ]),
    ).toEqual([
      'key "b" is the same key as "a"; each id needs its own key (generate one with: openssl rand -base64 32)',
    ]);
  });

  it('accepts random keys: not one of 2,000 is refused', () => {
    const keys = Array.from({ length: 2000 }, (_, i) => ({ id: `k${i}`, key: randomBytes(32) }));
    expect(weakMasterKeyProblems(keys)).toEqual([]);
  });
});
