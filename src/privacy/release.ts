import type { AccommodationRequest, ReleasableField } from '../domain/request.js';
import { detectAcrossFields } from './clinical/index.js';
import { forItsAuthor, hasWords, type PrivateText, readPrivate } from './private-text.js';

/**
 * Release: the one step that lets the employee's own words reach HR (DESIGN.md section 2). The
 * review shows exactly the letter HR will read; pressing Send to HR releases the words in it. Words
 * that name a health detail, and web or email addresses, cannot be released: HR does not need them
 * to approve a schedule. The detector reads every field alone and all of them together, so a
 * detail split across two fields ("… call Dr" / "Okonkwo-Reyes …") is caught too.
 */

declare const released: unique symbol;
/**
 * Text the employee released to HR after seeing exactly what HR will read. Only `releasedWords`
 * makes one; HR's builders accept no other free text.
 */
export type ReleasedText = string & { readonly [released]: true };

/**
 * The words of a field the record lists as released (the employee sent them from "What HR will
 * read", after `checkRelease` passed them): the way out of `PrivateText` towards HR.
 */
export function releasedWords(text: PrivateText): ReleasedText {
  return readPrivate(text) as ReleasedText;
}

/** The words the request letter carries, as plain text for the letter's builder. */
export type LetterWords = { readonly [K in Exclude<ReleasableField, 'declineComment'>]?: string };

/**
 * The words the letter would carry if the employee sent it now, for "What HR will read" on their
 * own review: the preview of the release, shown to its author only.
 */
export function previewRelease(source: ReleaseSource): LetterWords {
  return Object.fromEntries(
    releaseCandidates(source).map((candidate) => [candidate.field, candidate.text]),
  ) as LetterWords;
}

/** The parts of a request whose words the letter to HR carries. */
export type ReleaseSource = Pick<AccommodationRequest, 'disclosure' | 'accommodations' | 'sensitive'>;

export interface ReleaseCandidate {
  readonly field: Exclude<ReleasableField, 'declineComment'>;
  /** Read for the author's preview and for the detector; it reaches HR only once released. */
  readonly text: string;
}

/**
 * The employee's words the request letter would carry, field by field: the reason only when they
 * chose their own words, "something else" only when they ticked it. The private note is never one.
 */
export function releaseCandidates(source: ReleaseSource): ReleaseCandidate[] {
  const s = source.sensitive;
  const entries: [ReleaseCandidate['field'], PrivateText | undefined][] = [
    ['reasonOwnWords', source.disclosure.reason === 'own_words' ? s.reasonOwnWords : undefined],
    ['constraintsNote', s.constraintsNote],
    ['otherAccommodation', source.accommodations.includes('other') ? s.otherAccommodation : undefined],
    ['coveragePlan', s.coveragePlan],
    ['statementOfNeed', s.statementOfNeed],
  ];
  return entries.flatMap(([field, text]) => (hasWords(text) ? [{ field, text: forItsAuthor(text) }] : []));
}

export type ReleaseCheck =
  | { readonly ok: true; readonly fields: ReleasableField[] }
  | {
      readonly ok: false;
      /** The fields that hold what cannot be released (never the text itself). */
      readonly blocked: ReleasableField[];
      /** Whether a health detail, an address, or both, was found: the message says which. */
      readonly healthDetail: boolean;
      readonly address: boolean;
    };

/** Whether these words may be released to HR, read one by one and all together. */
export function checkRelease(candidates: readonly ReleaseCandidate[]): ReleaseCheck {
  const spans = detectAcrossFields(
    candidates.map((c) => c.text),
    { addresses: true },
  );
  const blocked = candidates.filter((_, k) => (spans[k]?.length ?? 0) > 0).map((c) => c.field);
  if (blocked.length === 0) return { ok: true, fields: candidates.map((c) => c.field) };
  const categories = spans.flat().map((span) => span.category);
  return {
    ok: false,
    blocked,
    healthDetail: categories.some((category) => category !== 'contact'),
    address: categories.includes('contact'),
  };
}

/** Each field in the words of the form the employee filled it in. */
const fieldWords: Readonly<Record<ReleasableField, string>> = {
  reasonOwnWords: 'the reason in your own words (step 4)',
  constraintsNote: 'what you told HR about your work (step 2)',
  otherAccommodation: 'what else would help (step 3)',
  coveragePlan: 'how your work would be covered',
  statementOfNeed: 'the opening of your letter (Edit wording)',
  declineComment: 'your comment',
};

/** The kind, inline explanation the review shows when its words cannot be released. */
export function releaseRefusal(check: Extract<ReleaseCheck, { ok: false }>): string {
  const parts = check.blocked.map((field) => fieldWords[field]);
  const what = [
    ...(check.healthDetail ? ['a health detail'] : []),
    ...(check.address ? ['a web or email address'] : []),
  ].join(' and ');
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0];
  return (
    `This can’t go to HR as it is: ${list} ${parts.length > 1 ? 'mention' : 'mentions'} ${what}. ` +
    'HR doesn’t need that to approve a schedule, so nothing has been sent. ' +
    'Please change the wording with *Edit wording* or the *Change* buttons below. ' +
    'If HR asks for confirmation of your needs, your provider can send it to HR directly on the provider form.'
  );
}

/**
 * The note for the team, as the manager would read it beside the approved hours. It goes only with
 * the employee's consent to tell the manager, and only if it names no health detail and holds no
 * address: the same rule as for HR, since a manager needs it even less. `none`: nothing to send.
 */
export function checkTeamNote(
  source: Pick<ReleaseSource, 'disclosure' | 'sensitive'>,
): 'none' | 'ok' | { readonly healthDetail: boolean; readonly address: boolean } {
  const note = source.sensitive.teamNote;
  if (!hasWords(note) || !source.disclosure.shareScheduleWithManager) return 'none';
  const [spans = []] = detectAcrossFields([readPrivate(note)], { addresses: true });
  if (spans.length === 0) return 'ok';
  return {
    healthDetail: spans.some((span) => span.category !== 'contact'),
    address: spans.some((span) => span.category === 'contact'),
  };
}

declare const releasedToManager: unique symbol;
/**
 * The employee's note for the team, which they saw under "what your manager reads" and sent, and
 * in which `checkTeamNote` found no health detail. Only `teamNoteForManager` makes one.
 */
export type TeamNoteText = string & { readonly [releasedToManager]: true };

/** The way out of `PrivateText` towards the manager: the note the record lists as released to them. */
export function teamNoteForManager(text: PrivateText): TeamNoteText {
  return readPrivate(text) as TeamNoteText;
}

/** The review's inline explanation when the note for the team cannot go to the manager. */
export function teamNoteRefusal(check: {
  readonly healthDetail: boolean;
  readonly address: boolean;
}): string {
  const what = [
    ...(check.healthDetail ? ['a health detail'] : []),
    ...(check.address ? ['a web or email address'] : []),
  ].join(' and ');
  return (
    `Your note for the team can’t go to your manager as it is: it mentions ${what}. ` +
    'Your manager only needs to know how the work is covered, so nothing has been sent. ' +
    'Please change the note with *Change what’s shared*, or leave it empty.'
  );
}
