import { readFileSync } from 'node:fs';
import { isLetterKind, loadLetterTemplates, renderLetter } from '../../src/letters/index.js';
import { percentile } from './stats.js';

/**
 * Letter render time: every US example letter (test/fixtures/letters/us) rendered as text in
 * turn, after a warm-up, timed one by one.
 */
export async function measureLetterRender(
  iterations: number,
): Promise<{ p50: number; p99: number; n: number }> {
  const templates = await loadLetterTemplates();
  const dir = new URL('../../test/fixtures/letters/us/', import.meta.url);
  const kinds = [
    'request',
    'hr_acknowledgment',
    'approval',
    'denial',
    'alternative_offer',
    'documentation_request',
    'provider_verification',
    'status_inquiry',
    'extension_request',
  ].filter(isLetterKind);
  const data = kinds.map((kind) => ({
    kind,
    data: JSON.parse(readFileSync(new URL(`${kind}.json`, dir), 'utf8')) as never,
  }));
  const times: number[] = [];
  for (let i = 0; i < iterations + 50; i += 1) {
    const letter = data[i % data.length];
    if (!letter) continue;
    const started = performance.now();
    await renderLetter(letter.kind, letter.data, { jurisdiction: 'us', format: 'txt', templates });
    if (i >= 50) times.push(performance.now() - started);
  }
  return { p50: percentile(times, 50), p99: percentile(times, 99), n: times.length };
}
