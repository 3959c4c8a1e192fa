import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  checkDataLists,
  checkDependencies,
  checkLicences,
  productionTree,
  spdxAllowed,
} from '../../scripts/check-licences.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const temporary: string[] = [];
afterEach(() => {
  for (const folder of temporary.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A project folder with an installed tree: `packages` maps node_modules paths to package.json. */
function project(
  dependencies: string[],
  packages: Record<string, object>,
  files: Record<string, string> = {},
) {
  const folder = mkdtempSync(join(tmpdir(), 'licences-'));
  temporary.push(folder);
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  };
  write(
    'package.json',
    JSON.stringify({ name: 'p', dependencies: Object.fromEntries(dependencies.map((d) => [d, '*'])) }),
  );
  for (const [path, pkg] of Object.entries(packages)) write(`${path}/package.json`, JSON.stringify(pkg));
  for (const [path, text] of Object.entries(files)) write(path, text);
  return folder;
}

describe('the project’s own licence', () => {
  it('is Apache-2.0, in full, and every runtime dependency and data list fits it', () => {
    expect(checkLicences(root)).toEqual([]);
    expect(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).license).toBe('Apache-2.0');
    expect(readFileSync(join(root, 'LICENSE'), 'utf8')).toContain('END OF TERMS AND CONDITIONS');
  });

  it('npm test runs the licence check', () => {
    const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts;
    expect(scripts.test).toContain('npm run licences');
    expect(scripts.licences).toContain('scripts/check-licences.ts');
  });

  it('walks the installed production tree, not the dev tools', () => {
    const names = productionTree(root).map((pkg) => pkg.name);
    expect(names).toEqual(expect.arrayContaining(['@slack/bolt', 'ioredis', 'zod', 'handlebars', 'pino']));
    expect(names).not.toContain('vitest');
    expect(names).not.toContain('typescript');
  });
});

describe('SPDX expressions', () => {
  it.each([
    ['MIT', true],
    ['(MIT OR GPL-3.0-or-later)', true],
    ['(MIT AND Zlib)', true],
    ['Apache-2.0 WITH LLVM-exception', true],
    ['GPL-3.0-only', false],
    ['(MIT AND GPL-2.0)', false],
    ['AGPL-3.0 OR SSPL-1.0', false],
    ['UNLICENSED', false],
    ['SEE LICENSE IN LICENSE.txt', false],
    ['(MIT', false],
  ])('%s -> %s', (expression, allowed) => {
    expect(spdxAllowed(expression)).toBe(allowed);
  });
});

describe('fonts under the SIL Open Font License', () => {
  it('pass only for the font packages reviewed by name', () => {
    const folder = project(['@embedpdf/fonts-latin', 'other-font'], {
      'node_modules/@embedpdf/fonts-latin': {
        name: '@embedpdf/fonts-latin',
        version: '1.0.0',
        license: 'OFL-1.1',
      },
      'node_modules/other-font': { name: 'other-font', version: '1.0.0', license: 'OFL-1.1' },
    });
    expect(checkDependencies(folder).map((p) => p.what)).toEqual(['other-font@1.0.0']);
  });
});

describe('a dependency under an incompatible licence', () => {
  it('fails with the package named, however deep it sits in the tree', () => {
    const folder = project(['a'], {
      'node_modules/a': { name: 'a', version: '1.0.0', license: 'MIT', dependencies: { b: '*' } },
      'node_modules/a/node_modules/b': { name: 'b', version: '2.0.0', license: 'GPL-3.0-only' },
      'node_modules/unused': { name: 'unused', version: '1.0.0', license: 'AGPL-3.0' },
    });
    const problems = checkDependencies(folder);
    expect(problems.map((p) => `${p.what} ${p.why}`)).toEqual([
      'b@2.0.0 is licensed "GPL-3.0-only", not compatible with Apache-2.0',
    ]);
  });

  it('fails on a package that declares no licence at all', () => {
    const folder = project(['mystery'], { 'node_modules/mystery': { name: 'mystery', version: '0.1.0' } });
    expect(checkDependencies(folder).map((p) => p.what)).toEqual(['mystery@0.1.0']);
  });

  it('reads the old `licenses` array too', () => {
    const folder = project(['old'], {
      'node_modules/old': { name: 'old', version: '1.0.0', licenses: [{ type: 'MIT' }] },
    });
    expect(checkDependencies(folder)).toEqual([]);
  });
});

describe('shipped data lists', () => {
  it('need an entry in data-licences.json with a compatible licence', () => {
    const folder = project(
      [],
      {},
      {
        'data-licences.json': JSON.stringify({
          'templates/': { licence: 'Apache-2.0', source: 'ours' },
          'data/words.txt': { licence: 'GPL-2.0-only', source: 'a word list' },
        }),
        'templates/us/request.hbs': 'Dear HR',
        'data/words.txt': 'apple',
        'prompts/system.txt': 'You help',
      },
    );
    expect(checkDataLists(folder).map((p) => `${p.what} ${p.why}`)).toEqual([
      'data/words.txt is licensed "GPL-2.0-only", not compatible with Apache-2.0',
      'prompts/system.txt is shipped data with no licence in data-licences.json',
    ]);
  });

  it('a third-party list keeps its licence text beside it', () => {
    const entries = { 'data/words/': { licence: 'MIT', source: 'a public word list' } };
    const without = project(
      [],
      {},
      {
        'data-licences.json': JSON.stringify(entries),
        'data/words/list.txt': 'apple',
      },
    );
    expect(checkDataLists(without).map((p) => p.why)).toEqual(['is MIT: keep its licence text beside it']);
    const withText = project(
      [],
      {},
      {
        'data-licences.json': JSON.stringify(entries),
        'data/words/list.txt': 'apple',
        'data/words/LICENSE': 'MIT License',
      },
    );
    expect(checkDataLists(withText)).toEqual([]);
  });
});
