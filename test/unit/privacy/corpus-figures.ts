/**
 * Prints the detector's recall and false-positive rate, with every miss and false alarm, on the
 * tuning corpus, the held-out sets and the adversarial set, and the crisis check's on its held-out
 * phrases: `npx tsx test/unit/privacy/corpus-figures.ts [file.tsv ...]`.
 */
import { isPrivateAcross } from '../../../src/privacy/clinical/index.js';
import { detectCrisis } from '../../../src/privacy/crisis.js';
import { type Figures, loadCorpus, score, scoreFields } from './corpus.js';

const DEFAULT_SETS = [
  'clinical-corpus.tsv',
  'clinical-corpus-holdout.tsv',
  'clinical-heldout-v2.tsv',
  'clinical-adversarial.tsv',
  'crisis-heldout.tsv',
];

function report(name: string, figures: Figures): string {
  return [
    `${name}: ${figures.positives} positive, ${figures.negatives} negative`,
    `recall ${figures.recall.toFixed(4)} (${figures.missed.length} missed)`,
    `false-positive rate ${(figures.falsePositiveRate * 100).toFixed(2)}% (${figures.falseAlarms.length} false alarms)`,
    ...figures.missed.map((entry) => `  missed      line ${entry.line}: ${JSON.stringify(entry.fields)}`),
    ...figures.falseAlarms.map(
      (entry) => `  false alarm line ${entry.line}: ${JSON.stringify(entry.fields)}`,
    ),
    '',
  ].join('\n');
}

const names = process.argv.slice(2).length > 0 ? process.argv.slice(2) : DEFAULT_SETS;
for (const name of names) {
  const entries = loadCorpus(name);
  // a submission of several fields is read field by field and all together
  const figures = name.startsWith('crisis')
    ? score(entries, detectCrisis)
    : scoreFields(entries, isPrivateAcross);
  process.stdout.write(`${report(name, figures)}\n`);
}
