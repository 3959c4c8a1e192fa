import type { Jurisdiction } from '../domain/request.js';
import { type ComposedLetter, composeLetter } from './compose.js';
import { documentToDocx } from './formats/docx.js';
import { documentToPdf } from './formats/pdf.js';
import type { LetterData, LetterKind } from './kinds.js';
import type { LetterTemplates } from './templates.js';

export const letterFormats = ['txt', 'pdf', 'docx'] as const;
export type LetterFormat = (typeof letterFormats)[number];

export const mediaTypes: Record<LetterFormat, string> = {
  txt: 'text/plain; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export interface RenderOptions {
  jurisdiction: Jurisdiction;
  format: LetterFormat;
  templates: LetterTemplates;
}

export interface RenderedLetter extends ComposedLetter {
  format: LetterFormat;
  mediaType: string;
  /** The file: UTF-8 text, PDF or DOCX bytes, all drawn from the same `document`. */
  bytes: Buffer;
}

/** Validates, renders and encodes one letter. Throws `LetterDataError` listing every bad field. */
export async function renderLetter<K extends LetterKind>(
  kind: K,
  data: LetterData<K>,
  { jurisdiction, format, templates }: RenderOptions,
): Promise<RenderedLetter> {
  const letter = composeLetter(kind, data, { jurisdiction, templates });
  const bytes =
    format === 'pdf'
      ? await documentToPdf(letter.document, { jurisdiction, meta: letter.meta })
      : format === 'docx'
        ? await documentToDocx(letter.document, { jurisdiction, meta: letter.meta })
        : Buffer.from(letter.text, 'utf8');
  return { ...letter, format, mediaType: mediaTypes[format], bytes };
}
