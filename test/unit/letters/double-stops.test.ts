import { describe, expect, it } from 'vitest';
import { composeLetter, loadLetterTemplates } from '../../../src/letters/index.js';
import { fixture } from './support/fixtures.js';

const templates = await loadLetterTemplates();

describe('a time that ends a sentence keeps one full stop', () => {
  it('Canada: "11:00 a.m." at the end of a point is not printed "a.m.."', () => {
    const data = {
      ...fixture('alternative_offer', 'ca'),
      offer: {
        summary: 'Working from home after 2:00 p.m..',
        details: ['The client call moves to 11:00 a.m..'],
      },
    };
    const { text } = composeLetter('alternative_offer', data, { jurisdiction: 'ca', templates });
    expect(text).toContain('after 2:00 p.m.\n');
    expect(text).toContain('moves to 11:00 a.m.\n');
    expect(text).not.toMatch(/m\.\./);
  });

  it('an ellipsis stays three stops', () => {
    const data = {
      ...fixture('alternative_offer', 'ca'),
      requested: 'an earlier finish... or a later start',
    };
    const { text } = composeLetter('alternative_offer', data, { jurisdiction: 'ca', templates });
    expect(text).toContain('an earlier finish... or a later start');
  });

  it.each(['us', 'uk', 'ca'] as const)('%s: no golden letter has a doubled full stop', (jurisdiction) => {
    for (const kind of ['request', 'approval', 'alternative_offer'] as const) {
      const { text } = composeLetter(kind, fixture(kind, jurisdiction), { jurisdiction, templates });
      expect(text).not.toMatch(/[^.]\.\.(?!\.)/);
    }
  });
});
