import type { Jurisdiction } from '../domain/request.js';
import { documentToText, type LetterDocument, LITERAL_MARK, parseLetterText } from './document.js';
import type { LetterLocale } from './fields.js';
import { defaultLocale, formatLongDate, joinList } from './format.js';
import type { ApprovedPattern, LetterData, LetterKind, LetterValues } from './kinds.js';
import { lawFacts } from './law.js';
import { approvalForManager, managerNoticeLines, patternLines } from './manager.js';
import { describePattern, type PatternWording, type SessionTimes, type UsualHours } from './pattern.js';
import type { LetterTemplates } from './templates.js';
import { parseLetterData } from './validation.js';

export interface ComposeOptions {
  jurisdiction: Jurisdiction;
  templates: LetterTemplates;
}

/** What the PDF and DOCX put around the letter: letterhead, recipient and footer. */
export interface LetterMeta {
  /** BCP 47 language of the text: en-US, en-GB, en-CA. */
  language: LetterLocale;
  companyName: string;
  address: string[];
  reference: string;
  /** The letter's date in words, as the letter prints it. */
  dateText: string;
  /** Who the letter is to, for the address block. */
  recipient: string[];
}

export interface ComposedLetter {
  kind: LetterKind;
  jurisdiction: Jurisdiction;
  document: LetterDocument;
  meta: LetterMeta;
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
  const values = parseLetterData(kind, data, jurisdiction);
  const locale = values.locale ?? defaultLocale[jurisdiction];
  const view = {
    ...markLiterals(values),
    locale,
    jurisdiction,
    ...markLiterals(derivedFacts(values, locale)),
    law: lawFacts(jurisdiction, values.humanRightsLaw ?? null),
  };
  const document = parseLetterText(templates.render(jurisdiction, kind, view));
  return {
    kind,
    jurisdiction,
    document,
    meta: letterMeta(kind, values, locale),
    text: documentToText(document),
  };
}

/** Letters the employee writes go to HR; the others go to the employee (the form to a provider). */
const fromEmployee: readonly LetterKind[] = ['request', 'status_inquiry', 'extension_request'];

function letterMeta(kind: LetterKind, values: LetterValues<LetterKind>, locale: LetterLocale): LetterMeta {
  const base = values as LetterValues<'approval'>;
  const hr = [base.hr.name, base.hr.jobTitle].filter((line): line is string => Boolean(line));
  const recipient =
    kind === 'provider_verification'
      ? ['For the health professional who completes this form']
      : fromEmployee.includes(kind)
        ? [...(hr.length > 0 ? hr : ['HR team']), base.org.companyName]
        : [base.employee.name, ...(base.employee.jobTitle ? [base.employee.jobTitle] : [])];
  return {
    language: locale,
    companyName: base.org.companyName,
    address: base.org.address ?? [],
    reference: base.reference,
    dateText: formatLongDate(base.date, locale),
    recipient,
  };
}

const roleConstraintWords: Record<string, string> = {
  recurring_meetings: 'recurring meetings',
  on_call: 'on-call duty',
  customer_hours: 'customer-facing hours',
  shift_work: 'shift work',
};

interface DerivedFacts {
  /** Sessions set against the usual hours; null when the letter has no usual hours. */
  pattern: PatternWording | null;
  /** "recurring meetings and on-call duty"; null when none were chosen. */
  roleFacts: string | null;
  /** True when usual hours are known and no appointment touches them. */
  sessionsOutsideHours: boolean;
  /** Approval: the pattern as lines, and exactly what the manager is told. */
  approvedLines: string[] | null;
  managerLines: string[] | null;
}

/** Facts worked out from the data, so templates state them rather than compute them. */
function derivedFacts(values: object, locale: LetterLocale): DerivedFacts {
  const record = values as {
    schedule?: SessionTimes;
    work?: (UsualHours & { constraints: string[] }) | null;
  };
  const work = record.work ?? null;
  const pattern = record.schedule && work ? describePattern(record.schedule, work, locale) : null;
  const constraints =
    work?.constraints.map((constraint) => roleConstraintWords[constraint] ?? constraint) ?? [];
  return {
    pattern,
    roleFacts: constraints.length > 0 ? joinList(constraints, locale) : null,
    sessionsOutsideHours: pattern !== null && pattern.overlapDays === null,
    ...approvalFacts(values, locale),
  };
}

function approvalFacts(
  values: object,
  locale: LetterLocale,
): Pick<DerivedFacts, 'approvedLines' | 'managerLines'> {
  const approved = (values as { approved?: ApprovedPattern }).approved;
  if (!approved) return { approvedLines: null, managerLines: null };
  const notice = approvalForManager(approved);
  return { approvedLines: patternLines(notice, locale), managerLines: managerNoticeLines(notice, locale) };
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
