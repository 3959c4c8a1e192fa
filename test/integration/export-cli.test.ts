import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { AccommodationRequest } from '../../src/domain/request.js';
import { createStore, type SealedStore } from '../../src/store/index.js';
import { canary, pathTo, walk } from '../unit/domain/lifecycle/fixtures.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const TEAM = 'TEXPORT1';
const env = {
  SLACK_BOT_TOKEN: 'xoxb-123-456-exporttest',
  SLACK_SIGNING_SECRET: 'export-test-signing-secret',
  VAULT_MASTER_KEYS: `k1:${randomBytes(32).toString('base64')}`,
  HR_USER_IDS: 'UHR',
  REDIS_URL: inject('redisUrl'),
  KEYSTORE_URL: inject('keystoreUrl'),
  PSEUDONYM_KEY: randomBytes(32).toString('base64'),
  REDIS_KEY_PREFIX: `export${process.pid}`,
};

/** `npm run --silent cli -- export ...` as an operator runs it, from a folder with no .env. */
function cli(...args: string[]) {
  const cwd = mkdtempSync(join(tmpdir(), 'export-'));
  const run = spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'src/cli.ts'), 'export', ...args], {
    cwd,
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, cwd };
}

describe('npm run cli -- export, against the app’s Redis', () => {
  let store: SealedStore;
  const seeded: AccommodationRequest[] = [];

  beforeAll(async () => {
    const config = loadConfig(env, { requireRedis: true });
    store = createStore({
      kind: 'redis',
      url: config.redisUrl ?? '',
      keyStoreUrl: config.keyStoreUrl ?? '',
      pseudonymKey: config.pseudonymKey ?? Buffer.alloc(0),
      keyPrefix: config.redisKeyPrefix,
      vault: { masterKeys: config.vaultMasterKeys, dataKeyCacheMs: 0 },
    });
    const sent = walk(pathTo.submitted).request;
    const approved = walk(pathTo.approved).request;
    const records = [
      ...Array.from({ length: 11 }, (_, i) => ({
        ...sent,
        id: `ACC-2026-${7100 + i}`,
        employeeId: `USENT${i}`,
        released: ['reasonOwnWords', 'coveragePlan'] as AccommodationRequest['released'],
        disclosure: { ...sent.disclosure, eapMayTrackStatus: false },
      })),
      {
        ...approved,
        id: 'ACC-2026-7200',
        employeeId: 'UAGREED',
        disclosure: { ...approved.disclosure, eapMayTrackStatus: true },
      },
    ];
    for (const record of records) {
      const request = { ...record, teamId: TEAM, version: 0 };
      await store.requests.commit({
        request,
        audit: {
          at: request.updatedAt,
          actorRole: 'employee',
          actorId: request.employeeId,
          action: 'submit',
        },
        effects: [],
      });
      seeded.push(request);
    }
  }, 60_000);
  afterAll(async () => {
    await store?.close();
  });

  it('--role hr: one row per request, the log’s columns, no free text', () => {
    const run = cli('--role', 'hr', '--team', TEAM);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const rows = parse(run.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.reference).sort()).toEqual(seeded.map((r) => r.id).sort());
    expect(rows.find((r) => r.reference === 'ACC-2026-7200')).toMatchObject({
      status: 'approved',
      'deciding person': 'U_HR1',
      'provided from': '2026-03-16',
    });
    for (const word of Object.values(canary)) expect(run.stdout).not.toContain(word);
  });

  it('--role eap: only the employee who agreed, and no words of anyone', () => {
    const run = cli('--role', 'eap', '--team', TEAM);
    expect(run.code).toBe(0);
    const rows = parse(run.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.reference)).toEqual(['ACC-2026-7200']);
    for (const record of seeded.slice(0, 11)) expect(run.stdout).not.toContain(record.employeeId);
    for (const word of Object.values(canary)) expect(run.stdout).not.toContain(word);
  });

  it('--role eap --figures --out: the figures with small groups hidden, in a file only its owner reads', () => {
    const run = cli('--role', 'eap', '--team', TEAM, '--figures', '--out', 'figures.csv');
    expect(run.code).toBe(0);
    const file = join(run.cwd, 'figures.csv');
    expect(statSync(file).mode & 0o077).toBe(0);
    const rows = parse(readFileSync(file, 'utf8'), { columns: true }) as Record<string, string>[];
    const value = (figure: string) => rows.find((r) => r.figure === figure)?.value;
    expect(value('open requests')).toBe('12');
    // 1 approved would be 12 less the 11 sent: both are hidden.
    expect(value('open: approved')).toBe('fewer than 11');
    expect(value('open: submitted')).toBe('fewer than 11');
  });

  it('refuses a missing role or team with what to type, before touching the store', () => {
    const run = cli('--role', 'manager', '--team', TEAM);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Say whose export: --role eap or --role hr.');
    expect(cli('--role', 'hr').stderr).toContain('Name the workspace: --team T0123ABCD.');
  });

  it('--employee: the person’s whole record, decrypted, to a file only its owner reads, and on each audit trail', async () => {
    const person = seeded.find((record) => record.employeeId === 'UAGREED');
    if (!person) throw new Error('the fixture seeds UAGREED');
    const before = await store.audit.list(TEAM, person.id);
    const run = cli('--employee', 'UAGREED', '--team', TEAM, '--out', 'record.json');
    expect(run.stderr).toContain('1 request(s), each export recorded on its audit trail');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    const file = join(run.cwd, 'record.json');
    expect(statSync(file).mode & 0o077).toBe(0);
    const record = JSON.parse(readFileSync(file, 'utf8')) as {
      employeeId: string;
      requests: { request: AccommodationRequest; audit: { action: string; actorRole: string }[] }[];
    };
    expect(record.employeeId).toBe('UAGREED');
    expect(record.requests.map((entry) => entry.request.id)).toEqual([person.id]);
    // Decrypted: the person's own words, the private note included, as they are stored.
    expect(record.requests[0]?.request.sensitive.privateNote).toBe(canary.privateNote);
    expect(readFileSync(file, 'utf8')).toContain(canary.reasonOwnWords);
    // Nobody else's record is in it.
    for (const other of seeded.filter((r) => r.employeeId !== 'UAGREED'))
      expect(readFileSync(file, 'utf8')).not.toContain(other.employeeId);
    // The export is on the trail, written through decide as the system's, and in the file too.
    const after = await store.audit.list(TEAM, person.id);
    expect(after.length).toBe(before.length + 1);
    expect(after.at(-1)).toMatchObject({ action: 'record_export', actorRole: 'system' });
    expect(record.requests[0]?.audit.at(-1)).toMatchObject({ action: 'record_export' });
    expect((await store.requests.get(TEAM, person.id))?.status).toBe(person.status);
  });

  it('--employee writes to a file only, and says what to type otherwise', () => {
    const toTerminal = cli('--employee', 'UAGREED', '--team', TEAM);
    expect(toTerminal.code).toBe(2);
    expect(toTerminal.stderr).toContain('Give --out FILE');
    expect(toTerminal.stdout).toBe('');
    expect(cli('--employee', 'someone', '--team', TEAM, '--out', 'x.json').stderr).toContain(
      '--employee U0123ABCD',
    );
  });
});
