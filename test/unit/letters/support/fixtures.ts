import { readFileSync } from 'node:fs';
import type { Jurisdiction, LetterData, LetterKind } from '../../../../src/letters/index.js';

export const fixturesDir = new URL('../../../fixtures/letters/', import.meta.url);

/** Example data for a kind, written for one jurisdiction (time zone, spelling, time style). */
export function fixture<K extends LetterKind>(kind: K, jurisdiction: Jurisdiction = 'us'): LetterData<K> {
  return JSON.parse(readFileSync(new URL(`${jurisdiction}/${kind}.json`, fixturesDir), 'utf8'));
}

export function fixturePath(kind: LetterKind, jurisdiction: Jurisdiction = 'us'): string {
  return new URL(`${jurisdiction}/${kind}.json`, fixturesDir).pathname;
}
