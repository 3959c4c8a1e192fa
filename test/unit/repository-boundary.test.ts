import { readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * A fresh clone is the truth: a test that read a folder beside the repository passed on one machine
 * and failed for everyone else. Tests, scripts and documentation may only point inside the repository.
 */

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const skippedFolders = new Set(['node_modules', '.git', 'coverage', 'tmp', '.bench', 'dist']);

function walk(folder: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (skippedFolders.has(entry.name)) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...walk(path));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

const codeExtensions = new Set(['.ts', '.js', '.mjs', '.cjs', '.sh', '.json']);
const allFiles = walk(root);
/** Tests, their support and fixtures' scripts, CI and any scripts folder; plus the root configs. */
const self = fileURLToPath(import.meta.url);
const codeFiles = allFiles.filter((file) => {
  const path = relative(root, file);
  // This file spells out offending paths on purpose, as examples its checks must catch.
  if (resolve(file) === resolve(self)) return false;
  const top = path.split(sep)[0] ?? '';
  if (['test', 'scripts', '.ci'].includes(top)) return codeExtensions.has(extname(file)) || top === '.ci';
  return !path.includes(sep) && codeExtensions.has(extname(file)) && !path.endsWith('package-lock.json');
});
const markdownFiles = allFiles.filter((file) => extname(file) === '.md');

const inside = (target: string) => {
  const path = relative(root, target);
  return path === '' || (!path.startsWith('..') && !isAbsolute(path));
};

/** Absolute paths into a particular machine's folders: never portable. */
const MACHINE_PATH = /^(?:~\/|\/(?:work|home|Users|root|mnt|srv|opt|media|private|var\/folders)\/)/;

/** Relative paths in string literals ('../x', './y'), resolved from the file that holds them. */
function pathsLeavingRepository(file: string, text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(['"`])((?:\.\.?\/|~\/|\/)[^'"`\s]*)\1/g)) {
    const literal = match[2] ?? '';
    if (MACHINE_PATH.test(literal)) {
      found.push(literal);
      continue;
    }
    if (!literal.startsWith('.')) continue;
    if (!inside(resolve(dirname(file), literal))) found.push(literal);
  }
  // Shell-style arguments outside quotes (scripts, package.json commands): `cd ../x`, `../../y`.
  for (const match of text.matchAll(/(?:^|[\s=(])((?:\.\.\/)+[^\s'"`)]*)/g)) {
    const literal = match[1] ?? '';
    if (!inside(resolve(dirname(file), literal))) found.push(literal);
  }
  return [...new Set(found)];
}

/** Markdown links and images: relative targets must resolve inside the repository. */
function linksLeavingRepository(file: string, text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
    const target = (match[1] ?? '').split('#')[0] ?? '';
    if (target === '' || /^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
    if (MACHINE_PATH.test(target) || !inside(resolve(dirname(file), target))) found.push(target);
  }
  for (const match of text.matchAll(/(?:^|[\s`(])((?:\.\.\/)+[^\s`)]*|\/work\/[^\s`)]*)/gm)) {
    const literal = match[1] ?? '';
    if (MACHINE_PATH.test(literal) || !inside(resolve(dirname(file), literal))) found.push(literal);
  }
  return [...new Set(found)];
}

describe('nothing reaches outside the repository', () => {
  it('finds the files it checks', () => {
    const names = codeFiles.map((file) => relative(root, file));
    expect(names).toContain(join('test', 'unit', 'manifest.test.ts'));
    expect(names).toContain('package.json');
    expect(markdownFiles.map((file) => relative(root, file))).toContain('README.md');
  });

  it('tests, scripts and configuration only name paths inside the repository', () => {
    const offenders = codeFiles.flatMap((file) =>
      pathsLeavingRepository(file, readFileSync(file, 'utf8')).map(
        (path) => `${relative(root, file)}: ${path}`,
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('the README and every other document link only inside the repository', () => {
    const offenders = markdownFiles.flatMap((file) =>
      linksLeavingRepository(file, readFileSync(file, 'utf8')).map(
        (link) => `${relative(root, file)}: ${link}`,
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('the checks themselves catch a path leaving the repository', () => {
    const test = join(root, 'test', 'unit', 'example.test.ts');
    // The examples are put together here, so that this file itself names no folder outside.
    const up = (levels: number, rest: string) => `${'../'.repeat(levels)}${rest}`;
    const outsideFolder = up(3, 'neighbour/slack/');
    expect(pathsLeavingRepository(test, `new URL('${outsideFolder}', import.meta.url)`)).toEqual([
      outsideFolder,
    ]);
    expect(pathsLeavingRepository(test, "readFileSync('/srv/shared/slack/LICENSE')")).toEqual([
      '/srv/shared/slack/LICENSE',
    ]);
    expect(pathsLeavingRepository(test, "import x from '../../src/app.js'")).toEqual([]);
    const readme = join(root, 'README.md');
    const outsideDoc = up(1, 'neighbour/DESIGN.md');
    expect(linksLeavingRepository(readme, `See [the design](${outsideDoc}).`)).toEqual([outsideDoc]);
    expect(linksLeavingRepository(readme, 'See [the code](src/app.ts) and <https://api.slack.com>.')).toEqual(
      [],
    );
  });
});
