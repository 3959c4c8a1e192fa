import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/privacy-scan.js';

interface Result {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout, one parsed JSON object per line */
  lines: Array<Record<string, unknown>>;
}

async function scan(input: Buffer | string, args = ['scan']): Promise<Result> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk));
  stderr.on('data', (chunk: Buffer) => err.push(chunk));
  // Feed the input in small pieces so lines are split across chunks, as with a real pipe.
  const bytes = Buffer.from(input);
  for (let at = 0; at < bytes.length; at += 7) stdin.write(bytes.subarray(at, at + 7));
  stdin.end();
  const code = await run(args, { stdin, stdout, stderr });
  const text = Buffer.concat(out).toString('utf8');
  return {
    code,
    stdout: text,
    stderr: Buffer.concat(err).toString('utf8'),
    get lines() {
      return text === ''
        ? []
        : text
            .trimEnd()
            .split('\n')
            .map((line) => JSON.parse(line));
    },
  };
}

describe('privacy scan', () => {
  it('writes one JSON result per line, with the redacted text and spans', async () => {
    const result = await scan('my IOP group is at 9\ncan we move standup?\n');
    expect(result.code).toBe(0);
    expect(result.lines).toEqual([
      {
        clinical: true,
        crisis: false,
        redacted: 'my [health detail 1] is at 9',
        spans: [{ start: 3, end: 12, category: 'treatment' }],
      },
      { clinical: false, crisis: false, redacted: 'can we move standup?', spans: [] },
    ]);
  });

  it('says on every line whether it is crisis language, in English and Spanish', async () => {
    const result = await scan('ngl I want to kms\ntengo ganas de morir\nthis deadline is killing me\n');
    expect(result.code).toBe(0);
    expect(result.lines.map((line) => line.crisis)).toEqual([true, true, false]);
  });

  it('handles CRLF line endings, a last line without a newline and empty lines', async () => {
    const result = await scan('on Zoloft\r\n\r\nmy sponsor');
    expect(result.code).toBe(0);
    expect(result.lines.map((line) => line.redacted)).toEqual([
      'on [health detail 1]',
      '',
      'my [health detail 1]',
    ]);
  });

  it('writes nothing for empty input', async () => {
    const result = await scan('');
    expect([result.code, result.stdout, result.stderr]).toEqual([0, '', '']);
  });

  it('reports bad lines with a clear error, never quoting them, and carries on', async () => {
    const input = Buffer.concat([
      Buffer.from('fine line\n'),
      Buffer.from('secret Suboxone\u0000binary\n'),
      Buffer.from([0x73, 0x65, 0x63, 0xff, 0xfe, 0x0a]), // "sec" then bytes that are not UTF-8
      Buffer.from('Suboxone \u0007 bell\n'),
      Buffer.from(`${'x'.repeat(10_001)}\n`),
      Buffer.from(`${'y'.repeat(100_000)}\n`),
      Buffer.from(`${'é'.repeat(10_000)}\n`), // 10,000 characters, 20,000 bytes: allowed
      Buffer.from('my therapist\n'),
    ]);
    const result = await scan(input);
    expect(result.code).toBe(1);
    expect(result.lines).toHaveLength(8);
    expect(result.lines[0]).toMatchObject({ clinical: false });
    expect(result.lines[1]).toEqual({
      error: 'line 2: NUL byte at character 16, so this looks like binary data; send plain text',
    });
    expect(result.lines[2]).toEqual({
      error: 'line 3: not valid UTF-8 (byte 4 of the line is 0xff); send plain UTF-8 text',
    });
    expect(result.lines[3]).toEqual({
      error: 'line 4: control character U+0007 at character 10; remove it and try again',
    });
    expect(result.lines[4]).toEqual({
      error: 'line 5: 10,001 characters, over the limit of 10,000 per line; split it into shorter lines',
    });
    expect(result.lines[5]).toEqual({
      error: 'line 6: over 10,000 characters (100,000 bytes); split it into shorter lines',
    });
    expect(result.lines[6]).toMatchObject({ clinical: false });
    expect(result.lines[7]).toMatchObject({ clinical: true, redacted: 'my [health detail 1]' });
    expect(JSON.stringify(result.lines)).not.toContain('Suboxone');
  });

  it('allows tabs and a byte-order mark at the start', async () => {
    const result = await scan('\ufeffmeds:\tLexapro\n');
    expect(result.lines).toEqual([
      {
        clinical: true,
        crisis: false,
        redacted: 'meds:\t[health detail 1]',
        spans: [{ start: 6, end: 13, category: 'medication' }],
      },
    ]);
  });

  it('explains its usage when called wrongly', async () => {
    const result = await scan('', []);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: npm run --silent cli -- privacy scan');
    const help = await scan('', ['scan', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('one JSON object per line');
  });
});
