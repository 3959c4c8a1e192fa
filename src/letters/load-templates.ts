import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileLetterTemplates, type LetterTemplates, type TemplateSource } from './templates.js';

/** The templates shipped with the app. */
export const builtInTemplatesDir = fileURLToPath(new URL('../../templates/', import.meta.url));

export interface LoadTemplatesOptions {
  /** An organisation's own templates (`TEMPLATES_DIR`): a file here replaces the built-in one at the same path. */
  overrideDir?: string | undefined;
  /** Where the built-in templates live; tests point this elsewhere. */
  builtInDir?: string;
}

/**
 * Reads and compiles every letter template once, at start. This is the letters module's only file
 * I/O; everything after works on the compiled result. Throws `TemplateCompileError` naming the file
 * and line of the first template that does not compile.
 */
export async function loadLetterTemplates(options: LoadTemplatesOptions = {}): Promise<LetterTemplates> {
  const files = new Map<string, TemplateSource>();
  for (const file of await readTree(options.builtInDir ?? builtInTemplatesDir)) files.set(file.path, file);
  if (options.overrideDir) {
    for (const file of await readTree(options.overrideDir)) files.set(file.path, file);
  }
  return compileLetterTemplates([...files.values()]);
}

async function readTree(root: string): Promise<TemplateSource[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile() && entry.name.endsWith('.hbs'));
  return Promise.all(
    files.map(async (entry) => {
      const origin = join(entry.parentPath, entry.name);
      return {
        path: relative(root, origin).split(sep).join('/'),
        origin,
        source: await readFile(origin, 'utf8'),
      };
    }),
  );
}
