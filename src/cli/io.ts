import type { Readable, Writable } from 'node:stream';

/** The streams a CLI command talks through; tests pass their own. */
export interface CliIO {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
}

export type CliCommand = (args: string[], io: CliIO) => Promise<number>;

export const processIO: CliIO = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
