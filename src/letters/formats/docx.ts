import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { LetterDocument } from '../document.js';

/** DOCX for HR's file, editable in any word processor. */
export function documentToDocx(document: LetterDocument): Promise<Buffer> {
  const children: Paragraph[] = [
    new Paragraph({ text: document.title, heading: HeadingLevel.TITLE, spacing: { after: 240 } }),
  ];
  for (const block of document.blocks) {
    if (block.type === 'heading') {
      children.push(new Paragraph({ text: block.text, heading: HeadingLevel.HEADING_2 }));
    } else if (block.type === 'paragraph') {
      children.push(
        new Paragraph({
          children: block.lines.map((line, index) => new TextRun({ text: line, break: index > 0 ? 1 : 0 })),
          spacing: { after: 200 },
        }),
      );
    } else {
      for (const item of block.items) children.push(new Paragraph({ text: item, bullet: { level: 0 } }));
    }
  }
  const file = new Document({
    title: document.title,
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(file);
}
