declare const typedByAPerson: unique symbol;

/**
 * What a person typed in their own words: intake fields, the private note, a comment, a chat turn.
 * To the type checker it is not a string, so no view, letter, prompt or log builder (each of which
 * takes strings or an audience's projection) accepts it: handing one over is a compile error, not a
 * failed test (DESIGN.md section 2). At run time it is the string itself, so it is stored and sealed
 * like any other field.
 *
 * The only ways out of it, each named for its audience:
 * - `release.ts` turns the words the employee released after "What HR will read" into `ReleasedText`;
 * - the redactor and the model's masking (`redactTyped`, `maskForModel`) turn it into text with every
 *   health detail (and, for the model, every rare word) replaced by a placeholder;
 * - `forItsAuthor` gives it back to the person who wrote it, for their own screens only;
 * - `forInMemoryMatching` lends a chat turn's words to the assistant's own matching in this process
 *   (the start wish, the topic search), whose result is a decision or article ids, never the words.
 * `readPrivate` is for the privacy layer itself (detecting, releasing, redacting, sealing); a test
 * keeps it from being imported anywhere else.
 */
export interface PrivateText {
  readonly [typedByAPerson]: true;
}

/** Where typed input enters the app: a form field's value, a note, a chat turn. */
export function typedByPerson(text: string): PrivateText;
export function typedByPerson(text: string | undefined): PrivateText | undefined;
export function typedByPerson(text: string | undefined): PrivateText | undefined {
  return text as unknown as PrivateText | undefined;
}

/** The words themselves, for the privacy layer's own use (detect, release, redact, seal). */
export function readPrivate(text: PrivateText): string;
export function readPrivate(text: PrivateText | undefined): string | undefined;
export function readPrivate(text: PrivateText | undefined): string | undefined {
  return text as unknown as string | undefined;
}

/**
 * The words back to the person who typed them, for their own modals and DMs (What I wrote, the
 * review step, their draft). Only the employee's projection and the author's own screens call it.
 */
export function forItsAuthor(text: PrivateText): string;
export function forItsAuthor(text: PrivateText | undefined): string | undefined;
export function forItsAuthor(text: PrivateText | undefined): string | undefined {
  return text as unknown as string | undefined;
}

/**
 * The words of a chat turn for matching in this process only: the assistant's start wish, its topic
 * search over the knowledge base, and whether a placeholder the app writes was already typed. The
 * search has to see the words as typed, since redaction could hide the very word ("diagnosis") that
 * picks the right topic; what comes out of it is a decision, article ids and scores, never the
 * words, and nothing it reads is stored, logged or sent. A test keeps its callers to the assistant's
 * workflow and the drafter.
 */
export function forInMemoryMatching(text: PrivateText): string {
  return text as unknown as string;
}

/** Whether the person typed anything but spaces (a check on the words that reveals none of them). */
export function hasWords(text: PrivateText | undefined): text is PrivateText {
  return Boolean(readPrivate(text)?.trim());
}
