import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AccommodationRequest } from '../../../src/domain/request.js';
import { MemoryKeyStore } from '../../../src/privacy/key-store.js';
import { typedByPerson } from '../../../src/privacy/private-text.js';
import { Vault } from '../../../src/privacy/vault.js';
import { encodeRequest } from '../../../src/store/codec.js';
import { makeRequest } from '../../integration/store/fixtures.js';

const vault = new Vault({ masterKeys: [{ id: 'k1', key: randomBytes(32) }] }, new MemoryKeyStore());

/** The stored record and the length of its sealed value, as Redis would hold them. */
async function stored(request: AccommodationRequest): Promise<{ raw: string; sealedLength: number }> {
  const raw = await encodeRequest(request, vault);
  return { raw, sealedLength: (JSON.parse(raw) as { sealed: string }).sealed.length };
}

const withChoice = (id: string, reason: AccommodationRequest['disclosure']['reason']) =>
  makeRequest('T1', id, 'U1', {
    disclosure: { reason, shareScheduleWithManager: false, eapMayTrackStatus: true, jurisdiction: 'us' },
  });

describe('sealed sizes at rest', () => {
  it('gives the three disclosure choices sealed values of the same length', async () => {
    const lengths = await Promise.all(
      [
        withChoice('ACC-2026-0001', 'functional'),
        withChoice('ACC-2026-0002', 'program'),
        withChoice('ACC-2026-0003', 'own_words'),
      ].map(async (request) => (await stored(request)).sealedLength),
    );
    expect(new Set(lengths).size).toBe(1);
    // The whole stored records are the same length too: nothing else varies with the choice.
    const raws = await Promise.all(
      ['functional', 'program', 'own_words'].map(
        async (reason, i) =>
          (await stored(withChoice(`ACC-2026-001${i}`, reason as 'functional'))).raw.length,
      ),
    );
    expect(new Set(raws).size).toBe(1);
  });

  it('does not show by its length whether the employee wrote a short text of their own', async () => {
    const without = withChoice('ACC-2026-0004', 'own_words');
    const withWords: AccommodationRequest = {
      ...without,
      id: 'ACC-2026-0005',
      sensitive: {
        ...without.sensitive,
        reasonOwnWords: typedByPerson('I have appointments I need to get to.'),
      },
    };
    const [a, b] = await Promise.all([stored(without), stored(withWords)]);
    expect(a.sealedLength).toBe(b.sealedLength);
    expect(a.raw.length).toBe(b.raw.length);
    // Nor does the record's structure: one sealed value either way, no field named for the text.
    expect(b.raw).not.toContain('reasonOwnWords');
  });
});
