import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';

/**
 * The Flesch-Kincaid grade of a text as an employee reads it: each sentence and each list item
 * counts as one sentence (a list item reads as one), markdown marks are not words.
 */
export function gradeLevel(text: string): number {
  const plainText = text.replace(/[*_`"“”]/g, '');
  const sentences = plainText
    .split(/\n\s*-\s+|(?<=[.!?:])\s+|\n\n+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => /[a-z]/i.test(sentence));
  const words = plainText.match(/[A-Za-z0-9][A-Za-z0-9'’-]*/g) ?? [];
  const syllables = words.reduce((sum, word) => sum + syllable(word), 0);
  return fleschKincaid({ sentence: sentences.length, word: words.length, syllable: syllables });
}
