import type { z } from 'zod';
import type { Jurisdiction } from '../domain/request.js';
import { jurisdictionProblems, type LetterKind, type LetterValues, letterSchemas } from './kinds.js';

export interface FieldProblem {
  /** Where, as a readable path: `schedule.days[2]`. */
  path: string;
  /** What is expected there. */
  expected: string;
}

/** Thrown when letter data does not fit its kind. Lists every bad field; never echoes a value. */
export class LetterDataError extends Error {
  constructor(
    readonly kind: LetterKind,
    readonly problems: FieldProblem[],
  ) {
    super(
      `The ${kind} letter data has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${formatProblems(problems)}`,
    );
    this.name = 'LetterDataError';
  }
}

export function formatProblems(problems: FieldProblem[]): string {
  return problems.map(({ path, expected }) => `  - ${path}: expected ${expected}`).join('\n');
}

/**
 * Checks data against its kind's schema and, given the jurisdiction, against that law's own
 * requirements (a US denial must say why leave and reassignment would not work, for example).
 */
export function validateLetterData<K extends LetterKind>(
  kind: K,
  data: unknown,
  jurisdiction?: Jurisdiction,
): { ok: true; value: LetterValues<K> } | { ok: false; problems: FieldProblem[] } {
  const result = letterSchemas[kind].safeParse(data);
  if (!result.success) {
    return { ok: false, problems: result.error.issues.map((issue) => toProblem(issue, data)) };
  }
  const value = result.data as LetterValues<K>;
  const problems = jurisdiction ? jurisdictionProblems(kind, value, jurisdiction) : [];
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value };
}

export function parseLetterData<K extends LetterKind>(
  kind: K,
  data: unknown,
  jurisdiction?: Jurisdiction,
): LetterValues<K> {
  const result = validateLetterData(kind, data, jurisdiction);
  if (!result.ok) throw new LetterDataError(kind, result.problems);
  return result.value;
}

function toProblem(issue: z.core.$ZodIssue, data: unknown): FieldProblem {
  return { path: formatPath(issue.path), expected: describe(issue, isMissing(data, issue.path)) };
}

/** zod leaves the input out of its issues (by design: it may be private), so look where it was. */
function isMissing(data: unknown, path: PropertyKey[]): boolean {
  let node = data;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !(key in node)) return true;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node === undefined;
}

function formatPath(path: PropertyKey[]): string {
  if (path.length === 0) return '(the whole file)';
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text ? `${text}.${String(key)}` : String(key);
  }, '');
}

/**
 * Our schemas word their own messages as what is expected; zod's defaults start "Invalid input:
 * expected ...", so they are reworded into the same shape. Received values are never shown: they
 * may be the employee's words.
 */
function describe(issue: z.core.$ZodIssue, missing: boolean): string {
  switch (issue.code) {
    case 'invalid_type':
      return missing ? `${expectedType(issue)} (missing)` : expectedType(issue);
    case 'invalid_value':
      return issue.message.startsWith('Invalid')
        ? `one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`
        : issue.message;
    case 'too_small':
      return issue.message.startsWith('Too small')
        ? `at least ${issue.minimum}${issue.origin === 'array' ? ` item${issue.minimum === 1 ? '' : 's'}` : ''}`
        : issue.message;
    case 'too_big':
      return issue.message.startsWith('Too big')
        ? `at most ${issue.maximum}${issue.origin === 'array' ? ' items' : ''}`
        : issue.message;
    case 'unrecognized_keys':
      return `no unknown fields (found ${issue.keys.join(', ')})`;
    default:
      return issue.message;
  }
}

function expectedType(issue: z.core.$ZodIssueInvalidType): string {
  if (!issue.message.startsWith('Invalid input')) return issue.message;
  const names: Record<string, string> = {
    string: 'text',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    array: 'a list',
    object: 'an object',
  };
  return names[issue.expected] ?? issue.expected;
}
