/**
 * Lengths of free text that ends up in a letter, shared by the intake and the letters, so that
 * whatever a form accepts always fits the letter it goes into (issue 9: a note the intake took at
 * 500 characters broke a letter that holds 300).
 */
export const textLimits = {
  /** One line of a letter: a reason statement, a note about the work, "something else". */
  line: 300,
  /** One paragraph of a letter: the statement of need. */
  paragraph: 2000,
} as const;

/** Characters as a person counts them: an emoji or an accented letter is one. */
export function characterCount(text: string): number {
  return [...text].length;
}
