import Handlebars from 'handlebars';
import { type Jurisdiction, jurisdictions } from '../domain/request.js';
import { knownHelpers, letterHelpers } from './helpers.js';
import { isLetterKind, type LetterKind, letterKinds } from './kinds.js';

/**
 * Letter templates, compiled once at start. Layout of the template tree:
 *   partials/<name>.hbs          shared by every jurisdiction
 *   <jurisdiction>/<kind>.hbs    one per letter kind: us, uk, ca
 *   <jurisdiction>/partials/<name>.hbs   overrides the shared partial of that name
 * Each jurisdiction gets its own Handlebars environment so its partials cannot leak into another's.
 */

export interface TemplateSource {
  /** Path inside the template tree, with forward slashes: `us/request.hbs`. */
  path: string;
  /** Where it came from, for error messages: the file on disk. */
  origin: string;
  source: string;
}

export interface LetterTemplates {
  render(jurisdiction: Jurisdiction, kind: LetterKind, view: object): string;
}

/** A template that does not compile; the message names the file and the line. */
export class TemplateCompileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    reason: string,
  ) {
    super(`Letter template ${file}${line ? ` line ${line}` : ''}: ${reason}`);
    this.name = 'TemplateCompileError';
  }
}

/**
 * `noEscape`: letters are plain text, PDF and DOCX, never HTML, so HTML escaping would only put
 * `&amp;` into someone's letter. Slack text has its own helper. `strict` makes a misspelt field a
 * start-up failure rather than a blank in a letter.
 */
export const letterCompileOptions = {
  strict: true,
  knownHelpersOnly: true,
  knownHelpers,
  noEscape: true,
} as const;

export function createLetterEnvironment(): typeof Handlebars {
  const env = Handlebars.create();
  for (const [name, helper] of Object.entries(letterHelpers)) env.registerHelper(name, helper);
  return env;
}

export function compileLetterTemplates(sources: readonly TemplateSource[]): LetterTemplates {
  const shared = sources.filter((file) => /^partials\/[^/]+\.hbs$/.test(file.path));
  const compiled = new Map<string, Handlebars.TemplateDelegate>();

  for (const file of sources) {
    if (!isKnownPath(file.path)) {
      throw new TemplateCompileError(
        file.origin,
        null,
        'is not a letter kind or a partial; check the file name',
      );
    }
  }

  for (const jurisdiction of jurisdictions) {
    const env = createLetterEnvironment();
    const own = sources.filter((file) => file.path.startsWith(`${jurisdiction}/partials/`));
    const partials = new Map<string, TemplateSource>();
    for (const file of [...shared, ...own]) partials.set(baseName(file.path), file);

    for (const [name, file] of partials) {
      env.registerPartial(name, compileChecked(env, inlineIfOneLine(file), partials));
    }
    for (const kind of letterKinds) {
      const path = `${jurisdiction}/${kind}.hbs`;
      const file = sources.find((candidate) => candidate.path === path);
      if (!file)
        throw new TemplateCompileError(
          path,
          null,
          'is missing; every kind needs a template for every jurisdiction',
        );
      compiled.set(path, compileChecked(env, file, partials));
    }
  }

  return {
    render(jurisdiction, kind, view) {
      const template = compiled.get(`${jurisdiction}/${kind}.hbs`);
      if (!template) throw new Error(`no letter template for ${jurisdiction}/${kind}`);
      return template(view);
    },
  };
}

/**
 * Compiles eagerly: `env.compile` alone defers all work to the first render, which would turn a
 * broken template into a failure in front of a user. `precompile` runs the parser and the compiler
 * (unknown helpers included) now; partial names are checked against the tree by walking the AST.
 */
function compileChecked(
  env: typeof Handlebars,
  file: TemplateSource,
  partials: ReadonlyMap<string, TemplateSource>,
): Handlebars.TemplateDelegate {
  try {
    env.precompile(file.source, letterCompileOptions);
    for (const call of partialCalls(env.parse(file.source))) {
      if (!partials.has(call.name)) {
        throw Object.assign(new Error(`uses the partial "${call.name}", which does not exist`), {
          lineNumber: call.line,
        });
      }
    }
  } catch (error) {
    throw new TemplateCompileError(file.origin, lineOf(error), reasonOf(error));
  }
  return env.compile(file.source, letterCompileOptions);
}

interface PartialCall {
  name: string;
  line: number;
}

function partialCalls(node: unknown, found: PartialCall[] = []): PartialCall[] {
  if (!node || typeof node !== 'object') return found;
  const record = node as Record<string, unknown> & { type?: string; loc?: { start: { line: number } } };
  if (record.type === 'PartialStatement' || record.type === 'PartialBlockStatement') {
    const name = record.name as { original?: unknown } | undefined;
    if (typeof name?.original === 'string')
      found.push({ name: name.original, line: record.loc?.start.line ?? 0 });
  }
  for (const value of Object.values(record)) {
    if (Array.isArray(value)) for (const child of value) partialCalls(child, found);
    else if (value && typeof value === 'object' && 'type' in value) partialCalls(value, found);
  }
  return found;
}

function lineOf(error: unknown): number | null {
  const lineNumber = (error as { lineNumber?: unknown }).lineNumber;
  if (typeof lineNumber === 'number') return lineNumber;
  const match = /on line (\d+)/.exec(String((error as Error).message));
  return match ? Number(match[1]) : null;
}

function reasonOf(error: unknown): string {
  const message = String((error as Error).message ?? error);
  // Handlebars' parse errors carry a caret diagram over several lines; keep it, it points at the spot.
  return message.replace(/ - \d+:\d+$/, '');
}

/**
 * A one-line partial is used mid-sentence (`{{> default-reason}}`), so the final newline every
 * editor adds is dropped; longer partials stand on their own lines and keep it.
 */
function inlineIfOneLine(file: TemplateSource): TemplateSource {
  const body = file.source.replace(/\r?\n$/, '');
  return body.includes('\n') ? file : { ...file, source: body };
}

function isKnownPath(path: string): boolean {
  if (/^partials\/[^/]+\.hbs$/.test(path)) return true;
  const match = /^([a-z]+)\/(?:partials\/[^/]+|([a-z_]+))\.hbs$/.exec(path);
  if (!match || !(jurisdictions as readonly string[]).includes(match[1] ?? '')) return false;
  return match[2] === undefined || isLetterKind(match[2]);
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1, -'.hbs'.length);
}
