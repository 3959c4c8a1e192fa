import { writeFileSync } from 'node:fs';
import { exportCsv } from '../exports/from-store.js';
import type { CliCommand } from './io.js';
import { openMaintenanceStore } from './maintenance-store.js';

export const EXPORT_USAGE = `Usage: npm run --silent cli -- export --role eap|hr --team TEAM_ID [--figures] [--out FILE]

  --role hr     HR's accommodation log: one row per request (received, acknowledged, decided,
                provided, deciding person, type asked for and provided, documentation, time
                limits missed and why). No reason, letter or free text.
  --role eap    One row per request of each employee who agreed to EAP tracking: status and dates.
  --figures     With --role eap: the EAP figures instead, small groups read "fewer than N".
  --team        The Slack workspace (team) id, e.g. T0123ABCD.
  --out FILE    Write there (readable by you only) instead of to stdout.
Reads the app's environment (.env too). Exit code 0, 1 if the store cannot be read, 2 for wrong usage.
`;

interface Options {
  role: 'eap' | 'hr';
  team: string;
  figures: boolean;
  out?: string;
}

function parse(args: readonly string[]): Options | string {
  let role: string | undefined;
  let team: string | undefined;
  let out: string | undefined;
  let figures = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--role') role = args[++i];
    else if (arg === '--team') team = args[++i];
    else if (arg === '--out') out = args[++i];
    else if (arg === '--figures') figures = true;
    else return `Unknown option ${JSON.stringify(arg)}.`;
  }
  if (role !== 'eap' && role !== 'hr') return 'Say whose export: --role eap or --role hr.';
  if (!team || !/^[TE][A-Z0-9]+$/.test(team)) return 'Name the workspace: --team T0123ABCD.';
  if (out === '') return 'Give --out a file name.';
  if (figures && role !== 'eap') return '--figures goes with --role eap.';
  return { role, team, figures, ...(out ? { out } : {}) };
}

export const run: CliCommand = async (args, io) => {
  const options = parse(args);
  if (typeof options === 'string') {
    io.stderr.write(`${options}\n\n${EXPORT_USAGE}`);
    return 2;
  }
  const opened = await openMaintenanceStore(io);
  if (!opened) return 1;
  const { store, config } = opened;
  try {
    const csv = await exportCsv(store, config, options, new Date());
    if (options.out) {
      writeFileSync(options.out, csv, { mode: 0o600 });
      io.stderr.write(`Wrote ${options.out}.\n`);
    } else io.stdout.write(csv);
    return 0;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.stderr.write(
      `Could not export${code ? ` (${code})` : ''}: check REDIS_URL, KEYSTORE_URL and that Redis is running.\n`,
    );
    return 1;
  } finally {
    await store.close();
  }
};
