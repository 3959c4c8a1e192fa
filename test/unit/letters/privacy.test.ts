import { beforeAll, describe, expect, it } from 'vitest';
import { jurisdictions } from '../../../src/domain/request.js';
import {
  composeLetter,
  type LetterTemplates,
  letterKinds,
  loadLetterTemplates,
} from '../../../src/letters/index.js';
import { detectClinical } from '../../../src/privacy/clinical/index.js';
import { fixture } from './support/fixtures.js';

let templates: LetterTemplates;
beforeAll(async () => {
  templates = await loadLetterTemplates();
});

/** Words no default letter may hold, checked on their own so the promise does not rest on one detector. */
const clinicalWords =
  /\b(IOP|intensive outpatient|rehab\w*|detox\w*|therap\w*|counsell?\w*|psychiatr\w*|addict\w*|alcohol\w*|substance|drug\w*|sobriety|recovery|relapse|AA|NA|depress\w*|anxiety|diagnos(is|ed) (of|with)|prescri\w*)\b/i;

describe('letters carry no clinical detail unless the employee chose to write it', () => {
  it.each(jurisdictions)(
    '%s: the request letter at the default disclosure has no detector hits',
    (jurisdiction) => {
      const { reasonStatement: _chosen, ...data } = fixture('request', jurisdiction);
      const { text } = composeLetter('request', data, { jurisdiction, templates });
      expect(text).toContain('a scheduled outpatient medical treatment program');
      expect(detectClinical(text)).toEqual([]);
      expect(text).not.toMatch(clinicalWords);
    },
  );

  it.each(jurisdictions)(
    '%s: every kind, written from work facts only, has no detector hits',
    (jurisdiction) => {
      for (const kind of letterKinds) {
        const { text } = composeLetter(kind, fixture(kind, jurisdiction), { jurisdiction, templates });
        expect({ kind, hits: detectClinical(text) }).toEqual({ kind, hits: [] });
      }
    },
  );

  it('the checks above would notice: words the employee chose do reach their letter, and are detected', () => {
    const data = { ...fixture('request'), reasonStatement: 'an IOP for alcohol use disorder' };
    const { text } = composeLetter('request', data, { jurisdiction: 'us', templates });
    expect(detectClinical(text).length).toBeGreaterThan(0);
    expect(text).toMatch(clinicalWords);
  });
});
