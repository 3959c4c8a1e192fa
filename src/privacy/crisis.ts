/**
 * Crisis check: run on every free text an employee sends, before anything else, so that words about
 * suicide or self-harm get a crisis line straight away. The phrases are deliberately broad (a kind
 * reply to a dark joke costs little; a missed cry for help costs a lot), but the common work idioms
 * ("this deadline is killing me", "kill the process", "shoot me an email") are left alone.
 */

import { foldCase } from './clinical/fold-case.js';
import { normalForm, originalRange } from './normal-form.js';

export type CrisisCountry = 'US' | 'CA' | 'UK' | 'OTHER';

// Apostrophes typed on phones are often curly.
const Q = "['’]";

interface CrisisPattern {
  /** A piece of text every match contains: a cheap test that skips the pattern for most texts. */
  anchor: string;
  /** Runs on lower-cased text, so no `i` flag (several times faster on long texts). */
  regex: RegExp;
}

const CRISIS_PATTERNS: readonly CrisisPattern[] = [
  {
    anchor: 'myself',
    regex: /\b(?:kill|killing|killed|hurt|hurting|harm|harming|cut|cutting|unalive|unaliving)\s+myself\b/g,
  },
  { anchor: 'harm', regex: /\bself[\s-]?harm(?:ing|ed)?\b/g },
  { anchor: 'suicid', regex: /\bsuicid(?:e|al|ality)\b(?!\s+(?:prevention|awareness|squad)\b)/g },
  {
    anchor: 'end',
    regex: /\bend(?:ing|ed)?\s+(?:it\s+all|my\s+(?:own\s+)?life|things\s+for\s+good|it\s+for\s+good)\b/g,
  },
  { anchor: 'life', regex: /\btak(?:e|ing)\s+my\s+(?:own\s+)?life\b/g },
  {
    // the look-behind runs only where "want" matched, which keeps this fast on long texts
    anchor: 'want',
    regex: new RegExp(
      `\\bwant(?<=\\b(?:don${Q}?t|do\\s+not|no\\s+longer|never)\\s+want)\\s+to\\s+(?:live|be\\s+alive|exist|wake\\s+up|be\\s+here\\s+(?:any\\s*more|any\\s+longer))\\b`,
      'g',
    ),
  },
  {
    anchor: 'die',
    regex:
      /\b(?:want|wanna|wanted|wanting|going|gonna|ready)\s+(?:to\s+)?die\b(?!\s+(?:of|from|laughing|when|if|on|for)\b)/g,
  },
  { anchor: 'dead', regex: /\bwish\s+i\s+(?:was|were|could\s+be)\s+dead\b/g },
  { anchor: 'born', regex: /\bwish\s+i\s+(?:was|were|had)\s+never\s+(?:been\s+)?born\b/g },
  {
    anchor: 'better',
    regex: new RegExp(
      `\\bbetter\\s+off\\s+(?:dead|without\\s+me|if\\s+i\\s+(?:(?:was|were)\\s+(?:gone|dead|never\\s+born)|(?:wasn${Q}?t|weren${Q}?t)\\s+(?:here|around|alive)))\\b`,
      'g',
    ),
  },
  {
    anchor: 'reason',
    regex: new RegExp(
      `\\b(?:no|not\\s+any|(?:don${Q}?t|can${Q}?t)\\s+(?:see|find|have)\\s+(?:a|any))\\s+reason\\s+to\\s+(?:live|go\\s+on|keep\\s+going|be\\s+here|stay\\s+alive)\\b`,
      'g',
    ),
  },
  { anchor: 'worth', regex: new RegExp(`\\b(?:not|isn${Q}?t|ain${Q}?t)\\s+worth\\s+living\\b`, 'g') },
  { anchor: 'go', regex: new RegExp(`\\bcan${Q}?t\\s+go\\s+on\\s+(?:any\\s*more|living)\\b`, 'g') },
  { anchor: 'wake', regex: /\b(?:sleep|bed)\s+and\s+(?:not|never)\s+wake\s+up\b/g },
  {
    anchor: 'wake',
    regex: new RegExp(
      `\\b(?:wouldn${Q}?t|won${Q}?t|didn${Q}?t|would\\s+never|never)\\s+wake\\s+up\\s+again\\b`,
      'g',
    ),
  },
  {
    anchor: 'all',
    regex:
      /\b(?:take|taking|took|swallow|swallowing)\s+all\s+(?:of\s+)?(?:my|the|these|those)\s+(?:pills|meds|medication|tablets)\b/g,
  },
  { anchor: 'purpose', regex: /\boverdos(?:e|ing)\s+on\s+purpose\b/g },
  {
    anchor: 'jump',
    regex: /\bjump(?:ing)?\s+off\s+(?:a|the|my)\s+(?:bridge|roof|building|balcony|cliff)\b/g,
  },
];

/** Where crisis language occurs in `text`, as [start, end) offsets of the original text, sorted. */
export function findCrisis(text: string): Array<[number, number]> {
  const form = normalForm(text);
  return findCrisisInNormalForm(form.text).map(([start, end]) => originalRange(form, start, end));
}

/** Crisis language in text already in normal form; offsets in that text. Used by the detector. */
export function findCrisisInNormalForm(text: string): Array<[number, number]> {
  const lower = foldCase(text);
  const found: Array<[number, number]> = [];
  for (const { anchor, regex } of CRISIS_PATTERNS) {
    if (!lower.includes(anchor)) continue;
    for (const match of lower.matchAll(regex)) found.push([match.index, match.index + match[0].length]);
  }
  return found.sort((a, b) => a[0] - b[0]);
}

export function detectCrisis(text: string): boolean {
  return findCrisis(text).length > 0;
}

const OPENING =
  "I'm really glad you told me. That sounds so heavy, and you don't have to carry it on your own right now.";
const CLOSING = "I'm still here, and we can keep talking for as long as you like.";

function lines(help: string[]): string {
  return [OPENING, '', ...help.map((line) => `• ${line}`), '', CLOSING].join('\n');
}

/** A warm, short reply with the crisis line for the employee's country (Slack mrkdwn). */
export function crisisReply(country: CrisisCountry): string {
  switch (country) {
    case 'US':
      return lines([
        'You can call or text *988* (the Suicide & Crisis Lifeline) any time, day or night, to talk with someone now.',
        "If you're in immediate danger, please call *911*.",
      ]);
    case 'CA':
      return lines([
        'You can call or text *988* (the Suicide Crisis Helpline) any time, day or night, to talk with someone now.',
        "If you're in immediate danger, please call *911*.",
      ]);
    case 'UK':
      return lines([
        'You can call Samaritans free on *116 123* any time, day or night, to talk with someone now.',
        "If you're in immediate danger, please call *999*.",
      ]);
    case 'OTHER':
      return lines([
        "If you're in immediate danger, please call your local emergency number now.",
        'You can find a free, confidential helpline where you are at <https://findahelpline.com|findahelpline.com>.',
      ]);
  }
}
