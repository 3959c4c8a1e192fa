import { execFileSync } from 'node:child_process';
import { runScript, type Step } from '@accommodation-assistant/slack-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../support/harness.js';
import { loadScript } from '../support/scripts.js';

/**
 * What `npm run demo -- --script FILE --record OUT.jsonl` writes: enough to audit a run from the
 * record alone. Each call says which step caused it and who acted; what the app answered to a
 * submission is there; so is the content of every file the app uploaded.
 */

let world: Harness;
let record: Array<Record<string, unknown>>;

beforeAll(async () => {
  world = await startHarness();
  const steps: Step[] = [
    ...loadScript('journey.json').slice(0, 7),
    { as: 'employee', open: 'home' },
    { as: 'employee', click: 'Export my data' },
  ];
  await runScript(world.emulator, steps, () => {});
  record = world.emulator.auditRecord().map((entry) => JSON.parse(JSON.stringify(entry)));
});

afterAll(async () => {
  await world?.stop();
});

describe('the --record file', () => {
  it('says which step caused each call, with its number and who acted', () => {
    const opened = record.find((entry) => entry.method === 'views.open');
    expect(opened?.step).toEqual({ number: 1, as: 'employee', action: 'employee runs /accommodation' });
    // What the app does as it starts (auth.test, warming its caches) comes before any step.
    const first = record.findIndex((entry) => entry.step !== undefined);
    const afterStart = record.slice(first);
    expect(afterStart.length).toBeGreaterThan(5);
    expect(afterStart.every((entry) => typeof (entry.step as { number?: number })?.number === 'number')).toBe(
      true,
    );
  });

  it('keeps what the app answered to a submission (its response_action and view)', () => {
    const answers = record.filter((entry) =>
      String(entry.method).startsWith('view_submission.response_action.'),
    );
    expect(answers.length).toBeGreaterThan(0);
    const stepTwo = answers.find((entry) => JSON.stringify(entry.args).includes('Step 2 of 5'));
    expect(stepTwo?.step).toMatchObject({ number: 6, as: 'employee' });
  });

  it('keeps the content of each uploaded file', () => {
    const uploads = record.filter((entry) => entry.method === 'files.upload_url');
    expect(uploads).toHaveLength(1);
    const args = uploads[0]?.args as { content?: string; filename?: string };
    expect(args.filename).toMatch(/\.json$/);
    expect(JSON.parse(args.content ?? '')).toHaveProperty('requests');
    expect(uploads[0]?.step).toMatchObject({ number: 9, as: 'employee' });
  });
});

describe("the README's record command", () => {
  it('leaves no untracked file in the repository root: calls.jsonl there is ignored', () => {
    const root = new URL('../../', import.meta.url);
    expect(() => execFileSync('git', ['check-ignore', '-q', 'calls.jsonl'], { cwd: root })).not.toThrow();
  });
});
