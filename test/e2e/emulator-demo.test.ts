import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** `npm run demo -- --script`: the real app and the emulator in a child process, no environment. */

const dir = mkdtempSync(join(tmpdir(), 'aa-demo-'));

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function demo(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  // No environment beyond what finds node: the demo must work on a fresh checkout.
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir };
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'src/cli.ts', 'demo', ...args], { cwd: process.cwd(), env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the scripted demo', () => {
  it('runs the welcome script, prints the transcript and records every Web API call as JSON lines', async () => {
    const record = join(dir, 'welcome.jsonl');
    const run = await demo(['--script', 'test/e2e/scripts/welcome.json', '--record', record]);
    expect(run.stderr).not.toMatch(/could not be done/);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('> 4. employee runs /accommodation');
    expect(run.stdout).toContain('+-- Modal: Before we start');
    expect(run.stdout).toContain('All 10 steps done.');
    const calls = readFileSync(record, 'utf8')
      .trim()
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as {
            method: string;
            args: Record<string, unknown>;
            ok: boolean;
            step?: { number: number; as: string };
          },
      );
    // What the app does as it starts carries no step; then each call names the step that caused it.
    const first = calls.findIndex((call) => call.step);
    expect(calls.slice(first).every((call) => call.step)).toBe(true);
    const stepped = calls.filter((call) => call.step && call.method.startsWith('views.'));
    expect(stepped.map((call) => `${call.step?.number} ${call.step?.as} ${call.method}`)).toEqual([
      '1 employee views.publish',
      '4 employee views.open',
      '8 hr views.publish',
    ]);
    expect(calls[0]?.method).toBe('auth.test');
    expect(calls.every((call) => call.ok)).toBe(true);
    expect(stepped[1]?.args.view).toMatchObject({ type: 'modal', title: { text: 'Before we start' } });
  }, 60_000);

  it('stops at a step that cannot be done, names it, and exits non-zero', async () => {
    const script = join(dir, 'missing-button.json');
    writeFileSync(
      script,
      JSON.stringify([
        { as: 'employee', command: '/accommodation' },
        { as: 'employee', expect: 'Your privacy, in plain words' },
        { as: 'employee', expect: 'A sentence the notice never says' },
      ]),
    );
    const run = await demo(['--script', script]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'Step 3 (employee expects to see "A sentence the notice never says") could not be done',
    );
    expect(run.stderr).toContain('--- what they see ---');
  }, 60_000);

  it('refuses a malformed script before starting anything, naming each bad step', async () => {
    const script = join(dir, 'bad.json');
    writeFileSync(
      script,
      JSON.stringify([
        { as: 'employee', click: 'Go', submit: true },
        { as: 'ceo', open: 'home' },
      ]),
    );
    const run = await demo(['--script', script]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('step 1 has click and submit: one action per step');
    expect(run.stderr).toContain('step 2: as "ceo" is no one here; use one of employee, hr, eap, manager');
  }, 60_000);
});
