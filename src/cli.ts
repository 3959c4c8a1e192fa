import { type CliCommand, processIO } from './cli/io.js';

/**
 * One command line for the project. Each command lives in its own module and is loaded only when
 * asked for, so `privacy scan` and `letter` start fast and need no environment.
 */
const commands: Record<string, { summary: string; load: () => Promise<CliCommand> }> = {
  demo: {
    summary: 'run the app against a local Slack (interactive, or --script FILE --record OUT.jsonl)',
    load: async () => (await import('./cli/demo.js')).run,
  },
  export: {
    summary: 'CSV for HR (accommodation log) or EAP (consenting rows, or --figures): --role eap|hr --team T',
    load: async () => (await import('./cli/export.js')).run,
  },
  letter: {
    summary: 'render a letter from a JSON data file',
    load: async () => (await import('./cli/letter.js')).run,
  },
  migrate: {
    summary: 'one-off: data keys to the key store, old-format records rewritten sealed',
    load: async () => (await import('./cli/migrate.js')).run,
  },
  outbox: {
    summary: "the outbox's dead letters: list, or retry ID",
    load: async () => (await import('./cli/outbox.js')).run,
  },
  'rotate-keys': {
    summary: 'rewrap every data key under the newest master key; counts per key id',
    load: async () => (await import('./cli/rotate-keys.js')).run,
  },
  privacy: {
    summary: 'privacy scan: lines on stdin, JSON per line; privacy stats: calls held back',
    load: async () => (await import('./cli/privacy-scan.js')).run,
  },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, { summary }]) => `  ${name.padEnd(16)}${summary}`);
  return ['Usage: npm run cli -- <command> [options]', '', 'Commands:', ...lines, ''].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help') {
    processIO.stdout.write(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    processIO.stderr.write(`Unknown command "${name}".\n\n${usage()}`);
    return 2;
  }
  const run = await command.load();
  return run(rest, processIO);
}

process.exitCode = await main(process.argv.slice(2));
