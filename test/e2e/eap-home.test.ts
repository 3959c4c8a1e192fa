import { runScript } from '@accommodation-assistant/slack-emulator';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AccommodationRequest } from '../../src/domain/request.js';
import { type Harness, startHarness } from '../support/harness.js';
import { eventually, submitStepsAs } from '../support/hr-world.js';
import { TEAM } from '../support/scripts.js';
import { canary, pathTo, walk } from '../unit/domain/lifecycle/fixtures.js';

/**
 * The EAP coordinator's Home tab over HTTP: twelve open requests, one of them from someone who
 * agreed to EAP tracking. The figures show what 12 people allow and hide what fewer would reveal;
 * only the consenting person has a row; no words of anyone's reach the tab.
 */
describe('the EAP coordinator’s Home tab', () => {
  let harness: Harness;
  const seeded: AccommodationRequest[] = [];

  beforeAll(async () => {
    harness = await startHarness({
      env: { REDIS_URL: inject('redisUrl'), REDIS_KEY_PREFIX: `eaphome${process.pid}` },
    });
    const sent = walk(pathTo.submitted).request;
    const acknowledged = walk(pathTo.acknowledged).request;
    const records: AccommodationRequest[] = [
      ...Array.from({ length: 11 }, (_, i) => ({
        ...sent,
        id: `ACC-2026-${9100 + i}`,
        employeeId: `USEEDED${i}`,
        disclosure: { ...sent.disclosure, eapMayTrackStatus: false },
      })),
      {
        ...acknowledged,
        id: 'ACC-2026-9200',
        employeeId: 'UCONSENTED',
        disclosure: { ...acknowledged.disclosure, eapMayTrackStatus: true },
      },
    ];
    for (const record of records) {
      const request = { ...record, teamId: TEAM, version: 0 };
      await harness.app.services.store.requests.commit({
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
  });
  afterAll(async () => {
    await harness.stop();
  });

  it('shows the figures, hides what fewer than 11 people would reveal, and lists only who agreed', async () => {
    await harness.eap.openHome();
    await harness.eap.expect('Accommodation tracking');
    await harness.eap.expect('Open requests: 12');
    // One acknowledged request is too few to show; 11 sent would then give it away (12 - 11).
    await harness.eap.expect('New, to acknowledge: fewer than 11');
    await harness.eap.expect('Acknowledged: fewer than 11');
    await harness.eap.expect('ACC-2026-9200');
    const screen = harness.eap.screen();
    for (const record of seeded.filter((r) => !r.disclosure.eapMayTrackStatus)) {
      expect(screen).not.toContain(record.id);
      expect(screen).not.toContain(record.employeeId);
    }
    const published = harness
      .calls('views.publish')
      .filter((call) => call.args.user_id === harness.eap.user.id)
      .map((call) => JSON.stringify(call.args));
    expect(published.length).toBeGreaterThan(0);
    for (const view of published) {
      for (const word of Object.values(canary)) expect(view).not.toContain(word);
      expect(view).not.toMatch(/methadone|outpatient|treatment|diagnos/i);
    }
  });

  it('is EAP’s alone: an employee’s Home tab is their own', async () => {
    await harness.employee.openHome();
    expect(harness.employee.screen()).not.toContain('Accommodation tracking');
    expect(harness.employee.screen()).not.toContain('ACC-2026-9200');
  });

  it('answers `/accommodation status` with where the tracking is, not "You haven’t sent a request yet"', async () => {
    harness.eap.openMessages();
    await harness.eap.command('/accommodation', 'status');
    await harness.eap.expect('The requests you follow are on the app’s Home tab');
    expect(harness.eap.screen()).not.toContain('You haven’t sent a request yet');
  });

  it('tells the EAP team (its user group) of a consenting employee’s new request: status and dates only', async () => {
    const steps = submitStepsAs('employee').map((step) =>
      'fill' in step &&
      typeof step.fill === 'object' &&
      step.fill &&
      'May the EAP team see how your request is going?' in step.fill
        ? {
            ...step,
            fill: {
              ...step.fill,
              'May the EAP team see how your request is going?': 'Yes, they may see its status and dates',
            },
          }
        : step,
    );
    await runScript(harness.emulator, steps, () => {});
    const [summary] = await harness.app.services.store.requests.listByEmployee(
      TEAM,
      harness.employee.user.id,
    );
    const reference = summary?.id ?? 'none';
    const eapDm = harness.emulator.workspace.openDm(harness.eap.user.id);
    const toEap = () =>
      harness
        .calls('chat.postMessage')
        .filter((c) => c.ok && c.args.channel === eapDm)
        .map((c) => `${String(c.args.text)} ${JSON.stringify(c.args.blocks ?? [])}`);
    await eventually(() => toEap().some((text) => text.includes(reference)), 'the EAP team’s DM');
    const told = toEap().find((text) => text.includes(reference)) ?? '';
    expect(told).toContain('New, to acknowledge');
    expect(told).not.toMatch(/outpatient|treatment|medical|session|program|letter|reason/i);
    for (const word of Object.values(canary)) expect(told).not.toContain(word);
  });

  it('`/accommodation export` sends EAP its CSVs in its own DM: rows only for who agreed, figures suppressed, no words', async () => {
    const before = new Set(harness.emulator.workspace.files.keys());
    await harness.eap.command('/accommodation', 'export');
    await eventually(
      () =>
        [...harness.emulator.workspace.files.values()].filter((f) => !before.has(f.id) && f.completed)
          .length === 2,
      'the two export files',
    );
    const files = [...harness.emulator.workspace.files.values()].filter((f) => !before.has(f.id));
    const eapDm = harness.emulator.workspace.openDm(harness.eap.user.id);
    for (const file of files) expect(file.channel).toBe(eapDm);
    const rows = files.find((f) => f.filename.startsWith('eap-tracking'))?.content?.toString('utf8') ?? '';
    const figures = files.find((f) => f.filename.startsWith('eap-figures'))?.content?.toString('utf8') ?? '';
    expect(rows).toContain('ACC-2026-9200');
    for (const record of seeded.filter((r) => !r.disclosure.eapMayTrackStatus))
      expect(rows).not.toContain(record.id);
    expect(figures).toContain('fewer than 11');
    for (const word of Object.values(canary)) expect(`${rows}${figures}`).not.toContain(word);
  });

  it('`/accommodation export` from an employee points to their own data instead', async () => {
    const before = harness.emulator.workspace.files.size;
    harness.manager.openMessages();
    await harness.manager.command('/accommodation', 'export');
    await harness.manager.expect('Exports are for HR and the EAP team');
    expect(harness.emulator.workspace.files.size).toBe(before);
  });
});
