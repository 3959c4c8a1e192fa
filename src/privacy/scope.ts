import { AsyncLocalStorage } from 'node:async_hooks';
import { detectClinical, redactClinical } from './clinical/index.js';
import { isCommonWord } from './common-words.js';
import { normalize } from './normal-form.js';
import type { PrivateText } from './private-text.js';

/**
 * What the process must not let out while it handles one incoming Slack request: the exact health
 * details of the people whose data it touched, keyed by whose they are. Filled by the middleware
 * (from what the person typed) and by the store (from the records it reads); read by the outbound
 * guard and the logger. It lives only for that request, in memory.
 */
export class PrivacyScope {
  private readonly secretsByOwner = new Map<string, Set<string>>();
  private readonly releasedByOwner = new Map<string, string[]>();

  constructor(readonly actingUserId: string | undefined) {}

  /** Registers the clinical spans of `text` (detector hits) as `ownerId`'s secrets. */
  rememberClinicalIn(ownerId: string, text: string | undefined): void {
    if (!text) return;
    for (const span of detectClinical(text)) this.remember(ownerId, text.slice(span.start, span.end), true);
  }

  /**
   * Registers a whole value as secret: fields the employee marked private. Only what is specific in
   * it is matched later: the whole value when it has several words or a word outside common
   * English, and each such rare word on its own. A note that says "work" or "Monday" matches
   * nothing, so it cannot hold back every message that says "work"; "Harborlight" still does.
   */
  rememberExact(ownerId: string, value: string | undefined): void {
    this.remember(ownerId, value ?? '', false);
  }

  /**
   * Registers text the owner released to HR (a submitted request's fields). Words the person chose
   * to send are no longer secret when they show up again, say in their own export.
   */
  rememberReleased(ownerId: string, value: string | undefined): void {
    const text = comparable(value ?? '');
    if (text.length === 0) return;
    const released = this.releasedByOwner.get(ownerId) ?? [];
    released.push(text);
    this.releasedByOwner.set(ownerId, released);
  }

  private remember(ownerId: string, value: string, clinical: boolean): void {
    const whole = comparable(value);
    // Very short strings would match everywhere and say nothing; the detector covers real terms.
    if (whole.length < 3) return;
    const matchers = specificParts(whole, clinical);
    if (matchers.length === 0) return;
    let owned = this.secretsByOwner.get(ownerId);
    if (!owned) {
      owned = new Set();
      this.secretsByOwner.set(ownerId, owned);
    }
    for (const matcher of matchers) owned.add(matcher);
  }

  /**
   * Owners whose secrets occur in `text` as whole words (any case, in normal form). `ignore` skips
   * secrets that are fine to send (the app's own wording), while secrets that merely contain such
   * wording still count; a secret the owner released is not theirs to keep back any more.
   */
  ownersFoundIn(text: string, ignore: (secret: string) => boolean = () => false): string[] {
    const haystack = comparable(text);
    const owners: string[] = [];
    for (const [owner, secrets] of this.secretsByOwner) {
      const released = this.releasedByOwner.get(owner) ?? [];
      for (const secret of secrets) {
        if (!containsWords(haystack, secret) || ignore(secret)) continue;
        if (released.some((text) => containsWords(text, secret))) continue;
        owners.push(owner);
        break;
      }
    }
    return owners;
  }

  /** True when `text` (a detected span, say) is one of `ownerId`'s own secrets or part of one. */
  isOwnedBy(ownerId: string | undefined, text: string): boolean {
    if (!ownerId) return false;
    const needle = comparable(text);
    const secrets = this.secretsByOwner.get(ownerId);
    if (!secrets || needle.length === 0) return false;
    for (const secret of secrets) if (secret.includes(needle) || needle.includes(secret)) return true;
    return false;
  }

  /** Every specific secret, for redaction ("work" is never one). */
  allSecrets(): string[] {
    return [...this.secretsByOwner.values()].flatMap((set) => [...set]);
  }
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** `needle` in `haystack`, not inside a longer word: a secret "NA" does not match "name". */
function containsWords(haystack: string, needle: string): boolean {
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    const before = haystack[at - 1];
    const after = haystack[at + needle.length];
    const startsWord = !WORD_CHAR.test(needle[0] ?? '') || before === undefined || !WORD_CHAR.test(before);
    const endsWord =
      !WORD_CHAR.test(needle[needle.length - 1] ?? '') || after === undefined || !WORD_CHAR.test(after);
    if (startsWord && endsWord) return true;
  }
  return false;
}

const SEVERAL_WORDS = 3;
const MIN_RARE_WORD = 4;

/**
 * What of a secret is specific enough to match: the whole of it when the detector flags it, when it
 * has several words, or when one of its words is outside common English; and each rare word on its
 * own ("okonkwo" out of "Dr. Okonkwo-Reyes").
 */
function specificParts(whole: string, clinical: boolean): string[] {
  const words = whole.split(/[^\p{L}\p{N}']+/u).filter(Boolean);
  const rare = words.filter((word) => word.length >= MIN_RARE_WORD && !isCommonWord(word));
  const specific =
    clinical || words.length >= SEVERAL_WORDS || rare.length > 0 || detectClinical(whole).length > 0;
  return specific ? [whole, ...rare] : [];
}

/**
 * The form both sides are compared in: the normal form (Slack's escaping undone, look-alike and
 * invisible characters folded), line breaks folded into spaces, and one case.
 */
export function comparable(text: string): string {
  return normalize(text).replace(/\s+/g, ' ').trim().toLowerCase();
}

const storage = new AsyncLocalStorage<PrivacyScope>();

export function runInPrivacyScope<T>(scope: PrivacyScope, fn: () => T): T {
  return storage.run(scope, fn);
}

/** The scope of the request being handled, if any (jobs and start-up have none). */
export function currentPrivacyScope(): PrivacyScope | undefined {
  return storage.getStore();
}

/**
 * Redaction for anything leaving the process (logs, prompts, HR letters, exports, chat memory):
 * what the detector flags, and also whatever the request being handled knows to be someone's
 * private detail, even where the detector alone would not flag it.
 */
export function redactInScope(text: string | PrivateText): string {
  return redactClinical(text, { known: currentPrivacyScope()?.allSecrets() ?? [] }).text;
}
