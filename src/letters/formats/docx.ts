import { AlignmentType, Document, Footer, Header, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import type { Jurisdiction } from '../../domain/request.js';
import type { LetterMeta } from '../compose.js';
import { isClosing, type LetterDocument } from '../document.js';

/**
 * DOCX for HR's file, editable in any word processor: the paper size of the country (Letter for
 * the US and Canada, A4 for the UK), the same letterhead and footer as the PDF, the letter's
 * language and author set, headings kept with what follows and space after each list.
 */

export interface DocxOptions {
  readonly jurisdiction: Jurisdiction;
  readonly meta: LetterMeta;
}

/** Twentieths of a point: Letter is 8.5 x 11 in, A4 210 x 297 mm. */
const paper = {
  letter: { width: 12240, height: 15840 },
  a4: { width: 11906, height: 16838 },
} as const;
const INCH = 1440;

export function documentToDocx(
  document: LetterDocument,
  { jurisdiction, meta }: DocxOptions,
): Promise<Buffer> {
  const children: Paragraph[] = [
    ...meta.recipient.map(
      (line, index) =>
        new Paragraph({
          children: [new TextRun(line)],
          spacing: { after: index === meta.recipient.length - 1 ? 240 : 0 },
        }),
    ),
    new Paragraph({
      children: [new TextRun({ text: document.title, bold: true, size: 32 })],
      keepNext: true,
      spacing: { after: 240 },
    }),
  ];
  document.blocks.forEach((block, index) => {
    const next = document.blocks[index + 1];
    if (block.type === 'heading') {
      children.push(
        new Paragraph({
          children: [new TextRun({ text: block.text, bold: true, size: 24 })],
          keepNext: true,
          spacing: { before: 120, after: 80 },
        }),
      );
    } else if (block.type === 'paragraph') {
      const closing = isClosing(block.lines) && next !== undefined;
      children.push(
        new Paragraph({
          children: block.lines.map(
            (line, lineIndex) => new TextRun({ text: line, break: lineIndex > 0 ? 1 : 0 }),
          ),
          keepLines: true,
          keepNext: closing,
          // Space to sign under "Kind regards,".
          spacing: { after: closing ? 720 : 200 },
        }),
      );
    } else {
      block.items.forEach((item, itemIndex) => {
        const last = itemIndex === block.items.length - 1;
        children.push(
          new Paragraph({ text: item, bullet: { level: 0 }, spacing: { after: last ? 200 : 60 } }),
        );
      });
    }
  });

  const size = jurisdiction === 'uk' ? paper.a4 : paper.letter;
  const file = new Document({
    title: document.title,
    creator: meta.companyName,
    lastModifiedBy: meta.companyName,
    subject: `${meta.reference}: private and confidential`,
    styles: {
      default: {
        document: { run: { font: 'Calibri', size: 22, language: { value: meta.language } } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: size.width, height: size.height },
            margin: { top: INCH, bottom: INCH, left: INCH, right: INCH },
          },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({ children: [new TextRun({ text: meta.companyName, bold: true, size: 26 })] }),
              ...meta.address.map(
                (line) => new Paragraph({ children: [new TextRun({ text: line, size: 18 })] }),
              ),
              new Paragraph({
                children: [new TextRun({ text: 'Private and confidential', bold: true, size: 19 })],
                spacing: { before: 120 },
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ text: `${meta.reference} · page `, size: 17 }),
                  new TextRun({ children: [PageNumber.CURRENT], size: 17 }),
                  new TextRun({ text: ' of ', size: 17 }),
                  new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 17 }),
                  new TextRun({ text: ' · confidential', size: 17 }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(file);
}
