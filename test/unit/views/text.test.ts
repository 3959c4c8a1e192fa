import { describe, expect, it } from 'vitest';
import { clip, dateRange, shortDate, splitText } from '../../../src/slack/views/text.js';

describe('splitText', () => {
  it('keeps short text whole and drops surrounding blank space', () => {
    expect(splitText('  Dear HR,\n\nThank you.  ')).toEqual(['Dear HR,\n\nThank you.']);
    expect(splitText('   ')).toEqual([]);
  });

  it('breaks between paragraphs first', () => {
    expect(splitText(`${'a'.repeat(8)}\n\n${'b'.repeat(8)}`, 12)).toEqual(['a'.repeat(8), 'b'.repeat(8)]);
  });

  it('breaks between words when a paragraph is too long', () => {
    expect(splitText('one two three four', 9)).toEqual(['one two', 'three', 'four']);
  });

  it('never splits an emoji in half', () => {
    const pieces = splitText('🙂'.repeat(5), 3);
    for (const piece of pieces) expect(piece).not.toMatch(/[\uD800-\uDBFF]$|^[\uDC00-\uDFFF]/);
    expect(pieces.join('')).toBe('🙂'.repeat(5));
  });
});

describe('short dates', () => {
  it('reads dates and ranges the way people write them', () => {
    expect(shortDate('2026-03-02')).toBe('Mar 2, 2026');
    expect(shortDate('2026-12-31T23:00:00.000Z')).toBe('Dec 31, 2026');
    expect(dateRange('2026-03-02', '2026-05-10')).toBe('Mar 2 – May 10, 2026');
    expect(dateRange('2026-11-30', '2027-02-07')).toBe('Nov 30, 2026 – Feb 7, 2027');
  });

  it('clips with an ellipsis only when needed', () => {
    expect(clip('short', 10)).toBe('short');
    expect(clip('a longer sentence', 8)).toBe('a longe…');
  });
});
