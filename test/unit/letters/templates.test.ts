import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { composeLetter, loadLetterTemplates, TemplateCompileError } from '../../../src/letters/index.js';
import { fixture } from './support/fixtures.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** An organisation's TEMPLATES_DIR holding the given files. */
function overrideDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'letters-'));
  dirs.push(dir);
  for (const [path, source] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), source);
  }
  return dir;
}

async function loadError(files: Record<string, string>): Promise<TemplateCompileError> {
  const dir = overrideDir(files);
  const error = await loadLetterTemplates({ overrideDir: dir }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TemplateCompileError);
  return error as TemplateCompileError;
}

describe('templates compile once at start, and a broken one stops start-up by name and line', () => {
  it('a syntax error names the file and the line', async () => {
    const error = await loadError({
      'us/approval.hbs': '# Title\n\nDear {{employee.name}},\n\n{{#if manager}}\nunclosed\n',
    });
    expect(error.file).toMatch(/us\/approval\.hbs$/);
    expect(error.message).toMatch(/^Letter template .*us\/approval\.hbs line \d+: Parse error/);
    expect(error.line).toBe(7);
  });

  it('a helper outside the known set names the file and the line', async () => {
    const error = await loadError({ 'uk/denial.hbs': '# Title\n\nline two\n{{shout employee.name}}\n' });
    expect(error.message).toMatch(/uk\/denial\.hbs line 4: .*unknown helper shout/);
  });

  it('a partial that does not exist names the file and the line', async () => {
    const error = await loadError({ 'partials/to-hr.hbs': 'Dear\n{{> nowhere}}\n' });
    expect(error.message).toMatch(
      /partials\/to-hr\.hbs line 2: uses the partial "nowhere", which does not exist/,
    );
  });

  it('a misspelt file name is reported rather than silently ignored', async () => {
    const error = await loadError({ 'us/aproval.hbs': '# Title\n' });
    expect(error.message).toMatch(/us\/aproval\.hbs: is not a letter kind or a partial/);
  });

  it('a missing kind is reported', async () => {
    const empty = overrideDir({});
    const error = await loadLetterTemplates({ builtInDir: empty }).catch((e: unknown) => e);
    expect(String(error)).toMatch(/us\/request\.hbs: is missing/);
  });
});

describe("an organisation's templates", () => {
  it('replace the built-in template at the same path, for that jurisdiction only', async () => {
    const dir = overrideDir({
      'us/status_inquiry.hbs':
        '# Checking in\n\nHi {{#if hr.name}}{{hr.name}}{{/if}}, any news on {{reference}}?\n',
    });
    const templates = await loadLetterTemplates({ overrideDir: dir });
    const us = composeLetter('status_inquiry', fixture('status_inquiry'), { jurisdiction: 'us', templates });
    expect(us.text).toBe('Checking in\n\nHi Jordan Lee, any news on ACC-2026-0042?\n');
    const uk = composeLetter('status_inquiry', fixture('status_inquiry', 'uk'), {
      jurisdiction: 'uk',
      templates,
    });
    expect(uk.text).toContain('Following up on my request for reasonable adjustments');
  });

  it('can replace a shared partial, which every jurisdiction then uses', async () => {
    const dir = overrideDir({ 'partials/employee-signoff.hbs': 'With thanks,\n\n{{employee.name}}\n' });
    const templates = await loadLetterTemplates({ overrideDir: dir });
    for (const jurisdiction of ['us', 'uk', 'ca'] as const) {
      const { text } = composeLetter('request', fixture('request', jurisdiction), {
        jurisdiction,
        templates,
      });
      expect(text.endsWith('With thanks,\n\nSam Rivera\n')).toBe(true);
    }
  });

  it('a field the data does not have fails loudly (strict mode), not as a blank', async () => {
    const dir = overrideDir({ 'us/approval.hbs': '# Title\n\n{{employee.nickname}}\n' });
    const templates = await loadLetterTemplates({ overrideDir: dir });
    expect(() => composeLetter('approval', fixture('approval'), { jurisdiction: 'us', templates })).toThrow(
      /"nickname" not defined/,
    );
  });

  it('company name, signature block and policy link come from the data', async () => {
    const templates = await loadLetterTemplates();
    const data = {
      ...fixture('approval'),
      org: {
        companyName: 'Acme Ltd',
        signatureBlock: ['Acme People Team', 'people@acme.example'],
        policyUrl: 'https://acme.example/p',
      },
      hr: {},
    };
    const { text } = composeLetter('approval', data, { jurisdiction: 'us', templates });
    expect(text).toContain('Our accommodation policy is at https://acme.example/p.');
    expect(text.endsWith('Kind regards,\n\nAcme People Team\npeople@acme.example\n')).toBe(true);
    const plain = composeLetter(
      'approval',
      { ...data, org: { companyName: 'Acme Ltd' } },
      { jurisdiction: 'us', templates },
    );
    expect(plain.text.endsWith('Kind regards,\n\nHuman Resources, Acme Ltd\n')).toBe(true);
    expect(plain.text).not.toContain('policy is at');
  });
});
