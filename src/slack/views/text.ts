/**
 * Text shaping for Block Kit: long text split to fit a block, dates in short form. Pure.
 */

/**
 * Splits `text` into pieces of at most `max` UTF-16 units (which also keeps them within Slack's
 * character count), breaking between paragraphs, then lines, then words, and only as a last
 * resort inside a word (never inside a surrogate pair).
 */
export function splitText(text: string, max = 3000): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    let cut = window.lastIndexOf('\n\n', max);
    if (cut <= 0) cut = window.lastIndexOf('\n', max);
    if (cut <= 0) cut = window.lastIndexOf(' ', max);
    if (cut <= 0) cut = isLowSurrogate(rest.charCodeAt(max)) ? max - 1 : max;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Cuts text to `max` characters with an ellipsis, for places with a hard limit. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Mar 2, 2026" from `2026-03-02` (or from a full ISO timestamp, using its date). */
export function shortDate(iso: string): string {
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  return `${months[month - 1] ?? '?'} ${day}, ${year}`;
}

/** "Mar 2 – May 10, 2026", or with both years when they differ. */
export function dateRange(startIso: string, endIso: string): string {
  if (startIso.slice(0, 4) === endIso.slice(0, 4)) {
    return `${shortDate(startIso).replace(/, \d{4}$/, '')} – ${shortDate(endIso)}`;
  }
  return `${shortDate(startIso)} – ${shortDate(endIso)}`;
}
