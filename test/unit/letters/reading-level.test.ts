import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';
import { describe, expect, it } from 'vitest';
import { jurisdictions } from '../../../src/domain/request.js';
import { composeLetter, letterKinds, loadLetterTemplates } from '../../../src/letters/index.js';
import { fixture } from './support/fixtures.js';

/**
 * Every letter, as built from its example data, reads at or below US grade 8 (Flesch-Kincaid):
 * people read these in a hard week. Each line of the letter ends a sentence (headings, points and
 * address lines are not run together), and web and email addresses, references and form blanks
 * are left out of the count, as a reader skips them.
 */

const templates = await loadLetterTemplates();
const MAX_GRADE = 8;

function readingGrade(text: string): number {
  const prose = text
    .split('\n')
    .map((line) => line.replace(/https?:\/\/\S+|\S+@\S+|ACC-\d{4}-\d+|_{3,}|\[ \]/g, ' ').trim())
    .filter((line) => /[A-Za-z]{2,}/.test(line));
  const sentences = prose.flatMap((line) => line.split(/(?<=[.!?])\s+(?=[A-Z"“‘(])/)).filter(Boolean);
  const words = sentences.flatMap((sentence) => sentence.match(/[A-Za-z]+(?:['’][A-Za-z]+)*/g) ?? []);
  const syllables = words.reduce((total, word) => total + Math.max(1, syllable(word)), 0);
  return fleschKincaid({ sentence: sentences.length, word: words.length, syllable: syllables });
}

describe('reading level', () => {
  it('the measure tells plain from dense writing', () => {
    expect(readingGrade('We got your letter. We will reply soon.')).toBeLessThan(4);
    expect(
      readingGrade(
        'Notwithstanding the aforementioned considerations, the organisation’s determination regarding accommodation necessitates comprehensive documentation substantiating functional limitations.',
      ),
    ).toBeGreaterThan(16);
  });

  describe.each(jurisdictions)('%s', (jurisdiction) => {
    it.each(letterKinds)(`%s reads at or below grade ${MAX_GRADE}`, (kind) => {
      const { text } = composeLetter(kind, fixture(kind, jurisdiction), { jurisdiction, templates });
      expect(readingGrade(text)).toBeLessThanOrEqual(MAX_GRADE);
    });
  });
});
