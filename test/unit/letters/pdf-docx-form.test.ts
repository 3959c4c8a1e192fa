import { describe, expect, it } from 'vitest';
import { loadLetterTemplates, renderLetter } from '../../../src/letters/index.js';
import { fixture } from './support/fixtures.js';
import { extractPdfText } from './support/pdf-text.js';
import { readZipEntry } from './support/zip.js';

/** Issue 13, form: what a PDF or DOCX letter looks like in an HR file. */

const templates = await loadLetterTemplates();

const request = (patch: object = {}) => ({
  ...fixture('request'),
  org: { ...fixture('request').org, address: ['1 Harbour Street', 'Boston, MA 02110'] },
  ...patch,
});
const pdfOf = (
  data: object,
  jurisdiction: 'us' | 'uk' | 'ca' = 'us',
  kind: 'request' | 'approval' = 'request',
) => renderLetter(kind, data as never, { jurisdiction, format: 'pdf', templates });
const docxXml = async (jurisdiction: 'us' | 'uk' | 'ca', part = 'word/document.xml') => {
  const docx = await renderLetter('request', { ...request(), ...fixture('request', jurisdiction) } as never, {
    jurisdiction,
    format: 'docx',
    templates,
  });
  return readZipEntry(docx.bytes, part)?.toString('utf8') ?? '';
};

describe('PDF', () => {
  it('prints names as written, in any script the fonts carry: "Zoë Nguyễn", "Łukasz", "王芳"', async () => {
    const pdf = await pdfOf(
      request({
        employee: { name: 'Zoë Nguyễn' },
        hr: { name: '王芳', jobTitle: 'HR Partner for Łukasz’s team' },
      }),
    );
    const text = await extractPdfText(pdf.bytes);
    expect(text).toContain('Zoë Nguyễn');
    expect(text).toContain('王芳');
    expect(text).toContain('Łukasz');
  }, 60_000);

  it('never changes a name silently: a character no font has stops the PDF, naming it', async () => {
    await expect(pdfOf(request({ employee: { name: 'Sam 🙂 Rivera' } }))).rejects.toThrow(/U\+1F642/);
  });

  it('has a letterhead, "Private and confidential", the recipient, and a footer with the reference and page X of Y', async () => {
    const pdf = await pdfOf(request());
    const text = await extractPdfText(pdf.bytes);
    expect(text.indexOf('Northwind Analytics')).toBeLessThan(text.indexOf('Private and confidential'));
    expect(text).toContain('1 Harbour Street');
    expect(text).toMatch(/Private and confidential\s+Jordan Lee\s+HR Business Partner/);
    const pages = (text.match(/ACC-2026-0042 · page \d of (\d) · confidential/g) ?? []).length;
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain(`ACC-2026-0042 · page ${pages} of ${pages} · confidential`);
  });

  it('is a tagged PDF with its language and a real creation date', async () => {
    const before = new Date();
    const pdf = await pdfOf(fixture('approval', 'uk'), 'uk', 'approval');
    const raw = pdf.bytes.toString('latin1');
    expect(raw).toContain('/StructTreeRoot');
    expect(raw).toMatch(/\/MarkInfo \d+ 0 R/);
    expect(raw).toMatch(/\/Marked true/);
    expect(raw).toContain('/Lang (en-GB)');
    const created = /\(D:(\d{4})(\d{2})(\d{2})/.exec(raw);
    expect(Number(created?.[1])).toBe(before.getUTCFullYear());
  });

  it('keeps a closing with the name under it, on the same page', async () => {
    const text = await extractPdfText((await pdfOf(request())).bytes);
    expect(text).toMatch(/Kind regards,\s+Sam Rivera/);
  });
});

describe('DOCX', () => {
  it('Letter paper for the US and Canada, A4 for the UK', async () => {
    expect(await docxXml('us')).toMatch(/<w:pgSz w:w="12240" w:h="15840"/);
    expect(await docxXml('ca')).toMatch(/<w:pgSz w:w="12240" w:h="15840"/);
    expect(await docxXml('uk')).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  });

  it('has the letterhead and confidential footer with page X of Y', async () => {
    const header = await docxXml('us', 'word/header1.xml');
    expect(header).toContain('Northwind Analytics');
    expect(header).toContain('Private and confidential');
    const footer = await docxXml('us', 'word/footer1.xml');
    expect(footer).toContain('ACC-2026-0042 · page ');
    expect(footer).toContain('PAGE');
    expect(footer).toContain('NUMPAGES');
    expect(footer).toContain(' · confidential');
  });

  it('sets language and author, a normal title size and space after lists', async () => {
    const styles = await docxXml('uk', 'word/styles.xml');
    expect(styles).toMatch(/<w:lang w:val="en-GB"/);
    const core = await docxXml('us', 'docProps/core.xml');
    expect(core).toContain('<dc:creator>Northwind Analytics</dc:creator>');
    const body = await docxXml('us');
    // 16 pt title, not Word's 28 pt Title style.
    expect(body).not.toContain('w:val="Title"');
    expect(body).toMatch(/<w:sz w:val="32"\/>/);
    // The last item of each list has space after it.
    expect(body).toMatch(/<w:numPr>[\s\S]*?<w:spacing w:after="200"\/>/);
  });
});

describe('PDF page breaks', () => {
  it('never leaves "Kind regards," at the foot of a page without the name and title under it', async () => {
    for (const jurisdiction of ['us', 'uk', 'ca'] as const) {
      for (const kind of [
        'documentation_request',
        'extension_request',
        'alternative_offer',
        'denial',
      ] as const) {
        const data = {
          ...fixture(kind, jurisdiction),
          org: { ...fixture(kind, jurisdiction).org, address: ['1 Harbour Street', 'Somewhere'] },
        };
        const pdf = await renderLetter(kind, data as never, { jurisdiction, format: 'pdf', templates });
        const text = await extractPdfText(pdf.bytes);
        // A footer between the closing and the name means they were split across pages.
        expect(text).not.toMatch(/Kind regards,\s*\n\s*ACC-\S+ · page/);
        // Nor a heading at the foot of a page, away from its text.
        expect(text).not.toMatch(/\n(Your reply|Other routes|Review|Appeal)\s*\n\s*ACC-\S+ · page/);
      }
    }
  }, 120_000);
});
