import { writeFileSync } from 'node:fs';
import { exportCsv } from '../exports/from-store.js';
import { lifecyclePolicy } from '../workflows/lifecycle-policy.js';
import { exportPersonRecord } from '../workflows/person-record.js';
import type { CliCommand } from './io.js';
import { openMaintenanceStore } from './maintenance-store.js';

export const EXPORT_USAGE = `Usage: npm run --silent cli -- export --role eap|hr --team TEAM_ID [--figures] [--out FILE]
       npm run --silent cli -- export --employee USER_ID --team TEAM_ID --out FILE

  --employee    A person's whole record, decrypted, for a data-subject request: every request with
                all the words in it, its audit trail, the draft and chat as stored, the profile.
                JSON to FILE only (readable by you only), and each request's audit trail records it.

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

interface PersonOptions {
  employee: string;
  team: string;
  out: string;
}

function parse(args: readonly string[]): Options | PersonOptions | string {
  let role: string | undefined;
  let employee: string | undefined;
  let team: string | undefined;
  let out: string | undefined;
  let figures = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--role') role = args[++i];
    else if (arg === '--team') team = args[++i];
    else if (arg === '--out') out = args[++i];
    else if (arg === '--figures') figures = true;
    else if (arg === '--employee') employee = args[++i];
    else return `Unknown option ${JSON.stringify(arg)}.`;
  }
  if (employee !== undefined) {
    if (!/^[UW][A-Z0-9]+$/.test(employee))
      return 'Name the person by their Slack user id: --employee U0123ABCD.';
    if (role !== undefined || figures) return '--employee goes without --role and --figures.';
    if (!team || !/^[TE][A-Z0-9]+$/.test(team)) return 'Name the workspace: --team T0123ABCD.';
    // The whole record holds everything the person wrote: it goes to a file, never to a terminal.
    if (!out) return "Give --out FILE: a person's whole record is written to a file only.";
    return { employee, team, out };
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
    if ('employee' in options) {
      const record = await exportPersonRecord(
        store,
        options.team,
        options.employee,
        new Date(),
        lifecyclePolicy(config),
      );
      writeFileSync(options.out, `${JSON.stringify(record, null, 2)}\n`, { mode: 0o600 });
      io.stderr.write(
        `Wrote ${options.out}: ${record.requests.length} request(s), each export recorded on its audit trail.\n`,
      );
      return 0;
    }
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
