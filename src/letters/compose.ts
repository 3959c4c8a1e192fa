import type { Jurisdiction } from '../domain/request.js';
import { documentToText, type LetterDocument, LITERAL_MARK, parseLetterText } from './document.js';
import { defaultLocale } from './format.js';
import type { LetterData, LetterKind } from './kinds.js';
import type { LetterTemplates } from './templates.js';
import { parseLetterData } from './validation.js';

export interface ComposeOptions {
  jurisdiction: Jurisdiction;
  templates: LetterTemplates;
}

export interface ComposedLetter {
  kind: LetterKind;
  jurisdiction: Jurisdiction;
  document: LetterDocument;
  /** The letter as plain text, exactly what the .txt format holds. */
  text: string;
}

/**
 * Validates the data, renders the kind's template and reads the result into a document. Data is
 * only ever a value in the template's context, never template source: whatever a person or a model
 * wrote is printed as written, braces and all.
 */
export function composeLetter<K extends LetterKind>(
  kind: K,
  data: LetterData<K>,
  { jurisdiction, templates }: ComposeOptions,
): ComposedLetter {
  const values = parseLetterData(kind, data);
  const view = {
    ...markLiterals(values),
    locale: values.locale ?? defaultLocale[jurisdiction],
    jurisdiction,
  };
  const document = parseLetterText(templates.render(jurisdiction, kind, view));
  return { kind, jurisdiction, document, text: documentToText(document) };
}

/** Keeps data that begins like letter markup ("# ", "## ", "- ") from being read as markup. */
function markLiterals<T>(value: T): T {
  if (typeof value === 'string') return (/^(#{1,2}|-) /.test(value) ? `${LITERAL_MARK}${value}` : value) as T;
  if (Array.isArray(value)) return value.map(markLiterals) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, markLiterals(child)])) as T;
  }
  return value;
}
