import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project is Apache-2.0. Everything it ships must be usable under it: every package installed
 * as a runtime dependency (the whole production tree, as `npm ci --omit=dev` would install it) and
 * every data list in the repository (templates, prompts, word lists, knowledge). A licence outside
 * the allowlist fails the check with the package or file named.
 */

/** Permissive SPDX ids whose terms fit inside an Apache-2.0 product. */
export const ALLOWED_LICENCES: ReadonlySet<string> = new Set([
  '0BSD',
  'Apache-2.0',
  'BlueOak-1.0.0',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'CC0-1.0',
  'CC-BY-4.0',
  'ISC',
  'MIT',
  'MIT-0',
  'Python-2.0',
  'Unlicense',
  'Zlib',
]);

/**
 * Packages whose package.json has no licence field, checked by hand: the licence file they ship
 * must still begin with the text recorded here, or the check fails and someone looks again.
 */
export const REVIEWED_WITHOUT_FIELD: Readonly<Record<string, { licence: string; fileStartsWith: string }>> = {
  'png-js': { licence: 'MIT', fileStartsWith: 'MIT License' },
};

/**
 * Font packages under the SIL Open Font License 1.1, reviewed by hand. OFL fonts may be bundled
 * with and embedded by software under any licence (only selling the fonts alone is barred), so a
 * PDF letter can carry them. The package must still declare OFL-1.1, or the check fails.
 */
export const REVIEWED_FONT_PACKAGES: ReadonlySet<string> = new Set([
  '@embedpdf/fonts-latin',
  '@embedpdf/fonts-sc',
]);

export interface Problem {
  readonly what: string;
  readonly why: string;
}

/** True when an SPDX expression (with AND, OR, WITH and brackets) can be met with allowed licences. */
export function spdxAllowed(expression: string, allowed: ReadonlySet<string> = ALLOWED_LICENCES): boolean {
  const tokens = expression
    .replace(/[()]/g, (bracket) => ` ${bracket} `)
    .trim()
    .split(/\s+/);
  let position = 0;
  const peek = () => tokens[position];
  // or := and ("OR" and)*; and := atom ("AND" atom)*; atom := "(" or ")" | id ["WITH" exception]
  const parseOr = (): boolean => {
    let result = parseAnd();
    while (peek()?.toUpperCase() === 'OR') {
      position += 1;
      const right = parseAnd();
      result = result || right;
    }
    return result;
  };
  const parseAnd = (): boolean => {
    let result = parseAtom();
    while (peek()?.toUpperCase() === 'AND') {
      position += 1;
      const right = parseAtom();
      result = result && right;
    }
    return result;
  };
  const parseAtom = (): boolean => {
    const token = tokens[position++];
    if (token === undefined) throw new Error(`incomplete licence expression "${expression}"`);
    if (token === '(') {
      const inner = parseOr();
      if (tokens[position++] !== ')') throw new Error(`unbalanced licence expression "${expression}"`);
      return inner;
    }
    // An exception only ever widens what a licence allows; the base licence decides.
    if (peek()?.toUpperCase() === 'WITH') position += 2;
    return allowed.has(token.replace(/\+$/, ''));
  };
  try {
    const result = parseOr();
    return position === tokens.length && result;
  } catch {
    return false;
  }
}

interface PackageJson {
  name?: string;
  version?: string;
  license?: string | { type?: string };
  licenses?: { type?: string }[] | { type?: string };
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

const readPackage = (folder: string) =>
  JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as PackageJson;

/** Node's lookup: the nearest node_modules folder, walking up from the package that asks. */
function locate(name: string, from: string, root: string): string | undefined {
  for (let folder = resolve(from); ; folder = dirname(folder)) {
    const candidate = join(folder, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (folder === resolve(root) || folder === dirname(folder)) return undefined;
  }
}

function declaredLicence(pkg: PackageJson): string | undefined {
  if (typeof pkg.license === 'string') return pkg.license;
  if (pkg.license?.type) return pkg.license.type;
  const list = Array.isArray(pkg.licenses) ? pkg.licenses : pkg.licenses ? [pkg.licenses] : [];
  const types = list.map((entry) => entry.type).filter((type): type is string => Boolean(type));
  return types.length > 0 ? types.join(' OR ') : undefined;
}

function licenceFileText(folder: string): string {
  const file = readdirSync(folder).find((name) => /^(licen[cs]e|copying)(\..*)?$/i.test(name));
  return file ? readFileSync(join(folder, file), 'utf8').trim() : '';
}

export interface InstalledPackage {
  readonly name: string;
  readonly version: string;
  readonly folder: string;
  readonly licence?: string;
}

/** The installed production tree: the root's dependencies, and theirs, as Node would resolve them. */
export function productionTree(root: string): InstalledPackage[] {
  const rootPackage = readPackage(root);
  const found = new Map<string, InstalledPackage>();
  const problems: Problem[] = [];
  const visit = (name: string, from: string, required: boolean) => {
    const folder = locate(name, from, root);
    if (!folder) {
      if (required) problems.push({ what: name, why: 'is a runtime dependency but is not installed' });
      return;
    }
    if (found.has(folder)) return;
    const pkg = readPackage(folder);
    found.set(folder, { name, version: pkg.version ?? '?', folder, licence: declaredLicence(pkg) });
    for (const child of Object.keys(pkg.dependencies ?? {})) visit(child, folder, true);
    for (const child of Object.keys(pkg.optionalDependencies ?? {})) visit(child, folder, false);
    for (const child of Object.keys(pkg.peerDependencies ?? {})) {
      visit(child, folder, !pkg.peerDependenciesMeta?.[child]?.optional);
    }
  };
  for (const name of Object.keys(rootPackage.dependencies ?? {})) visit(name, root, true);
  if (problems.length > 0) {
    throw new Error(problems.map((problem) => `${problem.what} ${problem.why}`).join('\n'));
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function checkDependencies(root: string): Problem[] {
  const problems: Problem[] = [];
  for (const pkg of productionTree(root)) {
    const label = `${pkg.name}@${pkg.version}`;
    if (pkg.licence) {
      const reviewedFont = REVIEWED_FONT_PACKAGES.has(pkg.name) && pkg.licence === 'OFL-1.1';
      if (!reviewedFont && !spdxAllowed(pkg.licence)) {
        problems.push({ what: label, why: `is licensed "${pkg.licence}", not compatible with Apache-2.0` });
      }
      continue;
    }
    const reviewed = REVIEWED_WITHOUT_FIELD[pkg.name];
    if (reviewed && licenceFileText(pkg.folder).startsWith(reviewed.fileStartsWith)) continue;
    problems.push({
      what: label,
      why: reviewed
        ? `no longer ships the ${reviewed.licence} licence text it was reviewed with`
        : 'declares no licence; check its licence file and add it to REVIEWED_WITHOUT_FIELD if permissive',
    });
  }
  return problems;
}

/** Where data lists live: every file under these folders is shipped data and needs a licence. */
export const DATA_FOLDERS = ['templates', 'prompts', 'knowledge', 'data'] as const;

export interface DataLicence {
  readonly licence: string;
  readonly source: string;
}

/**
 * `data-licences.json` maps a file or folder (ending in /) to its licence and where it comes from.
 * Every file under a data folder must be covered, every entry must exist, and a licence other than
 * the project's own must have its licence text beside the data.
 */
export function checkDataLists(root: string): Problem[] {
  const problems: Problem[] = [];
  const listFile = join(root, 'data-licences.json');
  if (!existsSync(listFile)) return [{ what: 'data-licences.json', why: 'is missing' }];
  const entries = JSON.parse(readFileSync(listFile, 'utf8')) as Record<string, DataLicence>;
  const covering = (path: string) =>
    Object.keys(entries)
      .filter((entry) => (entry.endsWith('/') ? path.startsWith(entry) : path === entry))
      .sort((a, b) => b.length - a.length)[0];

  for (const [entry, { licence, source }] of Object.entries(entries)) {
    // A folder may be listed before its first file lands; a listed file must exist.
    if (!entry.endsWith('/') && !existsSync(join(root, entry))) {
      problems.push({ what: entry, why: 'is listed but does not exist' });
    }
    if (!source?.trim()) problems.push({ what: entry, why: 'does not say where it comes from' });
    if (!spdxAllowed(licence ?? '')) {
      problems.push({ what: entry, why: `is licensed "${licence}", not compatible with Apache-2.0` });
    } else if (licence !== 'Apache-2.0') {
      const folder = join(root, entry.endsWith('/') ? entry : dirname(entry));
      if (licenceFileText(folder) === '') {
        problems.push({ what: entry, why: `is ${licence}: keep its licence text beside it` });
      }
    }
  }
  for (const folder of DATA_FOLDERS) {
    for (const file of filesUnder(join(root, folder))) {
      const path = relative(root, file).split(sep).join('/');
      if (!covering(path))
        problems.push({ what: path, why: 'is shipped data with no licence in data-licences.json' });
    }
  }
  return problems;
}

function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

export function checkProjectLicence(root: string): Problem[] {
  const problems: Problem[] = [];
  const pkg = readPackage(root);
  if (pkg.license !== 'Apache-2.0')
    problems.push({ what: 'package.json', why: 'must say "license": "Apache-2.0"' });
  const text = existsSync(join(root, 'LICENSE')) ? readFileSync(join(root, 'LICENSE'), 'utf8') : '';
  if (
    !/Apache License\s+Version 2\.0, January 2004/.test(text) ||
    !text.includes('END OF TERMS AND CONDITIONS')
  ) {
    problems.push({ what: 'LICENSE', why: 'must hold the full Apache License 2.0 text' });
  }
  return problems;
}

export function checkLicences(root: string): Problem[] {
  return [...checkProjectLicence(root), ...checkDependencies(root), ...checkDataLists(root)];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const problems = checkLicences(root);
  if (problems.length > 0) {
    console.error(`Licence check failed (the project is Apache-2.0):`);
    for (const problem of problems) console.error(`  - ${problem.what} ${problem.why}`);
    process.exit(1);
  }
  process.stdout.write(
    `Licences: ${productionTree(root).length} runtime packages and every data list are compatible with Apache-2.0.\n`,
  );
}
