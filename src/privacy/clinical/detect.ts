import { isCommonWord } from '../common-words.js';
import { findCrisisInNormalForm } from '../crisis.js';
import { normalForm, originalRange } from '../normal-form.js';
import { type PrivateText, readPrivate } from '../private-text.js';
import { foldCase } from './fold-case.js';
import { LEXICON, type Neighbours, type Term } from './lexicon.js';
import type { ClinicalCategory, ClinicalSpan } from './types.js';
import {
  CARE_SUFFIXES,
  CLINICAL_ADDRESS_STEMS,
  DOCTOR_TITLES,
  NOT_DOCTOR_NAMES,
  PLACE_KINDS,
  PLACE_KINDS_ALONE,
} from './vocabulary.js';

/*
 * How detection works: the text is split into words once; each word is looked up in the lexicon
 * (multi-word phrases are keyed by their first word, drug names also by spelling distance); the
 * words around a hit decide whether it counts ("AA batteries", "recovery mode"); a few regular
 * patterns catch what a word list cannot ("40 days clean", "diagnosed with ..."); and words that
 * are clinical only in clinical company ("Dr. Patel", "PHP") count when another hit is close by.
 * Everything is compiled once at module load, so a call is one pass over the words.
 */

interface Token {
  start: number;
  end: number;
  /** lower case, curly apostrophes straightened, possessive 's dropped */
  norm: string;
  /** `norm` without a plural ending, or `norm` itself */
  singular: string;
}

interface CompiledTerm {
  term: Term;
  words: readonly string[];
  before: Before;
  after: After;
  vetoBefore: Before;
  vetoAfter: After;
  vetoSoon: After;
  /** how far a misspelling may be from the word, 0 when misspellings are not matched */
  maxEdits: number;
}

// A clinical word in a sentence lends its context to ambiguous words this close to it.
const NEARBY_CHARS = 80;
// Hits closer than this, with only spaces or slashes between, become one span ("Suboxone/buprenorphine").
const JOIN_GAP = /^[\s/]{0,3}$/;
const WORD_GAP = /^[\s-]{1,3}$/;
// How many words after a term `unlessSoon` looks at ("drinking a lot of water").
const SOON_WORDS = 4;
// What a treatment place is called after its kind: "Riverside Recovery Center", "Sunrise Detox Clinic".
const FACILITY_NOUNS = new Set(
  'center centre clinic house institute hospital services program programme ranch lodge village campus'.split(
    ' ',
  ),
);
// Capitalised words that start a sentence or a phrase rather than a place's name.
const NOT_NAME_WORDS = new Set(
  "i i'm i'll i've a an the at in to from my our your his her their and or of for with on by after before going seeing see saw visit visiting back still now also then so but".split(
    ' ',
  ),
);
// A place's name is at most this many words before its kind ("Hope Valley Treatment Center").
const NAME_WORDS = 3;

// Real words one edit away from a drug or clinical word; never treat them as misspellings.
const NOT_MISSPELLINGS = new Set(['ability', 'concert', 'lyric']);

/**
 * A different or extra last letter is how real words sit next to drug names ("morphing" and
 * morphine, "concerto" and Concerta, "lyrics" and Lyrica), not how people misspell them.
 */
function onlyEndingDiffers(word: string, target: string): boolean {
  return word.length >= target.length && word.slice(0, target.length - 1) === target.slice(0, -1);
}

function words(phrase: string): string[] {
  return phrase.split(/[\s-]+/).filter(Boolean);
}

/**
 * Neighbour phrases keyed by the word that touches the term (the last word of a phrase before it,
 * the first of one after it), so checking a hit's neighbours is one map lookup however long the
 * lists grow.
 */
type Before = ReadonlyMap<string, readonly (readonly string[])[]>;
type After = ReadonlyMap<string, readonly (readonly string[])[]>;

function index(
  list: readonly string[] | undefined,
  edge: (phrase: string[]) => string,
): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  for (const item of list ?? []) {
    const phrase = words(item.toLowerCase());
    const key = edge(phrase);
    out.set(key, [...(out.get(key) ?? []), phrase]);
  }
  return out;
}

const before = (list: readonly string[] | undefined): Before => index(list, (phrase) => phrase.at(-1) ?? '');
const after = (list: readonly string[] | undefined): After => index(list, (phrase) => phrase[0] ?? '');

function compile(term: Term): CompiledTerm {
  const phraseWords = words(term.exactCase ? term.phrase : term.phrase.toLowerCase());
  const single = phraseWords.length === 1 ? (phraseWords[0] ?? '') : '';
  let maxEdits = 0;
  if (term.fuzzy && single.length >= 6)
    // long names are misspelled by sound ("schizofrenia", "adderal"): two edits from nine letters on
    maxEdits =
      (term.category === 'medication' || term.category === 'condition') && single.length >= 9 ? 2 : 1;
  const unless: Neighbours = term.unless ?? {};
  return {
    term,
    words: phraseWords,
    before: before(term.requires?.before),
    after: after(term.requires?.after),
    vetoBefore: before(unless.before),
    vetoAfter: after(unless.after),
    vetoSoon: after(term.unlessSoon),
    maxEdits,
  };
}

const COMPILED = LEXICON.map(compile);

// Phrases by first word, longest first so "aa meeting" wins over "AA".
const BY_FIRST_WORD = new Map<string, CompiledTerm[]>();
for (const compiled of COMPILED) {
  const key = (compiled.words[0] ?? '').toLowerCase();
  const list = BY_FIRST_WORD.get(key) ?? [];
  list.push(compiled);
  BY_FIRST_WORD.set(key, list);
}
for (const list of BY_FIRST_WORD.values()) list.sort((a, b) => b.words.length - a.words.length);

// Misspelling candidates by first letter: people rarely get the first letter wrong, and it keeps the
// search to a handful of comparisons per word.
const FUZZY_BY_LETTER = new Map<string, CompiledTerm[]>();
for (const compiled of COMPILED) {
  if (compiled.maxEdits === 0) continue;
  const letter = compiled.words[0]?.[0] ?? '';
  const list = FUZZY_BY_LETTER.get(letter) ?? [];
  list.push(compiled);
  FUZZY_BY_LETTER.set(letter, list);
}

/** Optimal string alignment distance, giving up once it exceeds `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (prevPrev[j - 2] ?? 0) + 1);
      }
      row.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length] ?? limit + 1;
}

// Words repeat a lot in real text; remember the answer for each (bounded, so memory stays flat).
const fuzzyCache = new Map<string, CompiledTerm | null>();

function misspelling(word: string): CompiledTerm | null {
  if (word.length < 5 || NOT_MISSPELLINGS.has(word)) return null;
  const cached = fuzzyCache.get(word);
  if (cached !== undefined) return cached;
  let best: CompiledTerm | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of FUZZY_BY_LETTER.get(word[0] ?? '') ?? []) {
    const target = candidate.words[0] ?? '';
    if (onlyEndingDiffers(word, target)) continue;
    const distance = editDistance(word, target, candidate.maxEdits);
    if (distance <= candidate.maxEdits && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (fuzzyCache.size > 10_000) fuzzyCache.clear();
  fuzzyCache.set(word, best);
  return best;
}

function singular(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

function isWordCode(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || // a-z (the text is lower-cased)
    (code >= 48 && code <= 57) || // 0-9
    (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) // accented Latin letters
  );
}

function isApostrophe(code: number): boolean {
  return code === 39 || code === 0x2019;
}

/** Words of the text, scanned by hand: on long texts this is several times faster than a regex. */
function tokenize(text: string, lower: string): Token[] {
  const tokens: Token[] = [];
  const length = lower.length;
  let i = 0;
  while (i < length) {
    if (!isWordCode(lower.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < length) {
      const code = lower.charCodeAt(i);
      if (isWordCode(code)) i++;
      // an apostrophe inside a word ("don't", "od'd", "Prozac's") belongs to it
      else if (isApostrophe(code) && i + 1 < length && isWordCode(lower.charCodeAt(i + 1))) i += 2;
      else break;
    }
    let norm = lower.slice(start, i);
    if (norm.includes('’')) norm = norm.replaceAll('’', "'");
    if (norm.endsWith("'s")) norm = norm.slice(0, -2);
    // "IOPS" (storage) is not the plural of "IOP": only a lower-case s marks a plural.
    const plural = text.charCodeAt(i - 1) === 115;
    tokens.push({ start, end: i, norm, singular: plural ? singular(norm) : norm });
  }
  return tokens;
}

function sameWord(token: Token | undefined, word: string): boolean {
  return token !== undefined && (token.norm === word || token.singular === word);
}

function followsClosely(text: string, previous: Token, next: Token): boolean {
  return WORD_GAP.test(text.slice(previous.end, next.start));
}

/** Index of the last token of `term` starting at token `i`, or -1. */
function matchPhrase(text: string, tokens: Token[], i: number, term: CompiledTerm): number {
  const first = tokens[i];
  if (!first) return -1;
  if (term.term.exactCase && text.slice(first.start, first.end) !== term.words[0]) return -1;
  for (let k = 1; k < term.words.length; k++) {
    const token = tokens[i + k];
    const previous = tokens[i + k - 1];
    const word = term.words[k] ?? '';
    if (!token || !previous || !followsClosely(text, previous, token)) return -1;
    if (term.term.exactCase) {
      if (text.slice(token.start, token.end) !== word) return -1;
    } else if (term.term.singularOnly ? token.norm !== word : !sameWord(token, word)) return -1;
  }
  return i + term.words.length - 1;
}

function hasBefore(tokens: Token[], first: number, options: Before): boolean {
  const touching = tokens[first - 1]?.norm;
  if (touching === undefined) return false;
  return (options.get(touching) ?? []).some(
    (option) =>
      first - option.length >= 0 &&
      option.every((word, k) => tokens[first - option.length + k]?.norm === word),
  );
}

function hasAfter(tokens: Token[], last: number, options: After): boolean {
  const touching = tokens[last + 1]?.norm;
  if (touching === undefined) return false;
  return (options.get(touching) ?? []).some((option) =>
    option.every((word, k) => tokens[last + 1 + k]?.norm === word),
  );
}

function hasSoonAfter(tokens: Token[], last: number, options: After): boolean {
  if (options.size === 0) return false;
  for (let k = 0; k < SOON_WORDS; k++) if (hasAfter(tokens, last + k, options)) return true;
  return false;
}

type Verdict = 'yes' | 'nearby' | 'no';

function judge(term: CompiledTerm, tokens: Token[], first: number, last: number): Verdict {
  if (hasBefore(tokens, first, term.vetoBefore) || hasAfter(tokens, last, term.vetoAfter)) return 'no';
  if (hasSoonAfter(tokens, last, term.vetoSoon)) return 'no';
  const requires = term.term.requires;
  if (!requires) return 'yes';
  if (hasBefore(tokens, first, term.before) || hasAfter(tokens, last, term.after)) return 'yes';
  return requires.nearby ? 'nearby' : 'no';
}

function isCapitalised(text: string, token: Token): boolean {
  const code = text.charCodeAt(token.start);
  if (code < 128) return code >= 65 && code <= 90;
  const first = text[token.start] ?? '';
  return first !== first.toLowerCase();
}

/**
 * Token range of a treatment place named after its kind, so "Riverside Recovery Center" is one span
 * rather than "Riverside [health detail] Center": a capitalised kind word widens over a following
 * capitalised "Center", "Clinic", ... and then over up to three capitalised name words before it.
 * Lower-case text ("my recovery group") is left as it was: it names no place.
 */
function placeName(
  text: string,
  tokens: Token[],
  first: number,
  last: number,
  category: ClinicalCategory,
): [number, number] {
  if (category !== 'treatment' && category !== 'support_group' && category !== 'provider')
    return [first, last];
  const head = tokens[first];
  if (!head) return [first, last];
  if (!isCapitalised(text, head)) return namedBefore(text, tokens, first, last);
  let to = last;
  const next = tokens[to + 1];
  const current = tokens[to];
  if (
    next &&
    current &&
    FACILITY_NOUNS.has(next.singular) &&
    isCapitalised(text, next) &&
    followsClosely(text, current, next)
  )
    to++;
  const kind = tokens[to];
  if (!kind || !FACILITY_NOUNS.has(kind.singular) || !isCapitalised(text, kind)) return [first, last];
  let from = first;
  while (from > 0 && first - from < NAME_WORDS) {
    const before = tokens[from - 1];
    const after = tokens[from];
    if (!before || !after || NOT_NAME_WORDS.has(before.norm) || !isCapitalised(text, before)) break;
    if (!followsClosely(text, before, after)) break;
    from--;
  }
  return [from, to];
}

/**
 * A kind of care written in lower case ("treatment center") right after a place's own name
 * ("Harborlight"): the name is the identifying part, so the span widens over it rather than leaving
 * "Harborlight [health detail]" readable. Only a capitalised word that is not the sentence's first
 * and not a small word ("at", "my") counts as a name, up to three of them.
 */
function namedBefore(text: string, tokens: Token[], first: number, last: number): [number, number] {
  let to = last;
  const next = tokens[to + 1];
  const current = tokens[to];
  if (next && current && FACILITY_NOUNS.has(next.singular) && followsClosely(text, current, next)) to++;
  let from = first;
  while (from > 0 && first - from < NAME_WORDS) {
    const before = tokens[from - 1];
    const after = tokens[from];
    if (!before || !after || NOT_NAME_WORDS.has(before.norm) || !isCapitalised(text, before)) break;
    if (!followsClosely(text, before, after) || startsSentence(text, before)) break;
    from--;
  }
  return [from, to];
}

/** Whether a token begins the text or a sentence (its capital says nothing about a name then). */
function startsSentence(text: string, token: Token): boolean {
  return /(?:^|[.!?]\s+)$/.test(text.slice(0, token.start));
}

interface Hit {
  start: number;
  end: number;
  category: ClinicalCategory;
}

const WEEKDAYS_AND_MONTHS = new Set(
  'monday mondays tuesday tuesdays wednesday wednesdays thursday thursdays friday fridays saturday saturdays sunday sundays mon tue tues wed thu thur thurs fri sat sun january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec i hr ok okay but and so thanks'.split(
    ' ',
  ),
);
const PERSON_TITLES = new Set('mr mrs ms mx miss dr dra prof'.split(' '));

/** A word that can be someone's name here: capitalised, or a lower-case word outside common English. */
function nameLike(text: string, token: Token | undefined): boolean {
  if (!token || WEEKDAYS_AND_MONTHS.has(token.norm) || NOT_DOCTOR_NAMES.has(token.norm)) return false;
  if (/^\d/.test(token.norm)) return false;
  return isCapitalised(text, token) || !isCommonWord(token.norm);
}

/** Last token index of a name starting at `i`: "Okonkwo-Reyes", "Sarah Kim", "adeyemi-ward". */
function nameEnd(text: string, tokens: Token[], i: number): number {
  let end = i;
  for (let words = 1; words < 3; words++) {
    const current = tokens[end];
    const next = tokens[end + 1];
    if (!current || !next) break;
    const gap = text.slice(current.end, next.start);
    // hyphenated parts always belong to the name; a second word only when it is capitalised
    if (gap === '-' && /^[a-z\u00c0-\u024f]/i.test(next.norm)) end++;
    else if (gap === ' ' && isCapitalised(text, next) && nameLike(text, next)) end++;
    else break;
  }
  return end;
}

/**
 * Widen a hit over what belongs to the same detail, so no identifying fragment is left beside a
 * placeholder: the name after a clinician's role ("my therapist Marguerite", "my counsellor,
 * Mr Baptiste"), and a care word after the term ("dialectical behavior therapy program").
 */
function widen(text: string, tokens: Token[], last: number, category: ClinicalCategory): number {
  let to = last;
  if (category === 'provider') {
    let k = to + 1;
    const gap = (a: number, b: number) => text.slice(tokens[a]?.end ?? 0, tokens[b]?.start ?? 0);
    if (tokens[k] && /^,?\s?$/.test(gap(to, k))) {
      if (PERSON_TITLES.has(tokens[k]?.norm ?? '') && /^\.?\s?$/.test(gap(k, k + 1))) k++;
      if (nameLike(text, tokens[k]) && (k === to + 1 || /^\.?\s?$/.test(gap(k - 1, k))))
        to = nameEnd(text, tokens, k);
    }
  }
  for (let extra = 0; extra < 2; extra++) {
    const current = tokens[to];
    const next = tokens[to + 1];
    if (!current || !next || !CARE_SUFFIXES.has(next.singular) || !followsClosely(text, current, next)) break;
    to++;
  }
  return to;
}

/**
 * A named doctor: "Dr"/"dr"/"DR"/"Doctor"/"Dra." with or without a dot, and the name after it in any
 * case ("Dr Okonkwo-Reyes", "dr adeyemi-ward", "DR. LINDQVIST-HALE", "la doctora Iturriaga"). A
 * capitalised word after the title is a name; a lower-case one only when it is not common English,
 * so "dr appointment" and "the DR site" stay ordinary, and so does Dr Pepper.
 */
function doctorHits(text: string, tokens: Token[], strong: Hit[]): void {
  for (let i = 0; i < tokens.length - 1; i++) {
    const title = tokens[i] as Token;
    if (!DOCTOR_TITLES.has(title.norm)) continue;
    const name = tokens[i + 1] as Token;
    if (!/^\.?\s{0,2}$/.test(text.slice(title.end, name.start))) continue;
    if (!nameLike(text, name)) continue;
    // "Doctor" spelled out, in lower case, followed by a common word: "doctor said", not a name
    if (title.norm === 'doctor' && !isCapitalised(text, name) && isCommonWord(name.norm)) continue;
    const end = nameEnd(text, tokens, i + 1);
    strong.push({ start: title.start, end: tokens[end]?.end ?? name.end, category: 'provider' });
    i = end;
  }
}

/**
 * A treatment place by its name and kind, as one span: "Harborlight Recovery", "Cedar Ridge Behavioral
 * Health", "Brightwater Wellness Center". The kind must be capitalised and say care on its own
 * ("Recovery", "Behavioral", "Treatment"), and either a name word is not common English or another
 * kind follows ("Recovery Center"): "Great Recovery" at a sentence's start is not a place.
 */
function placeHits(text: string, tokens: Token[], strong: Hit[]): void {
  for (let k = 1; k < tokens.length; k++) {
    const kind = tokens[k] as Token;
    if (!PLACE_KINDS_ALONE.has(kind.norm) || !isCapitalised(text, kind)) continue;
    let from = k;
    let rare = false;
    while (from > 0 && k - from < NAME_WORDS) {
      const before = tokens[from - 1] as Token;
      const after = tokens[from] as Token;
      if (NOT_NAME_WORDS.has(before.norm) || !isCapitalised(text, before) || PLACE_KINDS.has(before.norm))
        break;
      if (!followsClosely(text, before, after)) break;
      from--;
      if (!isCommonWord(before.norm)) rare = true;
    }
    if (from === k) continue;
    let to = k;
    while (
      tokens[to + 1] &&
      PLACE_KINDS.has((tokens[to + 1] as Token).singular) &&
      isCapitalised(text, tokens[to + 1] as Token) &&
      followsClosely(text, tokens[to] as Token, tokens[to + 1] as Token)
    )
      to++;
    if (!rare && to === k) continue;
    strong.push({
      start: (tokens[from] as Token).start,
      end: (tokens[to] as Token).end,
      category: 'treatment',
    });
    k = to;
  }
}

const EMAIL = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*(?:\.[a-z]{2,})?/g;
const URL =
  /<(?:https?|mailto):[^>\s]+>|\b(?:https?:\/\/|www\.)[^\s<>"]+|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:org|com|net|gov|edu|io|us|uk|ca|co|info|health|care|clinic|me|app|example)\b(?:\/[^\s<>"]*)?/g;

/**
 * Email and web addresses: never released, always private. One that names a clinical service
 * ("okonkwo.psychiatry@…", "smartrecovery.org") is a clinical detail; any other is contact detail.
 */
function addressHits(lower: string, strong: Hit[]): void {
  if (!lower.includes('@') && !lower.includes('.')) return;
  for (const regex of [URL, EMAIL]) {
    for (const match of lower.matchAll(regex)) {
      const found = match[0].replace(/[.,;:!?)]+$/, '');
      if (!found.includes('@') && !found.includes('.') && !found.startsWith('<')) continue;
      const clinical = CLINICAL_ADDRESS_STEMS.some((stem) => found.includes(stem));
      strong.push({
        start: match.index,
        end: match.index + found.length,
        category: clinical ? 'provider' : 'contact',
      });
    }
  }
}

function lexiconHits(text: string, tokens: Token[], strong: Hit[], weak: Hit[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token) continue;
    const candidates = BY_FIRST_WORD.get(token.norm) ?? BY_FIRST_WORD.get(token.singular);
    let matchedAny = false;
    for (const term of candidates ?? []) {
      const last = matchPhrase(text, tokens, i, term);
      if (last < 0) continue;
      matchedAny = true;
      const verdict = judge(term, tokens, i, last);
      if (verdict === 'no') continue;
      const [from, placeEnd] = placeName(text, tokens, i, last, term.term.category);
      const to = widen(text, tokens, placeEnd, term.term.category);
      const start = tokens[from]?.start ?? token.start;
      const end = tokens[to]?.end ?? token.end;
      (verdict === 'yes' ? strong : weak).push({ start, end, category: term.term.category });
      if (verdict === 'yes') {
        i = to;
        break;
      }
    }
    if (matchedAny) continue;
    const near = misspelling(token.norm);
    if (near && judge(near, tokens, i, i) === 'yes') {
      strong.push({ start: token.start, end: token.end, category: near.term.category });
    }
  }
}

const NUMBER =
  '(?:\\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirty|sixty|ninety|a\\s+few|few|several)';
const UNIT = '(?:days?|weeks?|months?|years?|yrs?)';
const STEP = '(?:\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)';
const STOP_WORDS =
  'last|in|on|at|and|but|so|when|this|since|yesterday|today|after|before|a|an|the|which|because|recently|back|earlier|as|by|for|from|if|or|to|was|is|fwiw|lol|y|que|en|el|la|los|las|de|hace|con|por|para|pero|porque|cuando|desde|hoy|ayer';
const WORD = "[a-z0-9\\u00c0-\\u024f'’]+";

interface Pattern {
  /** Every match contains one of these: a cheap test that skips the pattern for most texts. */
  anchors: readonly string[];
  /** Runs on lower-cased text (no `i` flag) unless `cased`. */
  regex: RegExp;
  category: ClinicalCategory;
  cased?: boolean;
  /** Counts only next to another clinical detail. */
  nearbyOnly?: boolean;
  /** Only this capture group is the clinical part (needs the `d` flag). */
  group?: number;
  /** Widen the match back over text just before it that this matches (anchored with `$`). */
  extendBack?: RegExp;
  /** Keep the match only when `extendBack` found something. */
  needsExtension?: boolean;
  /** A `nearbyOnly` match counts on its own when the lower-cased text just before it matches this (anchored with `$`). */
  strongBefore?: RegExp;
  /** ... or when the lower-cased text just after it matches this (anchored with `^`). */
  strongAfter?: RegExp;
  /** Drop a match this says no to (positions of the clinical part; `found` is its text). */
  reject?: (lower: string, start: number, end: number, found: string) => boolean;
}

const LOOK_BACK_CHARS = 24;
const LOOK_AHEAD_CHARS = 48;

// "40 days ", "a few weeks ", "months ": a duration just before a match, found by looking back from
// it. Patterns that start with a list of numbers and units are slow on long texts; these start with
// a rare word and look back only where it occurs.
const DURATION_UNIT_BEFORE = new RegExp(`\\b(?:${NUMBER}[\\s-]*)?${UNIT}\\s+$`);

const PATTERNS: readonly Pattern[] = [
  // "40 days clean", "6 months sober", "clean for 3 weeks", "been clean since february"
  {
    anchors: ['clean', 'sober'],
    regex: /\b(?:clean|sober)\b/g,
    category: 'substance_use',
    extendBack: DURATION_UNIT_BEFORE,
    needsExtension: true,
  },
  {
    anchors: ['clean'],
    regex: new RegExp(`\\bclean\\s+(?:for|since)\\s+${NUMBER}\\s+${UNIT}`, 'g'),
    category: 'substance_use',
  },
  { anchors: ['clean'], regex: /\bbeen\s+clean\s+(?:for|since)\b/g, category: 'substance_use' },
  // sobriety chips: "90 day chip", "one year coin"
  {
    anchors: ['chip', 'coin', 'medallion'],
    regex: /\b(?:chip|coin|medallion)s?\b/g,
    category: 'support_group',
    extendBack: new RegExp(`\\b${NUMBER}[\\s-]*${UNIT}[\\s-]*$`),
    needsExtension: true,
  },
  {
    anchors: ['chip', 'coin', 'medallion'],
    regex: /\b(?:sobriety|recovery)\s+(?:chip|coin|medallion)s?\b/g,
    category: 'support_group',
  },
  // "I'm on step 4" (but not "step 4 of the checklist"); the look-behind runs only after "on" matched
  {
    anchors: ['step'],
    regex: new RegExp(
      `\\bon(?<=\\b(?:i['’]?m|i\\s+am|currently|working|now)\\s+on)\\s+(step\\s+${STEP})\\b(?!\\s+of\\b)`,
      'dg',
    ),
    category: 'support_group',
    group: 1,
  },
  // a dose says there is a medication even when the name is missing
  {
    anchors: ['mg', 'mcg', 'milligram'],
    regex: /\b\d+(?:\.\d+)?\s?(?:mg|mcg|milligrams?)\b/g,
    category: 'medication',
  },
  { anchors: ['i.'], regex: /\bi\.\s?o\.\s?p\b\.?/g, category: 'treatment' },
  // "diagnosed with <up to four words>": whatever follows is the condition, known word or not
  {
    anchors: ['diagnos', 'dx'],
    regex: new RegExp(
      `\\b(?:diagnosed|dx['’]?d|dx)\\s+(?:with|w/|of)\\s+(?:an?\\s+)?((?!(?:${STOP_WORDS})\\b)${WORD}(?:[\\s-]+(?!(?:${STOP_WORDS})\\b)${WORD}){0,3})`,
      'dg',
    ),
    category: 'condition',
    group: 1,
  },
  // "in the rooms three nights a week", "been in the rooms since 2019": the rooms of mutual-help meetings
  {
    anchors: ['rooms'],
    regex: new RegExp(
      `\\b(?:in|to|back\\s+in)\\s+the\\s+rooms\\b(?=\\s+(?:(?:${NUMBER})\\s+)?(?:nights?|days?|times?|evenings?|mornings?|years?|months?|weeks?|since|every|again|for\\s+${NUMBER}\\s+${UNIT}))`,
      'g',
    ),
    category: 'support_group',
  },
  {
    anchors: ['rooms'],
    regex: /\b(?:been|keep\s+coming\s+back|went\s+back|going\s+back)\s+(?:in|to)\s+the\s+rooms\b/g,
    category: 'support_group',
  },
  // Spanish: "me diagnosticaron X", "diagnosticada con X"
  {
    anchors: ['diagnostic'],
    regex: new RegExp(
      `\\b(?:me\\s+diagnosticaron|diagnosticad[oa]\\s+(?:con|de)|diagnostico\\s+de)\\s+(?:una?\\s+)?((?!(?:${STOP_WORDS})\\b)${WORD}(?:[\\s-]+(?!(?:${STOP_WORDS})\\b)${WORD}){0,3})`,
      'dg',
    ),
    category: 'condition',
    group: 1,
  },
  // "AUD" is alcohol use disorder unless it is Australian dollars ("AUD 500", "prices in AUD")
  {
    anchors: ['aud'],
    regex: /\bAUD\b/g,
    category: 'condition',
    cased: true,
    reject: (lower, start, end) =>
      /(?:\d|\$|usd|eur|gbp|cad|nzd|jpy|dollars?|currenc|price|pricing|fx|exchange|invoice|billed)/.test(
        lower.slice(Math.max(0, start - 16), end + 16),
      ),
  },
  // "at Harborlight three evenings a week": a place whose name is not English, attended on a schedule
  {
    anchors: ['week', 'every'],
    regex:
      /\b(?:at|to)\s+((?:[A-Z][\w'-]*\s+){0,2}[A-Z][\w'-]*)\s+(?:(?:two|three|four|five|six|2|3|4|5|6)\s+(?:evenings|nights|mornings|afternoons|days|times)\s+(?:a|per|each)\s+week|every\s+(?:evening|night|morning|weekday))/dg,
    category: 'treatment',
    cased: true,
    group: 1,
    reject: (_lower, _start, _end, found) => found.split(/[\s-]+/).every((word) => isCommonWord(word)),
  },
];

function patternHits(text: string, lower: string, strong: Hit[], weak: Hit[]): void {
  for (const pattern of PATTERNS) {
    if (!pattern.anchors.some((anchor) => lower.includes(anchor))) continue;
    for (const match of (pattern.cased ? text : lower).matchAll(pattern.regex)) {
      const whole: [number, number] = [match.index, match.index + match[0].length];
      const found = pattern.group ? match.indices?.[pattern.group] : whole;
      if (!found) continue;
      const range: [number, number] = [found[0], found[1]];
      if (pattern.reject?.(lower, range[0], range[1], text.slice(range[0], range[1]))) continue;
      if (pattern.extendBack) {
        const from = Math.max(0, range[0] - LOOK_BACK_CHARS);
        const before = pattern.extendBack.exec(lower.slice(from, range[0]));
        if (before) range[0] -= before[0].length;
        else if (pattern.needsExtension) continue;
      }
      let weakHit = pattern.nearbyOnly === true;
      if (
        weakHit &&
        pattern.strongBefore?.test(lower.slice(Math.max(0, range[0] - LOOK_BACK_CHARS), range[0]))
      )
        weakHit = false;
      if (weakHit && pattern.strongAfter?.test(lower.slice(range[1], range[1] + LOOK_AHEAD_CHARS)))
        weakHit = false;
      (weakHit ? weak : strong).push({
        start: range[0],
        end: range[1],
        category: pattern.category,
      });
    }
  }
  for (const [start, end] of findCrisisInNormalForm(text)) strong.push({ start, end, category: 'crisis' });
}

function isNear(hit: Hit, strong: readonly Hit[]): boolean {
  return strong.some(
    (other) => hit.start - other.end <= NEARBY_CHARS && other.start - hit.end <= NEARBY_CHARS,
  );
}

/** Sorted, non-overlapping spans; touching hits (or hits with only spaces between) become one. */
function merge(text: string, hits: Hit[]): ClinicalSpan[] {
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const spans: ClinicalSpan[] = [];
  // The category of a merged span: crisis if any part is crisis, otherwise that of its longest part.
  let longest = 0;
  for (const hit of hits) {
    const current = spans[spans.length - 1];
    if (current && (hit.start <= current.end || JOIN_GAP.test(text.slice(current.end, hit.start)))) {
      if (hit.category === 'crisis') current.category = 'crisis';
      else if (current.category !== 'crisis' && hit.end - hit.start > longest) {
        current.category = hit.category;
        longest = hit.end - hit.start;
      }
      current.end = Math.max(current.end, hit.end);
      continue;
    }
    spans.push({ start: hit.start, end: hit.end, category: hit.category });
    longest = hit.end - hit.start;
  }
  return spans;
}

export interface DetectOptions {
  /**
   * Also flag every email and web address (category 'contact'). They are never released, so
   * release and `privacy scan` ask for them; the app's own messages and letters link to its policy,
   * so redaction for other audiences and the guard do not.
   */
  addresses?: boolean;
}

/**
 * Every clinical detail in `text`, as sorted, non-overlapping spans of the original text. The text
 * is read in its normal form (see normal-form.ts), so "Ｚｏｌｏｆｔ", "Pro​zac" and "Zоloft" are
 * found, and each span covers the original characters, invisible ones included. An address that
 * names a clinical service ("okonkwo.psychiatry@…") is a clinical detail; other addresses count
 * only with `addresses`. Pure and fast.
 */
export function detectClinical(typed: string | PrivateText, options: DetectOptions = {}): ClinicalSpan[] {
  const text = typeof typed === 'string' ? typed : readPrivate(typed);
  if (text.length === 0) return [];
  const form = normalForm(text);
  const spans = detectInNormalForm(form.text).map((span) => {
    const [start, end] = originalRange(form, span.start, span.end);
    return { start, end, category: span.category };
  });
  return options.addresses ? spans : spans.filter((span) => span.category !== 'contact');
}

/** Clinical details and every email and web address: what may never be released. */
export function detectPrivate(text: string): ClinicalSpan[] {
  return detectClinical(text, { addresses: true });
}

/** The detector on text already in normal form; spans are positions in that text. */
export function detectInNormalForm(text: string): ClinicalSpan[] {
  if (text.length === 0) return [];
  const strong: Hit[] = [];
  const weak: Hit[] = [];
  const lower = foldCase(text);
  const tokens = tokenize(text, lower);
  lexiconHits(text, tokens, strong, weak);
  doctorHits(text, tokens, strong);
  placeHits(text, tokens, strong);
  addressHits(lower, strong);
  patternHits(text, lower, strong, weak);
  if (strong.length === 0) return [];
  for (const hit of weak) if (isNear(hit, strong)) strong.push(hit);
  return merge(text, strong);
}

export function isClinical(text: string): boolean {
  return detectClinical(text).length > 0;
}

/**
 * Spans for each field of one submission, found in each field alone and in all of them read
 * together, so a detail split across two fields ("I was diagnosed with" / "kleptomania, so…") is
 * caught in both. Release and the guard run this over everything that goes out at once.
 */
export function detectAcrossFields(fields: readonly string[], options: DetectOptions = {}): ClinicalSpan[][] {
  const perField = fields.map((field) => detectClinical(field, options));
  if (fields.length < 2) return perField;
  const offsets: number[] = [];
  let joined = '';
  for (const field of fields) {
    offsets.push(joined.length);
    joined += `${field}\n`;
  }
  for (const span of detectClinical(joined, options)) {
    fields.forEach((field, k) => {
      const from = offsets[k] ?? 0;
      const start = Math.max(span.start, from) - from;
      const end = Math.min(span.end, from + field.length) - from;
      if (end > start) perField[k]?.push({ start, end, category: span.category });
    });
  }
  return perField.map(unionOfSpans);
}

/** True when any field, or the fields read together, name a clinical detail. */
export function isClinicalAcross(fields: readonly string[], options: DetectOptions = {}): boolean {
  return detectAcrossFields(fields, options).some((spans) => spans.length > 0);
}

/** True when any field, or the fields read together, hold what may never be released. */
export function isPrivateAcross(fields: readonly string[]): boolean {
  return isClinicalAcross(fields, { addresses: true });
}

function unionOfSpans(spans: ClinicalSpan[]): ClinicalSpan[] {
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
