/**
 * Crisis check: run on every free text an employee sends, before anything else, so that words about
 * suicide or self-harm get a crisis line straight away. The phrases are deliberately broad (a kind
 * reply to a dark joke costs little; a missed cry for help costs a lot), but the common work idioms
 * ("this deadline is killing me", "kill the process", "shoot me an email") are left alone.
 */

import { foldCase } from './clinical/fold-case.js';
import { normalForm, originalRange } from './normal-form.js';
import { type PrivateText, readPrivate } from './private-text.js';

export type CrisisCountry = 'US' | 'CA' | 'UK' | 'OTHER';

// Apostrophes typed on phones are often curly.
const Q = "['’]";

interface CrisisPattern {
  /** A piece of text every match contains: a cheap test that skips the pattern for most texts. */
  anchor: string;
  /** Runs on lower-cased text, so no `i` flag (several times faster on long texts), unless `cased`. */
  regex: RegExp;
  /** Runs on the text as typed: "SI" (suicidal ideation) is not "si" (Spanish "yes"). */
  cased?: boolean;
}

const CRISIS_PATTERNS: readonly CrisisPattern[] = [
  {
    anchor: 'myself',
    regex:
      /\b(?:kill|killing|killed|hurt|hurting|harm|harming|cut|cutting|unalive|unaliving|hang|hanging|drown|drowning|shoot|shooting|poison|poisoning|off|offing)\s+myself\b/g,
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
    regex:
      /\bjump(?:ing)?\s+(?:off|from)\s+(?:a|the|my)\s+(?:[a-z]+\s+)?(?:bridge|roof|building|balcony|cliff|garage|overpass|tower|window)\b/g,
  },
  // ---- indirect phrases: the ones people actually type
  {
    anchor: 'end',
    regex:
      /\b(?:think|thinking|thought|thoughts|dream|dreaming|obsessing)\s+(?:about|of)\s+(?:just\s+)?end(?:ing)?\s+(?:it|everything|things|my\s+life)\b(?!\s+(?:early|with|for\s+the|on\s+a))/g,
  },
  {
    anchor: 'end',
    regex: new RegExp(
      `\\b(?:want|wanna|going|gonna|ready|plan|planning|should\\s+just|could\\s+just|i${Q}?ll\\s+just|i\\s+will\\s+just)\\s+(?:to\\s+)?end\\s+(?:it|everything|things)(?:\\s+all)?\\b(?!\\s+(?:early|here|now|there|today|tomorrow|with|for\\s+the|on\\s+a|at))`,
      'g',
    ),
  },
  {
    anchor: 'point',
    regex: new RegExp(
      `\\b(?:(?:don${Q}?t|do\\s+not|can${Q}?t|cannot|doesn${Q}?t)\\s+see|there${Q}?s\\s+no|what${Q}?s|whats|no)\\s+(?:the\\s+|a\\s+|any\\s+)?point\\s+(?:of|in)\\s+(?:going\\s+on|living|being\\s+(?:alive|here|around)|life|anything\\s+any\\s*more|trying\\s+any\\s*more|any\\s+of\\s+it\\s+any\\s*more|waking\\s+up)\\b(?!\\s+with\\b)`,
      'g',
    ),
  },
  {
    anchor: 'go',
    regex: new RegExp(
      `\\bcan${Q}?t\\s+(?:go\\s+on|keep\\s+going|keep\\s+living)\\s+like\\s+this\\b(?!\\s+with\\b)`,
      'g',
    ),
  },
  { anchor: 'living', regex: new RegExp(`\\bcan${Q}?t\\s+keep\\s+living\\b`, 'g') },
  {
    anchor: 'disappear',
    regex:
      /\b(?:want|wanna|wanted|wish\s+i\s+could)\s+(?:to\s+)?disappear\b(?=\s*(?:$|[.!?]|for\s+(?:good|ever)|forever|permanently|and\s+never))/g,
  },
  {
    anchor: 'disappear',
    regex: /\bbetter\s+off\s+if\s+i\s+(?:disappeared|died|was\s+gone|were\s+gone|left\s+for\s+good)\b/g,
  },
  {
    anchor: 'notice',
    regex:
      /\b(?:nobody|no\s+one|no-one)\s+would\s+(?:even\s+)?(?:notice|care|miss\s+me)\s+if\s+i\s+(?:was|were|died|disappeared|left|did\s+it)\b/g,
  },
  {
    anchor: 'stop',
    regex:
      /\bwant\s+(?:it\s+all|everything|it|the\s+pain)\s+to\s+(?:stop|end)\s*,?\s*(?:permanently|for\s+good|forever)\b/g,
  },
  { anchor: 'cutting', regex: /\b(?:been|started|start|keep|kept)\s+cutting\s+(?:again|myself)\b/g },
  // kms: "kill myself" (not kilometres: no number before it)
  { anchor: 'kms', regex: /(?<!\d\s?)\bkms\b/g },
  // SI, suicidal ideation, written as capitals
  {
    anchor: 'SI',
    cased: true,
    regex:
      /\b(?:have|has|having|had|with|my|the|experiencing|struggling\s+with|dealing\s+with|passive|active|some|been\s+having|getting)\s+SI\b(?!\s+units?\b)/g,
  },
  {
    anchor: 'SI',
    cased: true,
    regex:
      /\bSI\b(?=\s+(?:again|is\s+back|thoughts|lately|this\s+week|is\s+bad|is\s+getting|on\s+and\s+off))/g,
  },
  // ---- means
  {
    anchor: 'pills',
    regex:
      /\b(?:whole|entire)\s+(?:bottle|pack|packet|box)\s+of\s+(?:my\s+)?(?:pills|meds|tablets|sleeping\s+pills)\b/g,
  },
  {
    anchor: 'stockpil',
    regex: /\bstockpil(?:e|ed|ing)\s+(?:my\s+|the\s+)?(?:pills|meds|medication|tablets)\b/g,
  },
  { anchor: 'many', regex: /\bhow\s+many\s+(?:pills|tablets)\s+(?:it\s+)?(?:would|does|will|to)\b/g },
  { anchor: 'once', regex: /\b(?:pills|meds|tablets)\s+(?:all\s+)?at\s+once\b/g },
  {
    anchor: 'goodbye',
    regex: /\b(?:wrote|writing|written|write|left)\s+(?:my\s+|a\s+)?goodbye\s+(?:letters?|notes?)\b/g,
  },
  { anchor: 'note', regex: /\bsuicide\s+notes?\b/g },
  {
    anchor: 'away',
    regex: /\b(?:give|giving|gave|given)\s+away\s+(?:all\s+)?my\s+(?:stuff|things|belongings|possessions)\b/g,
  },
  {
    anchor: 'driv',
    regex:
      /\bdriv(?:e|ing)\s+(?:my\s+car\s+)?(?:off\s+(?:the\s+|a\s+)?(?:road|bridge|cliff)|into\s+(?:a\s+|the\s+)?(?:wall|tree|traffic|oncoming|river))\b/g,
  },
  // ---- Spanish (accents are gone in the normal form: "quitarme la vida", "estaria mejor muerta")
  {
    anchor: 'mor',
    regex:
      /\b(?:ganas\s+de\s+morir(?:me)?|quiero\s+morir(?:me)?|me\s+quiero\s+morir|quisiera\s+morir(?:me)?|deseo\s+morir(?:me)?|prefiero\s+morir(?:me)?|me\s+quiero\s+muerto|quiero\s+estar\s+muert[oa])\b/g,
  },
  { anchor: 'vivir', regex: /\bno\s+quiero\s+(?:seguir\s+)?vivir\b/g },
  {
    anchor: 'suicid',
    regex:
      /\b(?:suicidarme|pensamientos\s+suicidas|ideas\s+suicidas|ideacion\s+suicida|intento\s+de\s+suicidio|me\s+voy\s+a\s+suicidar)\b/g,
  },
  { anchor: 'vida', regex: /\bquitarme\s+la\s+vida\b/g },
  { anchor: 'matar', regex: /\b(?:matarme|me\s+quiero\s+matar|me\s+voy\s+a\s+matar)\b/g },
  {
    anchor: 'sentido',
    regex: /\bno\s+le\s+veo\s+(?:el\s+)?sentido\s+a\s+(?:seguir|vivir|la\s+vida|nada)\b/g,
  },
  {
    anchor: 'mejor',
    regex: /\b(?:estaria|estarian|estarias|estariamos)\s+mejor\s+(?:muert[oa]s?|sin\s+mi)\b/g,
  },
  {
    anchor: 'cort',
    regex:
      /\b(?:cortarme|me\s+(?:he\s+estado\s+|estoy\s+)?cortando|me\s+corto|autolesion(?:es|arme)?|hacerme\s+dano)\b/g,
  },
  { anchor: 'desaparecer', regex: /\bdesaparecer\s+(?:para\s+siempre|de\s+este\s+mundo)\b/g },
  {
    anchor: 'despert',
    regex: /\b(?:ojala\s+no\s+despertar(?:me)?|no\s+despertar(?:me)?\s+(?:nunca|mas|manana))\b/g,
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
  for (const { anchor, regex, cased } of CRISIS_PATTERNS) {
    const source = cased ? text : lower;
    if (!source.includes(anchor)) continue;
    for (const match of source.matchAll(regex)) found.push([match.index, match.index + match[0].length]);
  }
  return found.sort((a, b) => a[0] - b[0]);
}

export function detectCrisis(text: string | PrivateText): boolean {
  return findCrisis(typeof text === 'string' ? text : readPrivate(text)).length > 0;
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
