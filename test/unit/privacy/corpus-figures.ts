/**
 * Prints the detector's recall and false-positive rate on the labelled corpus, with every miss and
 * false alarm, for the tuning corpus and the held-out one: `npx tsx test/unit/privacy/corpus-figures.ts`.
 */
import { isClinical } from '../../../src/privacy/clinical/index.js';
import { loadCorpus, score } from './corpus.js';

for (const name of process.argv.slice(2).length > 0
  ? process.argv.slice(2)
  : ['clinical-corpus.tsv', 'clinical-corpus-holdout.tsv']) {
  const figures = score(loadCorpus(name), isClinical);
  const out: string[] = [
    `${name}: ${figures.positives} clinical, ${figures.negatives} not clinical`,
    `recall ${figures.recall.toFixed(4)} (${figures.missed.length} missed)`,
    `false-positive rate ${(figures.falsePositiveRate * 100).toFixed(2)}% (${figures.falseAlarms.length} false alarms)`,
    ...figures.missed.map((entry) => `  missed      line ${entry.line}: ${entry.text}`),
    ...figures.falseAlarms.map((entry) => `  false alarm line ${entry.line}: ${entry.text}`),
    '',
  ];
  process.stdout.write(out.join('\n'));
}
