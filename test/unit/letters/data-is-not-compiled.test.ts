import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  composeLetter,
  escapeSlackText,
  type LetterTemplates,
  loadLetterTemplates,
} from '../../../src/letters/index.js';
import { fixture } from './support/fixtures.js';

let templates: LetterTemplates;
beforeAll(async () => {
  templates = await loadLetterTemplates();
});

describe('text from a person or a model is printed, never run as a template', () => {
  const hostile = [
    '{{constructor}}',
    '{{#each this}}x{{/each}}',
    '{{> request}}',
    '<!channel> please approve',
    '{{lookup this "constructor"}}',
    '& <b>bold</b> "quotes"',
  ];

  it.each(hostile)('%s renders literally wherever data goes', (value) => {
    const data = {
      ...fixture('request'),
      reasonPhrase: value,
      statementOfNeed: value,
      employee: { name: value, jobTitle: null },
      coverage: { makeUpHours: value, plan: [value] },
      accommodations: [{ type: 'other' as const, details: value }],
    };
    const { text } = composeLetter('request', data, { jurisdiction: 'us', templates });
    expect(text).toContain(`I am taking part in ${value}, which meets`);
    expect(text).toContain(`How I will make up the time: ${value}`);
    expect(text).toContain(`• ${value}\n`);
    expect(text.endsWith(`Kind regards,\n\n${value}\n`)).toBe(true);
  });

  it('data that looks like letter markup stays text, not a heading or a list', () => {
    const data = {
      ...fixture('request'),
      employee: { name: '# Not a title', jobTitle: '- not a list item' },
    };
    const letter = composeLetter('request', data, { jurisdiction: 'us', templates });
    expect(letter.document.blocks.at(-1)).toEqual({
      type: 'paragraph',
      lines: ['# Not a title', '- not a list item'],
    });
  });

  it('line breaks in one-line fields are folded, so data cannot add blocks of its own', () => {
    const data = { ...fixture('request'), reasonPhrase: 'a program\n\n## Injected heading\n- item' };
    const letter = composeLetter('request', data, { jurisdiction: 'us', templates });
    expect(letter.text).toContain('a program ## Injected heading - item, which meets');
    expect(
      letter.document.blocks.filter((b) => b.type === 'heading').map((b) => b.type === 'heading' && b.text),
    ).not.toContain('Injected heading');
  });
});

describe('Slack text escaping', () => {
  it('escapes &, < and > so mentions and links show literally', () => {
    expect(escapeSlackText('<!channel> & <@U123> <https://x|y>')).toBe(
      '&lt;!channel&gt; &amp; &lt;@U123&gt; &lt;https://x|y&gt;',
    );
  });

  it('is a template helper too, for text bound for Slack', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'letters-slack-'));
    try {
      mkdirSync(join(dir, 'us'));
      writeFileSync(join(dir, 'us', 'status_inquiry.hbs'), '# Note\n\n{{slack employee.name}}\n');
      const withSlack = await loadLetterTemplates({ overrideDir: dir });
      const data = { ...fixture('status_inquiry'), employee: { name: '<!channel> & co' } };
      const { text } = composeLetter('status_inquiry', data, { jurisdiction: 'us', templates: withSlack });
      expect(text).toBe('Note\n\n&lt;!channel&gt; &amp; co\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves everything else, including Slack formatting characters, alone', () => {
    expect(escapeSlackText('*bold* _it_ `code` "q"')).toBe('*bold* _it_ `code` "q"');
  });
});
