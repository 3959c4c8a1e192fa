import PDFDocument from 'pdfkit';
import type { Jurisdiction } from '../../domain/request.js';
import type { LetterDocument } from '../document.js';

/**
 * PDF for HR's confidential file. It uses the PDF standard fonts (nothing to ship or load), whose
 * WinAnsi encoding covers Western European text; any other character is reduced to its base letter
 * or a "?", rather than printed as garbage.
 */
export function documentToPdf(document: LetterDocument, jurisdiction: Jurisdiction): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: jurisdiction === 'us' || jurisdiction === 'ca' ? 'LETTER' : 'A4',
    margins: { top: 72, bottom: 72, left: 72, right: 72 },
    // A fixed date keeps the bytes the same for the same letter; the letter carries its own date.
    info: { Title: toWinAnsi(document.title), CreationDate: new Date(0) },
  });
  const done = collect(pdf);
  const width = pdf.page.width - 144;
  const bulletIndent = 14;

  pdf.font('Helvetica-Bold').fontSize(15).text(toWinAnsi(document.title), { width });
  pdf.moveDown(0.8);
  for (const block of document.blocks) {
    if (block.type === 'heading') {
      pdf.font('Helvetica-Bold').fontSize(11.5).text(toWinAnsi(block.text), { width });
      pdf.moveDown(0.3);
    } else if (block.type === 'paragraph') {
      pdf
        .font('Helvetica')
        .fontSize(11)
        .text(toWinAnsi(block.lines.join('\n')), { width, lineGap: 2 });
      pdf.moveDown(0.7);
    } else {
      pdf.font('Helvetica').fontSize(11);
      for (const item of block.items) {
        const y = pdf.y;
        pdf.text('•', 72, y, { width: bulletIndent, lineGap: 2 });
        pdf.text(toWinAnsi(item), 72 + bulletIndent, y, { width: width - bulletIndent, lineGap: 2 });
        pdf.moveDown(0.2);
      }
      pdf.x = 72;
      pdf.moveDown(0.5);
    }
  }
  pdf.end();
  return done;
}

function collect(pdf: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
}

/** The characters WinAnsi adds above Latin-1's printable range. */
const winAnsiExtras = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

export function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text) {
    if (isWinAnsi(char)) {
      out += char;
      continue;
    }
    const base = strokedLetters[char] ?? char.normalize('NFKD').replace(/\p{M}/gu, '');
    out += [...base].every(isWinAnsi) && base ? base : '?';
  }
  return out;
}

/** Letters with a stroke have no Unicode decomposition to a base letter. */
const strokedLetters: Record<string, string> = {
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  Ŧ: 'T',
  ŧ: 't',
};

function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xff) ||
    code === 0x0a ||
    winAnsiExtras.has(char)
  );
}
