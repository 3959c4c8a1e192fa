import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixturePath } from './support/fixtures.js';
import { readZipEntry } from './support/zip.js';

const root = new URL('../../../', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'letter-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The real command line, with an environment that has nothing in it the app could need. */
function letter(...args: string[]) {
  const result = spawnSync('npx', ['tsx', 'src/cli.ts', 'letter', ...args], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
    encoding: 'buffer',
  });
  return {
    code: result.status,
    stdout: result.stdout,
    out: result.stdout.toString('utf8'),
    err: withoutNpmNotices(result.stderr.toString('utf8')),
  };
}

/** npm's own notices about the machine's npm config are not the command's output. */
function withoutNpmNotices(text: string): string {
  return text
    .split(/(?<=\n)/)
    .filter((line) => !line.startsWith('npm warn'))
    .join('');
}

// Each case starts the real command line (tsx and all), which takes seconds on a busy machine.
describe('npm run cli -- letter', { timeout: 120_000 }, () => {
  it('prints a text letter with no environment at all', () => {
    const { code, out, err } = letter(
      '--kind',
      'request',
      '--data',
      fixturePath('request', 'uk'),
      '--jurisdiction',
      'uk',
    );
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(
      /^Request for reasonable adjustments to my working hours\n\nMonday 14 December 2026\n/,
    );
  });

  it('writes a PDF or DOCX to --out', () => {
    const pdfPath = join(work, 'approval.pdf');
    const pdf = letter(
      '--kind',
      'approval',
      '--data',
      fixturePath('approval'),
      '--format',
      'pdf',
      '--out',
      pdfPath,
    );
    expect(pdf.code).toBe(0);
    expect(pdf.err).toBe(`Wrote the us approval letter (pdf) to ${pdfPath}\n`);
    expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');

    const docx = letter(
      '--kind',
      'denial',
      '--data',
      fixturePath('denial', 'ca'),
      '--jurisdiction',
      'ca',
      '--format',
      'docx',
    );
    expect(docx.code).toBe(0);
    expect(readZipEntry(docx.stdout, 'word/document.xml')?.toString()).toContain(
      'Decision on your accommodation request',
    );
  });

  it('lists every bad field with what is expected, and exits 1', () => {
    const data = JSON.parse(readFileSync(fixturePath('request'), 'utf8'));
    data.schedule.days = ['mon', 'someday'];
    data.schedule.sessionEnd = '25:00';
    delete data.employee;
    data.date = 'next week';
    const path = join(work, 'bad.json');
    writeFileSync(path, JSON.stringify(data));
    const { code, out, err } = letter('--kind', 'request', '--data', path);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toBe(
      `${path} is not valid request letter data (4 problems):\n` +
        '  - date: expected a date as YYYY-MM-DD\n' +
        '  - employee: expected an object (missing)\n' +
        '  - schedule.days[1]: expected one of "mon", "tue", "wed", "thu", "fri", "sat", "sun"\n' +
        '  - schedule.sessionEnd: expected a time as HH:mm (24-hour)\n',
    );
  });

  it('names the kinds when the kind is unknown', () => {
    const { code, err } = letter('--kind', 'thank_you', '--data', fixturePath('request'));
    expect(code).toBe(2);
    expect(err).toContain(
      'There is no letter kind "thank_you". The kinds are:\n  request\n  provider_verification\n',
    );
    expect(err).toContain('  extension_request\n');
  });

  it('says what is wrong with a file that is not JSON, without quoting it', () => {
    const path = join(work, 'broken.json');
    writeFileSync(path, '{"reasonStatement": "private words",');
    const { code, err } = letter('--kind', 'request', '--data', path);
    expect(code).toBe(1);
    expect(err).toBe(`${path} is not valid JSON. Check for a missing comma, quote or brace.\n`);
  });

  it('uses an organisation template directory', () => {
    const dir = mkdtempSync(join(work, 'templates-'));
    mkdirSync(join(dir, 'us'));
    writeFileSync(join(dir, 'us', 'status_inquiry.hbs'), '# Any news?\n\nChecking on {{reference}}.\n');
    const { code, out } = letter(
      '--kind',
      'status_inquiry',
      '--data',
      fixturePath('status_inquiry'),
      '--templates',
      dir,
    );
    expect(code).toBe(0);
    expect(out).toBe('Any news?\n\nChecking on ACC-2026-0042.\n');
  });
});
