/** One curated answer from prompts/faq.md, used when the writing assistant cannot be reached. */
export interface FaqEntry {
  id: string;
  keywords: string[];
  suggestsStartingRequest: boolean;
  answer: string;
}

export const DEFAULT_FAQ_ID = 'default';

/**
 * Parses the FAQ file: `## id`, then `keywords:` and `start:` lines, then the answer. Anything
 * before the first heading is a note for editors. Throws naming the entry when one is incomplete.
 */
export function parseFaq(markdown: string): FaqEntry[] {
  const sections = markdown.split(/^## /m).slice(1);
  const entries = sections.map((section): FaqEntry => {
    const [heading = '', ...lines] = section.split('\n');
    const id = heading.trim();
    const keywordLine = lines.find((line) => line.startsWith('keywords:'));
    const startLine = lines.find((line) => line.startsWith('start:'));
    const answer = lines
      .filter((line) => line !== keywordLine && line !== startLine)
      .join('\n')
      .trim();
    if (!id || keywordLine === undefined || startLine === undefined || !answer) {
      throw new Error(
        `faq.md entry "${id || '(no id)'}" needs a keywords: line, a start: line and an answer.`,
      );
    }
    return {
      id,
      keywords: keywordLine
        .slice('keywords:'.length)
        .split(',')
        .map((keyword) => normalise(keyword))
        .filter(Boolean),
      suggestsStartingRequest: startLine.slice('start:'.length).trim() === 'yes',
      answer,
    };
  });
  if (!entries.some((entry) => entry.id === DEFAULT_FAQ_ID)) {
    throw new Error(`faq.md needs an entry with id "${DEFAULT_FAQ_ID}" for questions nothing else matches.`);
  }
  return entries;
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * The entry whose keywords cover most of the question. A phrase scores its word count, so "leave
 * early" outweighs "leave"; ties go to the entry listed first; nothing matched gives the default.
 */
export function matchFaq(entries: FaqEntry[], question: string): FaqEntry {
  const padded = ` ${normalise(question)} `;
  let best: FaqEntry | undefined;
  let bestScore = 0;
  for (const entry of entries) {
    let score = 0;
    for (const keyword of entry.keywords) {
      if (padded.includes(` ${keyword} `)) score += keyword.split(' ').length;
    }
    if (score > bestScore) {
      best = entry;
      bestScore = score;
    }
  }
  const fallback = entries.find((entry) => entry.id === DEFAULT_FAQ_ID);
  // parseFaq guarantees the default exists; the guard keeps the types honest.
  if (!best && !fallback) throw new Error('The FAQ has no default entry.');
  return (best ?? fallback) as FaqEntry;
}
