import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { type Jurisdiction, jurisdictions } from '../domain/request.js';
import {
  formatProblems,
  isLetterKind,
  type LetterFormat,
  letterFormats,
  letterKinds,
  loadLetterTemplates,
  renderLetter,
  TemplateCompileError,
  validateLetterData,
} from '../letters/index.js';
import type { CliIO } from './io.js';

const usage = `Usage: npm run --silent cli -- letter --kind KIND --data FILE.json [options]

Renders a letter from a JSON data file. Needs no environment.

Options:
  --kind KIND             ${letterKinds.join(', ')}
  --data FILE             the letter's data as JSON (examples: test/fixtures/letters/)
  --jurisdiction J        us (default), uk or ca
  --format F              txt (default), pdf or docx
  --out FILE              write to FILE; without it, txt prints to stdout, and pdf or docx are
                          written to stdout only when it is a pipe or a file, never to a terminal
  --templates DIR         your organisation's templates, overriding built-in ones of the same
                          path (default: $TEMPLATES_DIR when set)
  --help                  this help
`;

/** Exit codes: 0 done, 1 the data or templates have a problem, 2 the command line has one. */
export async function run(args: string[], io: CliIO): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      options: {
        kind: { type: 'string' },
        data: { type: 'string' },
        jurisdiction: { type: 'string', default: 'us' },
        format: { type: 'string', default: 'txt' },
        out: { type: 'string' },
        templates: { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    return fail(io, `${(error as Error).message}\n\n${usage}`, 2);
  }
  if (values.help) {
    io.stdout.write(usage);
    return 0;
  }

  const {
    kind,
    data: dataPath,
    jurisdiction,
    format,
    out,
    templates: templatesDir,
  } = values as Record<string, string | undefined>;
  if (!kind || !isLetterKind(kind)) {
    const what = kind ? `There is no letter kind "${kind}".` : 'Say which letter with --kind.';
    return fail(io, `${what} The kinds are:\n${letterKinds.map((k) => `  ${k}`).join('\n')}\n`, 2);
  }
  if (!jurisdiction || !(jurisdictions as readonly string[]).includes(jurisdiction)) {
    return fail(io, `--jurisdiction must be one of ${jurisdictions.join(', ')}.\n`, 2);
  }
  if (!format || !(letterFormats as readonly string[]).includes(format)) {
    return fail(io, `--format must be one of ${letterFormats.join(', ')}.\n`, 2);
  }
  if (!dataPath) return fail(io, 'Give the letter data with --data FILE.json.\n', 2);
  if (format !== 'txt' && !out && isTerminal(io.stdout)) {
    return fail(
      io,
      `A ${format} file is binary, so it is not printed to a terminal. Add --out FILE, or pipe it.\n`,
      2,
    );
  }

  const data = await readJson(dataPath);
  if (!data.ok) return fail(io, `${data.problem}\n`, 1);

  // Every problem at once, so one edit of the file can fix them all.
  const checked = validateLetterData(kind, data.value, jurisdiction as Jurisdiction);
  if (!checked.ok) {
    const count = checked.problems.length;
    return fail(
      io,
      `${dataPath} is not valid ${kind} letter data (${count} problem${count === 1 ? '' : 's'}):\n${formatProblems(checked.problems)}\n`,
      1,
    );
  }

  try {
    const templates = await loadLetterTemplates({
      overrideDir: templatesDir ?? process.env.TEMPLATES_DIR,
    });
    const letter = await renderLetter(kind, checked.value, {
      jurisdiction: jurisdiction as Jurisdiction,
      format: format as LetterFormat,
      templates,
    });
    if (out) {
      await writeFile(out, letter.bytes);
      io.stderr.write(`Wrote the ${jurisdiction} ${kind} letter (${format}) to ${out}\n`);
    } else {
      io.stdout.write(letter.bytes);
    }
    return 0;
  } catch (error) {
    if (error instanceof TemplateCompileError) return fail(io, `${error.message}\n`, 1);
    throw error;
  }
}

async function readJson(
  path: string,
): Promise<{ ok: true; value: unknown } | { ok: false; problem: string }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, problem: `Could not read ${path} (${code === 'ENOENT' ? 'no such file' : code}).` };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    // The parser's message quotes the file's text, which may be private, so it is not repeated.
    return { ok: false, problem: `${path} is not valid JSON. Check for a missing comma, quote or brace.` };
  }
}

function isTerminal(stream: CliIO['stdout']): boolean {
  return (stream as { isTTY?: boolean }).isTTY === true;
}

function fail(io: CliIO, message: string, code: number): number {
  io.stderr.write(message);
  return code;
}
