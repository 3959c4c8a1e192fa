import { expect, it } from 'vitest';
import { isClinical } from '../../../src/privacy/clinical/index.js';
import { loadCorpus, score } from './corpus.js';

it('finds at least 97% of clinical sentences with at most 3% false alarms on the labelled corpus', () => {
  const corpus = loadCorpus();
  expect(corpus.length).toBeGreaterThanOrEqual(300);
  const figures = score(corpus, isClinical);
  process.stdout.write(
    `clinical corpus: recall ${figures.recall.toFixed(4)}, false-positive rate ${(figures.falsePositiveRate * 100).toFixed(2)}% ` +
      `(${figures.positives} clinical, ${figures.negatives} not)\n`,
  );
  expect(
    figures.recall,
    `missed: ${figures.missed.map((entry) => entry.text).join(' | ')}`,
  ).toBeGreaterThanOrEqual(0.97);
  expect(
    figures.falsePositiveRate,
    `false alarms: ${figures.falseAlarms.map((entry) => entry.text).join(' | ')}`,
  ).toBeLessThanOrEqual(0.03);
});
