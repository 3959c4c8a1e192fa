import { runScript } from '@accommodation-assistant/slack-emulator';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Harness, startHarness } from '../support/harness.js';
import { eventually } from '../support/hr-world.js';
import { loadScript, TEAM } from '../support/scripts.js';

/**
 * The README's walk through HR's process, run as `npm run demo -- --script` runs it, and then
 * checked where each promise lives: the manager's DM, the audit trail, the employee's DMs.
 */
describe('HR’s interactive process, start to finish (test/e2e/scripts/hr-process.json)', () => {
  let harness: Harness;
  let transcript = '';

  beforeAll(async () => {
    harness = await startHarness({
      env: { REDIS_URL: inject('redisUrl'), REDIS_KEY_PREFIX: `hrprocess${process.pid}` },
    });
  });
  afterAll(async () => {
    await harness.stop();
  });

  it('runs every step of the script', async () => {
    await runScript(harness.emulator, loadScript('hr-process.json'), (text) => {
      transcript += text;
    });
    expect(transcript).toContain('(HR) approved the request');
    // Thirty-odd steps by three people, each waiting for the app: longer than one interaction.
  }, 60_000);

  it('tells the manager the approved pattern and dates only', async () => {
    const managerDm = harness.emulator.workspace.openDm(harness.manager.user.id);
    const told = harness
      .calls('chat.postMessage')
      .filter((c) => c.ok && c.args.channel === managerDm)
      .map((c) => `${String(c.args.text)} ${JSON.stringify(c.args.blocks ?? [])}`);
    expect(told).toHaveLength(1);
    expect(told[0]).toContain('Mondays, Wednesdays, and Thursdays: 7:45 AM – 4:15 PM ET');
    expect(told[0]).toContain('From Monday, January 4, 2027 until Sunday, March 14, 2027');
    // Not the sessions' times, the reason, the request's history or its letter.
    expect(told[0]).not.toMatch(/17:30|20:30|5:30|8:30|outpatient|treatment|medical|session|program|letter/i);
    expect(told[0]).not.toMatch(/acknowledg|documentation|alternative|provider|declin|accept/i);
  });

  it('keeps every step in the audit trail with its actor and time, in order', async () => {
    const { store } = harness.app.services;
    const [summary] = await store.requests.listByEmployee(TEAM, harness.employee.user.id);
    const audit = await store.audit.list(TEAM, summary?.id ?? '');
    const steps = audit.filter((e) => e.action !== 'viewed').map((e) => [e.action, e.actorId]);
    expect(steps).toEqual([
      ['submit', harness.employee.user.id],
      ['acknowledge', harness.hr.user.id],
      ['request_documentation', harness.hr.user.id],
      ['provider_pending', harness.employee.user.id],
      ['documentation_received', harness.hr.user.id],
      ['offer_alternative', harness.hr.user.id],
      ['accept_alternative', harness.employee.user.id],
      ['approve', harness.hr.user.id],
    ]);
    for (const entry of audit) expect(Number.isNaN(Date.parse(entry.at))).toBe(false);
    const request = await store.requests.get(TEAM, summary?.id ?? '');
    expect(request?.status).toBe('approved');
    expect(request?.managerId).toBe(harness.manager.user.id);
    expect(request?.approval?.pattern.hours).toEqual([
      { days: ['mon', 'wed', 'thu'], start: '07:45', end: '16:15' },
    ]);
  });

  it('never puts the reason or the employee’s words in HR’s channel', async () => {
    const toHr = harness
      .calls('chat.postMessage')
      .concat(harness.calls('chat.update'))
      .filter((c) => c.ok && c.args.channel === 'CHR')
      .map((c) => `${String(c.args.text)} ${JSON.stringify(c.args.blocks ?? [])}`)
      .join('\n');
    expect(toHr).toContain('Approved');
    expect(toHr).not.toMatch(/outpatient|treatment|medical|hand over anything urgent|Alex by 4:30/i);
  });

  it('gives the employee each letter behind “Open letter”, and a PDF when they ask', async () => {
    const { employee } = harness;
    employee.openMessages();
    while (employee.topModal()) await employee.closeModal();
    // The newest letter first: the approval.
    await employee.click('Open letter');
    await employee.expect('Approval letter');
    const letter = employee.screen();
    expect(letter).toContain('7:45');
    expect(letter).not.toMatch(/outpatient|treatment|medical|hand over anything urgent/i);
    const uploads =
      harness.calls('files.completeUploadExternal').length + harness.calls('files.upload').length;
    await employee.click('Get it as a PDF');
    await eventually(
      () =>
        harness.calls('files.completeUploadExternal').length + harness.calls('files.upload').length > uploads,
      'the PDF',
    );
    await employee.closeModal();
    // The DMs about HR's steps name no reason; the letters open in a modal, not the history.
    const dm = harness.emulator.workspace.openDm(employee.user.id);
    const dms = harness
      .calls('chat.postMessage')
      .filter((c) => c.ok && c.args.channel === dm)
      .map((c) => `${String(c.args.text)} ${JSON.stringify(c.args.blocks ?? [])}`)
      .join('\n');
    expect(dms).toContain('Open letter');
    expect(dms).not.toMatch(/outpatient|treatment|medical/i);
  });
});
