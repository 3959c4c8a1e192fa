import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface CorpusEntry {
  line: number;
  clinical: boolean;
  category: string | undefined;
  /** The fields of one submission; most entries have one. */
  fields: string[];
  /** The fields joined by a line break, for reports. */
  text: string;
}

// Invisible characters are written `\u{200B}` in the fixtures so a reviewer can see them.
function withInvisibles(text: string): string {
  return text.replace(/\\u\{([0-9a-fA-F]{1,6})\}/g, (_, hex: string) =>
    String.fromCodePoint(Number.parseInt(hex, 16)),
  );
}

/**
 * A labelled corpus: `label<TAB>category<TAB>sentence` lines, `#` for comments. More columns after
 * the sentence are further fields of the same submission (a detail split across two fields).
 */
export function loadCorpus(name = 'clinical-corpus.tsv'): CorpusEntry[] {
  const path = fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url));
  const entries: CorpusEntry[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((raw, index) => {
      if (raw.trim() === '' || raw.startsWith('#')) return;
      const [label, category, ...rest] = raw.split('\t');
      if ((label !== '0' && label !== '1') || rest.length === 0) {
        throw new Error(`${name} line ${index + 1}: expected "label<TAB>category<TAB>sentence"`);
      }
      const fields = rest.map(withInvisibles);
      entries.push({
        line: index + 1,
        clinical: label === '1',
        category: category === '-' ? undefined : category,
        fields,
        text: fields.join('\n'),
      });
    });
  return entries;
}

export interface Figures {
  positives: number;
  negatives: number;
  recall: number;
  falsePositiveRate: number;
  missed: CorpusEntry[];
  falseAlarms: CorpusEntry[];
}

/** Scores a detector that sees a whole submission: its fields, in order. */
export function scoreFields(
  entries: readonly CorpusEntry[],
  flags: (fields: readonly string[]) => boolean,
): Figures {
  const missed: CorpusEntry[] = [];
  const falseAlarms: CorpusEntry[] = [];
  let positives = 0;
  let negatives = 0;
  for (const entry of entries) {
    const flagged = flags(entry.fields);
    if (entry.clinical) {
      positives++;
      if (!flagged) missed.push(entry);
    } else {
      negatives++;
      if (flagged) falseAlarms.push(entry);
    }
  }
  return {
    positives,
    negatives,
    recall: positives === 0 ? 1 : (positives - missed.length) / positives,
    falsePositiveRate: negatives === 0 ? 0 : falseAlarms.length / negatives,
    missed,
    falseAlarms,
  };
}

/** Scores a detector of single texts; a submission of several fields is flagged when any field is. */
export function score(entries: readonly CorpusEntry[], isClinical: (text: string) => boolean): Figures {
  return scoreFields(entries, (fields) => fields.some(isClinical));
}
