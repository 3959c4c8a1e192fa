import { AsyncLocalStorage } from 'node:async_hooks';
import { detectClinical, redactClinical } from './clinical/index.js';
import { normalize } from './normal-form.js';

/**
 * What the process must not let out while it handles one incoming Slack request: the exact health
 * details of the people whose data it touched, keyed by whose they are. Filled by the middleware
 * (from what the person typed) and by the store (from the records it reads); read by the outbound
 * guard and the logger. It lives only for that request, in memory.
 */
export class PrivacyScope {
  private readonly secretsByOwner = new Map<string, Set<string>>();

  constructor(readonly actingUserId: string | undefined) {}

  /** Registers the clinical spans of `text` (detector hits) as `ownerId`'s secrets. */
  rememberClinicalIn(ownerId: string, text: string | undefined): void {
    if (!text) return;
    for (const span of detectClinical(text)) this.rememberExact(ownerId, text.slice(span.start, span.end));
  }

  /** Registers a whole value as secret: fields the employee marked private. */
  rememberExact(ownerId: string, value: string | undefined): void {
    const trimmed = comparable(value ?? '');
    // Very short strings would match everywhere and say nothing; the detector covers real terms.
    if (trimmed.length < 3) return;
    let owned = this.secretsByOwner.get(ownerId);
    if (!owned) {
      owned = new Set();
      this.secretsByOwner.set(ownerId, owned);
    }
    owned.add(trimmed);
  }

  /**
   * Owners whose secrets occur in `text` (case-insensitive). `ignore` skips secrets that are fine to
   * send (the app's own wording), while secrets that merely contain such wording still count.
   */
  ownersFoundIn(text: string, ignore: (secret: string) => boolean = () => false): string[] {
    const haystack = comparable(text);
    const owners: string[] = [];
    for (const [owner, secrets] of this.secretsByOwner) {
      for (const secret of secrets) {
        if (haystack.includes(secret) && !ignore(secret)) {
          owners.push(owner);
          break;
        }
      }
    }
    return owners;
  }

  allSecrets(): string[] {
    return [...this.secretsByOwner.values()].flatMap((set) => [...set]);
  }
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
export function redactInScope(text: string): string {
  return redactClinical(text, { known: currentPrivacyScope()?.allSecrets() ?? [] }).text;
}
