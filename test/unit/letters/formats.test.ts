import { beforeAll, describe, expect, it } from 'vitest';
import {
  type LetterTemplates,
  letterKinds,
  loadLetterTemplates,
  renderLetter,
} from '../../../src/letters/index.js';
import { fixture } from './support/fixtures.js';
import { extractPdfText } from './support/pdf-text.js';
import { readZipEntry } from './support/zip.js';

let templates: LetterTemplates;
beforeAll(async () => {
  templates = await loadLetterTemplates();
});

/** Layout differs by format; the words, in order, must not. */
const words = (text: string) => text.replace(/\s+/g, '');

describe('one letter, three formats, the same words', { timeout: 60_000 }, () => {
  it.each(letterKinds)('the %s PDF holds exactly the text of the plain-text letter', async (kind) => {
    const pdf = await renderLetter(kind, fixture(kind), { jurisdiction: 'us', format: 'pdf', templates });
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    // Around the letter: the letterhead and recipient before it, a footer on each page.
    const body = (await extractPdfText(pdf.bytes)).replace(/ACC-\S+ · page \d+ of \d+ · confidential/g, '');
    expect(words(body)).toContain(words(pdf.text));
    expect(words(body).indexOf(words(pdf.document.title))).toBeGreaterThan(0);
  });

  it('a UK letter prints on A4 and a US letter on Letter paper', async () => {
    const uk = await renderLetter('approval', fixture('approval', 'uk'), {
      jurisdiction: 'uk',
      format: 'pdf',
      templates,
    });
    const us = await renderLetter('approval', fixture('approval'), {
      jurisdiction: 'us',
      format: 'pdf',
      templates,
    });
    expect(uk.bytes.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    expect(us.bytes.toString('latin1')).toMatch(/\/MediaBox \[0 0 612 792\]/);
  });

  it('a DOCX is a valid zip whose document holds every paragraph of the letter', async () => {
    const docx = await renderLetter('request', fixture('request'), {
      jurisdiction: 'us',
      format: 'docx',
      templates,
    });
    expect(docx.mediaType).toContain('wordprocessingml');
    const xml = readZipEntry(docx.bytes, 'word/document.xml')?.toString('utf8');
    expect(xml).toBeDefined();
    const docText = (xml ?? '')
      .replace(/<w:br\/>/g, '\n')
      .replace(/<\/w:p>/g, '\n')
      .replace(/<[^>]+>/g, '')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
    for (const block of docx.document.blocks) {
      const texts =
        block.type === 'heading' ? [block.text] : block.type === 'list' ? block.items : block.lines;
      for (const text of texts) expect(docText).toContain(text);
    }
    expect(docText).toContain(docx.document.title);
  });

  it('text is UTF-8 bytes of the same preview', async () => {
    const txt = await renderLetter('status_inquiry', fixture('status_inquiry'), {
      jurisdiction: 'ca',
      format: 'txt',
      templates,
    });
    expect(txt.bytes.toString('utf8')).toBe(txt.text);
  });

  it('a name beyond Latin-1 prints as written, not reduced to its base letters', async () => {
    const data = { ...fixture('approval'), employee: { name: 'Łucja Nováková' } };
    const pdf = await renderLetter('approval', data, { jurisdiction: 'us', format: 'pdf', templates });
    expect(await extractPdfText(pdf.bytes)).toContain('Dear Łucja Nováková,');
    expect(pdf.text).toContain('Dear Łucja Nováková,');
  });
});
