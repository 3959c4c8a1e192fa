import { redactClinical } from './clinical/index.js';
import { isCommonWord } from './common-words.js';
import { normalize } from './normal-form.js';
import { type PrivateText, readPrivate } from './private-text.js';

/**
 * Rare-word masking for text that goes to the model (DESIGN.md section 2.5). A DM question is first
 * redacted (clinical details, email and web addresses), then every word outside the common-English
 * allowlist (common-words.ts) and the app's own vocabulary becomes a placeholder. What the detector
 * does not know ("scrupulosity", a clinic's name, a clinician's surname) therefore never reaches the
 * model, and a model that quotes the question back cannot put a masked word into Slack: the masked
 * words are not kept anywhere, so nothing can map them back.
 */

/**
 * Words of the app's own domain the model needs to answer well, outside the common-English list or
 * not: workplace accommodation, schedules and the process. None names a health detail.
 */
export const APP_VOCABULARY: ReadonlySet<string> = new Set(
  `accommodation accommodations accommodate ada adaaa eeoc eeoc's fmla hr eap pto wfh ooo remote hybrid
  onsite on-site flexible flexibility flextime flex schedule schedules scheduling reschedule rescheduled
  shift shifts rota rotas on-call oncall standup standups stand-up async asynchronous workday workdays
  weekday weekdays weekend weekends timezone timezones manager managers employer employee employees
  coworker coworkers colleague colleagues teammate teammates hr's interactive process undue hardship
  reasonable adjustment adjustments equality act jurisdiction jurisdictions uk us usa canada ontario
  quebec california provincial federal statute policy policies handbook intranet letter letters draft
  drafts redraft wording template provider form forms verification documentation confidential
  confidentiality disclose disclosure consent approve approved approval deny denied denial appeal
  extension review status slack dm dms modal workspace request requests requested deadline deadlines
  meeting meetings calendar sprint backlog onboarding offboarding retro retros okr okrs kpi kpis
  jira github deploy deploys deployment on-call coverage handover handoff mornings evenings afternoons
  midday lunchtime am pm mon tue tues wed thu thur thurs fri sat sun jan feb mar apr jun jul aug sep
  sept oct nov dec`
    .split(/\s+/)
    .filter(Boolean),
);

export interface MaskOptions {
  /** More words to keep as they are (for example, the names of the person's own accommodation choices). */
  keep?: Iterable<string>;
  /** Placeholder for the n-th distinct masked word (from 1); default `[word n]`. */
  placeholder?: (n: number) => string;
}

export interface Masked {
  /** The text with details redacted and rare words masked. */
  text: string;
  /** How many words were masked (not which). */
  maskedWords: number;
  /** How many details the redactor replaced. */
  redactedDetails: number;
}

const defaultPlaceholder = (n: number): string => `[word ${n}]`;

// A word: letters (any script), digits, apostrophes and hyphens inside it.
const WORD = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu;
// Placeholders the redactor wrote; their words ("health", "detail") are ours, never masked.
const PLACEHOLDER = /\[(?:health detail|word) \d+\]/g;

function keepWord(word: string, keep: ReadonlySet<string>): boolean {
  const lower = word.toLowerCase();
  if (APP_VOCABULARY.has(lower) || keep.has(lower)) return true;
  if (/^\d+(?:[:.]\d+)?(?:am|pm|st|nd|rd|th|h|k)?$/.test(lower)) return true;
  // hyphenated: every part must be common ("follow-up", "part-time")
  if (lower.includes('-')) return lower.split('-').every((part) => keepWord(part, keep));
  return isCommonWord(lower);
}

/** Redact, then mask every rare word. The result is safe to put in a prompt. */
export function maskForModel(text: string | PrivateText, options: MaskOptions = {}): Masked {
  const { placeholder = defaultPlaceholder } = options;
  const keep = new Set([...(options.keep ?? [])].map((word) => word.toLowerCase()));
  // Typed text leaves here only redacted and masked: masking is one way out of `PrivateText`.
  const redaction = redactClinical(normalize(typeof text === 'string' ? text : readPrivate(text)), {
    addresses: true,
  });
  const numbers = new Map<string, number>();
  let maskedWords = 0;
  const maskPart = (part: string): string =>
    part.replace(WORD, (word) => {
      if (keepWord(word, keep)) return word;
      const key = word.toLowerCase();
      let n = numbers.get(key);
      if (n === undefined) {
        n = numbers.size + 1;
        numbers.set(key, n);
      }
      maskedWords++;
      return placeholder(n);
    });
  // mask between the redactor's placeholders, leaving them whole
  let out = '';
  let cursor = 0;
  for (const match of redaction.text.matchAll(PLACEHOLDER)) {
    out += maskPart(redaction.text.slice(cursor, match.index)) + match[0];
    cursor = match.index + match[0].length;
  }
  out += maskPart(redaction.text.slice(cursor));
  return { text: out, maskedWords, redactedDetails: redaction.spans.length };
}
