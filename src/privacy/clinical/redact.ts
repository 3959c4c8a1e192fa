import { normalForm, normalize, originalRange } from '../normal-form.js';
import { type PrivateText, readPrivate } from '../private-text.js';
import { detectClinical } from './detect.js';
import { foldCase } from './fold-case.js';
import type { ClinicalCategory, ClinicalSpan } from './types.js';

export interface Redaction {
  /** The text with every clinical detail replaced by a placeholder. */
  text: string;
  /** What was replaced, as positions in the original text. */
  spans: ClinicalSpan[];
}

export interface RedactOptions {
  /**
   * Exact private strings the employee already gave (from the vault). They are redacted wherever
   * they appear as whole words, in any case, even when the lexicon would not flag them.
   */
  known?: readonly string[];
  /** Also replace every email and web address (see DetectOptions). */
  addresses?: boolean;
  /** Placeholder for the n-th distinct detail (from 1); default `[health detail n]`. */
  placeholder?: (n: number) => string;
}

const defaultPlaceholder = (n: number): string => `[health detail ${n}]`;

const WORD_CHAR = /[\p{L}\p{N}]/u;

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && WORD_CHAR.test(char);
}

function knownSpans(text: string, known: readonly string[]): ClinicalSpan[] {
  // Both sides in normal form, so a secret is found however it is disguised or escaped.
  const form = normalForm(text);
  const folded = foldCase(form.text);
  const spans: ClinicalSpan[] = [];
  for (const entry of known) {
    const needle = foldCase(normalize(entry).trim());
    if (needle.length === 0) continue;
    // Whole words only, so a private "NA" does not eat into "NAME"; the edges only matter where
    // the private string itself starts or ends with a letter or digit.
    const category = categoryOf(entry);
    for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
      const end = at + needle.length;
      if (isWordChar(needle[0]) && isWordChar(folded[at - 1])) continue;
      if (isWordChar(needle[needle.length - 1]) && isWordChar(folded[end])) continue;
      const [start, stop] = originalRange(form, at, end);
      spans.push({ start, end: stop, category });
    }
  }
  return spans;
}

// A private string the lexicon does not know is still health detail; say what kind when we can.
function categoryOf(entry: string): ClinicalCategory {
  return detectClinical(entry)[0]?.category ?? 'condition';
}

/** Sorted, non-overlapping union of two span lists (overlapping or touching spans are joined). */
function union(spans: ClinicalSpan[]): ClinicalSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: ClinicalSpan[] = [];
  for (const span of sorted) {
    const last = out[out.length - 1];
    if (last && span.start <= last.end) {
      if (span.end > last.end) last.end = span.end;
      if (span.category === 'crisis') last.category = 'crisis';
      continue;
    }
    out.push({ ...span });
  }
  return out;
}

/**
 * Replace every clinical detail with a placeholder. The same detail (ignoring case) gets the same
 * number within one call, so a redacted conversation still reads coherently.
 */
export function redactClinical(typed: string | PrivateText, options: RedactOptions = {}): Redaction {
  // Typed text comes out of here only with every detail replaced: the redactor is one way out of it.
  const text = typeof typed === 'string' ? typed : readPrivate(typed);
  const { known = [], placeholder = defaultPlaceholder, addresses = false } = options;
  const detected = detectClinical(text, { addresses });
  const spans = known.length > 0 ? union([...detected, ...knownSpans(text, known)]) : detected;
  const numbers = new Map<string, number>();
  let out = '';
  let cursor = 0;
  for (const span of spans) {
    const key = foldCase(text.slice(span.start, span.end));
    let n = numbers.get(key);
    if (n === undefined) {
      n = numbers.size + 1;
      numbers.set(key, n);
    }
    out += text.slice(cursor, span.start) + placeholder(n);
    cursor = span.end;
  }
  return { text: out + text.slice(cursor), spans };
}
