import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface CorpusEntry {
  line: number;
  clinical: boolean;
  category: string | undefined;
  text: string;
}

/** The labelled corpus: `label<TAB>category<TAB>sentence` lines, `#` for comments. */
export function loadCorpus(name = 'clinical-corpus.tsv'): CorpusEntry[] {
  const path = fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url));
  const entries: CorpusEntry[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((raw, index) => {
      if (raw.trim() === '' || raw.startsWith('#')) return;
      const [label, category, text] = raw.split('\t');
      if ((label !== '0' && label !== '1') || text === undefined) {
        throw new Error(`${name} line ${index + 1}: expected "label<TAB>category<TAB>sentence"`);
      }
      entries.push({
        line: index + 1,
        clinical: label === '1',
        category: category === '-' ? undefined : category,
        text,
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

export function score(entries: readonly CorpusEntry[], isClinical: (text: string) => boolean): Figures {
  const missed: CorpusEntry[] = [];
  const falseAlarms: CorpusEntry[] = [];
  let positives = 0;
  let negatives = 0;
  for (const entry of entries) {
    const flagged = isClinical(entry.text);
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
    recall: (positives - missed.length) / positives,
    falsePositiveRate: falseAlarms.length / negatives,
    missed,
    falseAlarms,
  };
}
