import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { jurisdictions } from '../../../src/domain/request.js';
import {
  composeLetter,
  type LetterTemplates,
  letterKinds,
  loadLetterTemplates,
} from '../../../src/letters/index.js';
import { fixture } from './support/fixtures.js';

/**
 * Every kind for every jurisdiction, compared with a reviewed copy under golden/. After a deliberate
 * wording change, regenerate with `UPDATE_GOLDEN=1 npx vitest run test/unit/letters/golden.test.ts`
 * and read the diff before committing it.
 */
const goldenDir = new URL('./golden/', import.meta.url);
const update = process.env.UPDATE_GOLDEN === '1';

let templates: LetterTemplates;
beforeAll(async () => {
  templates = await loadLetterTemplates();
});

describe.each(jurisdictions)('%s letters match their golden files', (jurisdiction) => {
  it.each(letterKinds)('%s', (kind) => {
    const { text } = composeLetter(kind, fixture(kind, jurisdiction), { jurisdiction, templates });
    const file = new URL(`${jurisdiction}/${kind}.txt`, goldenDir);
    if (update || !existsSync(file)) {
      mkdirSync(new URL(`${jurisdiction}/`, goldenDir), { recursive: true });
      writeFileSync(file, text);
      if (!update)
        throw new Error(
          `golden file ${jurisdiction}/${kind}.txt was missing and has been written; review it`,
        );
    }
    expect(text).toBe(readFileSync(file, 'utf8'));
  });
});
