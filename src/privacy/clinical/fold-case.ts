/**
 * Lower case that keeps every character at its index (the few characters that grow when lower-cased,
 * like "İ", are left as they are), so a position found in the folded text is a position in the
 * original. Matching on folded text also lets the patterns run without the slower `i` flag.
 */
export function foldCase(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let folded = '';
  for (const char of text) {
    const down = char.toLowerCase();
    folded += down.length === char.length ? down : char;
  }
  return folded;
}
