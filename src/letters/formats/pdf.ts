import PDFDocument from 'pdfkit';
import type { Jurisdiction } from '../../domain/request.js';
import type { LetterMeta } from '../compose.js';
import { isClosing, type LetterBlock, type LetterDocument } from '../document.js';
import { letterFonts, needsCjk, scriptRuns } from './fonts.js';

/**
 * PDF for HR's confidential file: a tagged PDF (headings, paragraphs and lists as structure, the
 * letterhead and footer as artifacts) with its language and creation date, set in fonts embedded
 * from npm packages so every name prints as written. A character neither font has stops the PDF
 * with an error naming it, rather than printing something else in its place.
 */

export interface PdfOptions {
  readonly jurisdiction: Jurisdiction;
  readonly meta: LetterMeta;
  /** The creation date recorded in the file; now, unless a caller fixes it. */
  readonly createdAt?: Date;
}

/** A letter holds a character the embedded fonts cannot print. */
export class LetterFontError extends Error {
  constructor(readonly characters: string[]) {
    super(
      `The PDF fonts cannot print ${characters.map((char) => `U+${char.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`).join(', ')}; ` +
        'the text and DOCX formats keep them. Nothing was changed in the letter.',
    );
    this.name = 'LetterFontError';
  }
}

const MARGIN = 72;
const FOOTER_GAP = 36;
const BODY_SIZE = 10.5;
const LINE_GAP = 2.5;

type FontName = 'regular' | 'bold';

interface Fonts {
  latin: Record<FontName, string>;
  cjk: Record<FontName, string>;
}

export function documentToPdf(document: LetterDocument, options: PdfOptions): Promise<Buffer> {
  const { meta } = options;
  const pdf = new PDFDocument({
    size: options.jurisdiction === 'uk' ? 'A4' : 'LETTER',
    margins: { top: MARGIN, bottom: MARGIN + FOOTER_GAP / 2, left: MARGIN, right: MARGIN },
    bufferPages: true,
    autoFirstPage: true,
    pdfVersion: '1.7',
    tagged: true,
    lang: meta.language,
    displayTitle: true,
    info: {
      Title: document.title,
      Author: meta.companyName,
      Subject: `${meta.reference}: private and confidential`,
      CreationDate: options.createdAt ?? new Date(),
    },
  });
  const done = collect(pdf);

  const allText = [
    document.title,
    meta.companyName,
    ...meta.address,
    ...meta.recipient,
    ...document.blocks.flatMap(blockText),
  ].join('\n');
  pdf.registerFont('latin-regular', letterFonts.regular);
  pdf.registerFont('latin-bold', letterFonts.bold);
  const cjk = needsCjk(allText);
  if (cjk) {
    pdf.registerFont('cjk-regular', letterFonts.cjkRegular);
    pdf.registerFont('cjk-bold', letterFonts.cjkBold);
  }
  const fonts: Fonts = {
    latin: { regular: 'latin-regular', bold: 'latin-bold' },
    cjk: cjk
      ? { regular: 'cjk-regular', bold: 'cjk-bold' }
      : { regular: 'latin-regular', bold: 'latin-bold' },
  };
  assertPrintable(pdf, allText, fonts);

  const width = pdf.page.width - 2 * MARGIN;
  const root = pdf.struct('Document');
  pdf.addStructure(root);

  /** Writes text in runs, each in the font that has its script. */
  const write = (text: string, weight: FontName, size: number, extra: PDFKit.Mixins.TextOptions = {}) => {
    const runs = scriptRuns(text);
    runs.forEach((run, index) => {
      pdf
        .font(run.cjk ? fonts.cjk[weight] : fonts.latin[weight])
        .fontSize(size)
        .text(run.text, { width, lineGap: LINE_GAP, ...extra, continued: index < runs.length - 1 });
    });
  };
  const heightOf = (text: string, weight: FontName, size: number, indent = 0) =>
    pdf
      .font(fonts.latin[weight])
      .fontSize(size)
      .heightOfString(text, { width: width - indent, lineGap: LINE_GAP });
  const bottom = () => pdf.page.height - pdf.page.margins.bottom;
  const ensureRoom = (height: number) => {
    if (pdf.y + height > bottom()) pdf.addPage();
  };

  // Letterhead, marking and recipient: the same on every letter kind.
  root.add(
    pdf.struct('Sect', {}, () => {
      write(meta.companyName, 'bold', 13);
      for (const line of meta.address) write(line, 'regular', 9);
      pdf.moveDown(0.6);
      write('Private and confidential', 'bold', 9.5);
      pdf.moveDown(0.6);
      for (const line of meta.recipient) write(line, 'regular', BODY_SIZE);
      pdf.moveDown(1);
    }),
  );

  root.add(pdf.struct('H1', {}, () => write(document.title, 'bold', 15)));
  pdf.moveDown(0.6);

  const blocks = document.blocks;
  blocks.forEach((block, index) => {
    const next = blocks[index + 1];
    if (block.type === 'heading') {
      // A heading never ends a page: it moves with the start of what follows.
      ensureRoom(heightOf(block.text, 'bold', 12) + (next ? wholeOrFirstLines(next, heightOf) : 0) + 8);
      root.add(pdf.struct('H2', {}, () => write(block.text, 'bold', 12)));
      pdf.moveDown(0.35);
    } else if (block.type === 'paragraph') {
      const text = block.lines.join('\n');
      const height = heightOf(text, 'regular', BODY_SIZE);
      // Short blocks (addresses, signatures) stay whole; a closing ("Kind regards,") stays with
      // the name under it, with space to sign between.
      const keepsWithNext = isClosing(block.lines) && next;
      const signature = keepsWithNext ? 40 : 0;
      if (block.lines.length <= 10) {
        ensureRoom(height + signature + (keepsWithNext && next ? wholeOrFirstLines(next, heightOf) : 0));
      }
      root.add(pdf.struct('P', {}, () => write(text, 'regular', BODY_SIZE)));
      pdf.moveDown(0.7);
      // Space to sign between the closing and the name.
      if (keepsWithNext) pdf.moveDown(1.6);
    } else {
      const list = pdf.struct('L');
      root.add(list);
      for (const item of block.items) {
        const height = heightOf(item, 'regular', BODY_SIZE, 14);
        ensureRoom(Math.min(height, 3 * BODY_SIZE * 1.5));
        list.add(
          pdf.struct('LI', {}, () => {
            const y = pdf.y;
            pdf
              .font(fonts.latin.regular)
              .fontSize(BODY_SIZE)
              .text('•', MARGIN, y, { width: 14, lineGap: LINE_GAP });
            pdf.x = MARGIN + 14;
            pdf.y = y;
            const runs = scriptRuns(item);
            runs.forEach((run, runIndex) => {
              pdf
                .font(run.cjk ? fonts.cjk.regular : fonts.latin.regular)
                .fontSize(BODY_SIZE)
                .text(run.text, {
                  width: width - 14,
                  lineGap: LINE_GAP,
                  continued: runIndex < runs.length - 1,
                });
            });
          }),
        );
        pdf.x = MARGIN;
        pdf.moveDown(0.25);
      }
      list.end();
      pdf.moveDown(0.6);
    }
  });
  root.end();

  // Footer on every page: reference, page X of Y, confidential. Drawn as an artifact so screen
  // readers do not read it into the letter.
  const range = pdf.bufferedPageRange();
  for (let page = range.start; page < range.start + range.count; page++) {
    pdf.switchToPage(page);
    const bottomMargin = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf.markContent('Artifact', { type: 'Pagination' });
    pdf
      .font(fonts.latin.regular)
      .fontSize(8.5)
      .fillColor('#444444')
      .text(
        `${meta.reference} · page ${page - range.start + 1} of ${range.count} · confidential`,
        MARGIN,
        pdf.page.height - MARGIN + 12,
        { width, align: 'center', lineBreak: false },
      );
    pdf.endMarkedContent();
    pdf.fillColor('black');
    pdf.page.margins.bottom = bottomMargin;
  }
  pdf.end();
  return done;
}

/** A short paragraph (a name and title under a closing) whole; anything longer, its first lines. */
function wholeOrFirstLines(
  block: LetterBlock,
  heightOf: (text: string, weight: FontName, size: number, indent?: number) => number,
): number {
  if (block.type === 'paragraph' && block.lines.length <= 10) {
    return heightOf(block.lines.join('\n'), 'regular', BODY_SIZE);
  }
  return firstLinesHeight(block, heightOf);
}

function blockText(block: LetterBlock): string[] {
  return block.type === 'heading' ? [block.text] : block.type === 'list' ? block.items : block.lines;
}

/** Room for the first two lines of a block, so a heading or a closing keeps some of it company. */
function firstLinesHeight(
  block: LetterBlock,
  heightOf: (text: string, weight: FontName, size: number, indent?: number) => number,
): number {
  const first = blockText(block)[0] ?? '';
  return Math.min(heightOf(first, 'regular', BODY_SIZE), 2 * (BODY_SIZE + LINE_GAP) * 1.4);
}

/** Every character must have a glyph in the font its run is set in, or the PDF is refused. */
function assertPrintable(pdf: PDFKit.PDFDocument, text: string, fonts: Fonts): void {
  const missing = new Set<string>();
  for (const run of scriptRuns(text.replace(/\s/g, ''))) {
    pdf.font(run.cjk ? fonts.cjk.regular : fonts.latin.regular);
    // pdfkit keeps the parsed font (fontkit) on the current font object.
    const face = (pdf as unknown as { _font: { font: { hasGlyphForCodePoint(cp: number): boolean } } })._font
      .font;
    for (const char of run.text) {
      if (!face.hasGlyphForCodePoint(char.codePointAt(0) ?? 0)) missing.add(char);
    }
  }
  if (missing.size > 0) throw new LetterFontError([...missing]);
}

function collect(pdf: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
}
