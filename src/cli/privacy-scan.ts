import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { redactClinical } from '../privacy/clinical/index.js';
import { detectCrisis } from '../privacy/crisis.js';
import type { CliIO } from './io.js';
import { runStats, STATS_USAGE } from './privacy-stats.js';

const MAX_CHARS = 10_000;
// A UTF-8 character is at most 4 bytes, so a line longer than this is over the limit for sure; past
// it the line is only counted, never kept, so one huge line cannot exhaust memory.
const MAX_BYTES = MAX_CHARS * 4;

const USAGE = `Usage: npm run --silent cli -- privacy scan < lines.txt

Reads text lines on standard input and writes one JSON object per line:
  {"clinical": true|false, "crisis": true|false, "redacted": "...", "spans": [{"start": 0, "end": 5, "category": "..."}]}
"crisis" is true when the line has crisis language (the app answers it with a crisis line).
Email and web addresses are listed in "spans" as category "contact" (they are never released).
"spans" are positions in the line (JavaScript string offsets, end exclusive).
A line that is not plain UTF-8 text, or is over ${MAX_CHARS.toLocaleString('en-US')} characters, gets
{"error": "line N: ..."} instead, and the scan goes on. Exit code 0 if every line was scanned, 1 if any
line had an error, 2 for wrong usage.
`;

interface RawLine {
  /** The line's bytes without the newline, or null when it was too long to keep. */
  bytes: Buffer | null;
  byteLength: number;
}

/** Splits a byte stream on "\n", keeping at most MAX_BYTES of any one line. */
async function* rawLines(input: Readable): AsyncGenerator<RawLine> {
  let parts: Buffer[] = [];
  let byteLength = 0;
  const take = (piece: Buffer): void => {
    byteLength += piece.length;
    if (byteLength <= MAX_BYTES) parts.push(piece);
    else parts = [];
  };
  const finish = (): RawLine => {
    const line = { bytes: byteLength <= MAX_BYTES ? Buffer.concat(parts) : null, byteLength };
    parts = [];
    byteLength = 0;
    return line;
  };
  for await (const chunk of input) {
    const buffer: Buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let from = 0;
    for (let newline = buffer.indexOf(10, from); newline >= 0; newline = buffer.indexOf(10, from)) {
      take(buffer.subarray(from, newline));
      yield finish();
      from = newline + 1;
    }
    if (from < buffer.length) take(buffer.subarray(from));
  }
  // A last line without a newline still counts; an input ending in "\n" has no extra empty line.
  if (byteLength > 0) yield finish();
}

/** Offset of the first byte that breaks UTF-8, or -1 when the bytes are valid UTF-8. */
function firstInvalidUtf8Byte(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    let size: number;
    let min: number;
    if (lead < 0x80) {
      i++;
      continue;
    } else if (lead >= 0xc2 && lead <= 0xdf) {
      size = 2;
      min = 0x80;
    } else if (lead >= 0xe0 && lead <= 0xef) {
      size = 3;
      min = 0x800;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      size = 4;
      min = 0x10000;
    } else {
      return i;
    }
    let codePoint = lead & (0xff >> (size + 1));
    for (let k = 1; k < size; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    // overlong forms, UTF-16 surrogates and values past U+10FFFF are not valid UTF-8
    if (codePoint < min || (codePoint >= 0xd800 && codePoint <= 0xdfff) || codePoint > 0x10ffff) return i;
    i += size;
  }
  return -1;
}

// Tab is fine in text; other C0 controls, DEL and C1 controls mean this is not plain text.
function isControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09) || (code >= 0x7f && code <= 0x9f);
}

function hex(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** What is wrong with a line, phrased for the person running the scan (never quoting the line). */
function problem(text: string): string | null {
  let column = 0;
  for (const char of text) {
    column++;
    const code = char.codePointAt(0) ?? 0;
    if (code === 0) return `NUL byte at character ${column}, so this looks like binary data; send plain text`;
    if (isControl(code))
      return `control character ${hex(code)} at character ${column}; remove it and try again`;
  }
  if (column > MAX_CHARS) {
    return `${column.toLocaleString('en-US')} characters, over the limit of ${MAX_CHARS.toLocaleString('en-US')} per line; split it into shorter lines`;
  }
  return null;
}

function decode(raw: RawLine, lineNumber: number): { text: string } | { error: string } {
  if (raw.bytes === null) {
    return {
      error: `line ${lineNumber}: over ${MAX_CHARS.toLocaleString('en-US')} characters (${raw.byteLength.toLocaleString('en-US')} bytes); split it into shorter lines`,
    };
  }
  let bytes = raw.bytes;
  if (bytes[bytes.length - 1] === 13) bytes = bytes.subarray(0, -1); // CRLF line endings
  if (lineNumber === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    bytes = bytes.subarray(3); // BOM
  const invalid = firstInvalidUtf8Byte(bytes);
  if (invalid >= 0) {
    return {
      error: `line ${lineNumber}: not valid UTF-8 (byte ${invalid + 1} of the line is 0x${(bytes[invalid] ?? 0).toString(16).padStart(2, '0')}); send plain UTF-8 text`,
    };
  }
  const text = bytes.toString('utf8');
  const issue = problem(text);
  return issue ? { error: `line ${lineNumber}: ${issue}` } : { text };
}

async function write(output: Writable, line: string): Promise<void> {
  if (!output.write(line)) await once(output, 'drain');
}

/**
 * `privacy scan`: the clinical-detail detector on stdin, one JSON result per line. Needs no
 * environment. `privacy stats`: how many outbound calls the guard held back (privacy-stats.ts).
 */
export async function run(args: string[], io: CliIO): Promise<number> {
  if (args[0] === '--help' || args[0] === 'help' || (args[0] === 'scan' && args[1] === '--help')) {
    io.stdout.write(`${USAGE}\n${STATS_USAGE}`);
    return 0;
  }
  if (args[0] === 'stats') return runStats(args.slice(1), io);
  if (args[0] !== 'scan' || args.length > 1) {
    const what =
      args[0] === 'scan'
        ? 'privacy scan takes no options.'
        : 'The privacy command has two tasks: scan and stats.';
    io.stderr.write(`${what}\n\n${USAGE}`);
    return 2;
  }
  let lineNumber = 0;
  let anyError = false;
  try {
    for await (const raw of rawLines(io.stdin)) {
      lineNumber++;
      const decoded = decode(raw, lineNumber);
      if ('error' in decoded) {
        anyError = true;
        await write(io.stdout, `${JSON.stringify({ error: decoded.error })}\n`);
        continue;
      }
      // Addresses are shown (category "contact") and redacted, but only health details make a line clinical.
      const { text, spans } = redactClinical(decoded.text, { addresses: true });
      const clinical = spans.some((span) => span.category !== 'contact');
      const crisis = detectCrisis(decoded.text);
      await write(io.stdout, `${JSON.stringify({ clinical, crisis, redacted: text, spans })}\n`);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.stderr.write(`Could not read standard input${code ? ` (${code})` : ''} after line ${lineNumber}.\n`);
    return 1;
  }
  return anyError ? 1 : 0;
}
