import { expect, it } from 'vitest';
import { isPrivateAcross } from '../../../src/privacy/clinical/index.js';
import { detectCrisis } from '../../../src/privacy/crisis.js';
import { type Figures, loadCorpus, score, scoreFields } from './corpus.js';

function describeFigures(name: string, figures: Figures): string {
  return (
    `${name}: recall ${figures.recall.toFixed(4)}, false-positive rate ${(figures.falsePositiveRate * 100).toFixed(2)}% ` +
    `(${figures.positives} positive, ${figures.negatives} negative)\n`
  );
}

function expectFigures(figures: Figures, minRecall: number, maxFalsePositives: number): void {
  expect(
    figures.recall,
    `missed: ${figures.missed.map((entry) => entry.text).join(' | ')}`,
  ).toBeGreaterThanOrEqual(minRecall);
  expect(
    figures.falsePositiveRate,
    `false alarms: ${figures.falseAlarms.map((entry) => entry.text).join(' | ')}`,
  ).toBeLessThanOrEqual(maxFalsePositives);
}

// The tuned corpus: the detector was built against it.
it('finds at least 97% of clinical sentences with at most 3% false alarms on the tuned corpus', () => {
  const corpus = loadCorpus();
  expect(corpus.length).toBeGreaterThanOrEqual(300);
  const figures = scoreFields(corpus, isPrivateAcross);
  process.stdout.write(describeFigures('clinical corpus (tuned)', figures));
  expectFigures(figures, 0.97, 0.03);
});

// Written before the rework of issue 11 and never tuned on: a gate against regressions, not a target.
it('holds recall >= 0.97 and false alarms <= 3% on the held-out set v2', () => {
  const corpus = loadCorpus('clinical-heldout-v2.tsv');
  expect(corpus.length).toBeGreaterThanOrEqual(200);
  const figures = scoreFields(corpus, isPrivateAcross);
  process.stdout.write(describeFigures('held-out v2', figures));
  expectFigures(figures, 0.97, 0.03);
});

it('sees through the disguises of the adversarial set, fields read together', () => {
  const figures = scoreFields(loadCorpus('clinical-adversarial.tsv'), isPrivateAcross);
  process.stdout.write(describeFigures('adversarial', figures));
  expectFigures(figures, 0.95, 0.03);
});

it('notices held-out crisis phrases in English and Spanish and leaves work idioms alone', () => {
  const figures = score(loadCorpus('crisis-heldout.tsv'), detectCrisis);
  process.stdout.write(describeFigures('crisis held-out', figures));
  expectFigures(figures, 0.95, 0.0);
});
