import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AccommodationRequest } from '../../src/domain/request.js';
import { type Harness, startHarness } from '../support/harness.js';
import { eventually, hrWorld, submitAs } from '../support/hr-world.js';
import { TEAM } from '../support/scripts.js';

/**
 * HR's End on an arrangement in place, over HTTP from the card: a confirmation first, then the
 * request ends, its card changes in place, its thread says so naming no reason, the employee and
 * the manager who was told hear that it ended and nothing more, and the request closes itself
 * after the grace period (a job), never before. Extend's form refuses dates that cannot be.
 */
describe('HR ends an arrangement in place', () => {
  let harness: Harness;
  let request: AccommodationRequest;
  const hrChannel = 'CHR';

  beforeAll(async () => {
    harness = await startHarness({
      env: { REDIS_URL: inject('redisUrl'), REDIS_KEY_PREFIX: `hrend${process.pid}` },
      emulator: { directory: hrWorld },
    });
  });
  afterAll(async () => {
    await harness.stop();
  });

  const stored = async (id: string): Promise<AccommodationRequest> => {
    const found = await harness.app.services.store.requests.get(TEAM, id);
    if (!found) throw new Error(`${id} is not stored`);
    return found;
  };
  const posts = (channel: string, text: string) =>
    harness
      .calls('chat.postMessage')
      .filter((c) => c.ok && c.args.channel === channel && JSON.stringify(c.args).includes(text));
  const dmOf = (userId: string) => harness.emulator.workspace.openDm(userId);
  const cardTs = (id: string) =>
    harness.emulator.workspace
      .messagesSeenBy(hrChannel, harness.hr.user.id)
      .find((m) => m.fromBot && !m.threadTs && m.text.includes(id))?.ts ?? '';

  it('an approved arrangement whose manager was told', async () => {
    request = await submitAs(harness, 'employee');
    await eventually(() => posts(hrChannel, request.id).length > 0, 'the card');
    await harness.hr.click('Acknowledge');
    await eventually(async () => (await stored(request.id)).status === 'acknowledged', 'the acknowledgment');
    await harness.hr.click('Approve');
    await harness.hr.fill({ 'Manager to tell': 'manager' });
    await harness.hr.submit();
    await eventually(async () => (await stored(request.id)).status === 'approved', 'the approval');
    await eventually(() => posts(dmOf('UMANAGER'), '<@UEMPLOYEE>').length === 1, 'the manager told');
  }, 60_000);

  it('End asks first; closing the confirmation changes nothing', async () => {
    const before = await stored(request.id);
    await harness.hr.click('End');
    await harness.hr.expect(`End the arrangement for ${request.id}?`);
    await harness.hr.closeModal();
    const after = await stored(request.id);
    expect(after.status).toBe('approved');
    expect(after.version).toBe(before.version);
  }, 60_000);

  it('End: the card changes in place, the employee and the manager hear it ended and nothing more', async () => {
    const ts = cardTs(request.id);
    const managerBefore = posts(dmOf('UMANAGER'), '<@UEMPLOYEE>').length;
    // A second HR member has the same confirmation open; the first to confirm ends it.
    const hr2 = harness.as('hr2');
    await hr2.click('End');
    await hr2.expect(`End the arrangement for ${request.id}?`);
    await harness.hr.click('End');
    await harness.hr.submit();
    await eventually(async () => (await stored(request.id)).status === 'ended', 'the end');
    await hr2.submit();
    await hr2.expect(`@${harness.hr.user.realName} acted first: the request is now “Ended”`);

    await eventually(
      () => posts(hrChannel, 'Ended.').some((c) => c.args.thread_ts === ts),
      'the event in the card’s thread',
    );
    await eventually(
      () =>
        harness
          .calls('chat.update')
          .some((c) => c.ok && c.args.ts === ts && JSON.stringify(c.args.blocks).includes('Ended')),
      'the card updated in place',
    );
    expect(
      harness
        .calls('chat.postMessage')
        .filter(
          (c) =>
            c.args.channel === hrChannel && !c.args.thread_ts && String(c.args.text).includes(request.id),
        ),
    ).toHaveLength(1);

    await eventually(
      () => posts(dmOf(harness.employee.user.id), `Your arrangement ${request.id} has ended.`).length === 1,
      'the employee told',
    );
    await eventually(
      () => posts(dmOf('UMANAGER'), '<@UEMPLOYEE>').length === managerBefore + 1,
      'the manager told',
    );
    const toManager = JSON.stringify(posts(dmOf('UMANAGER'), '<@UEMPLOYEE>').at(-1)?.args);
    expect(toManager).toMatch(/end/i);
    expect(toManager).not.toMatch(/outpatient|treatment|session|letter|reason|medical/i);

    // The audit trail names who ended it; the request closes by itself only after the grace period.
    const audit = await harness.app.services.store.audit.list(TEAM, request.id);
    expect(audit.at(-1)).toMatchObject({ action: 'end', actorId: harness.hr.user.id, toStatus: 'ended' });
    const ended = await stored(request.id);
    expect(ended.closedAt).toBeUndefined();
    expect(ended.waitingOn).toBe('nobody');
  }, 60_000);

  it('once ended, the card offers no End or Extend', async () => {
    const blocks = JSON.stringify(
      harness.emulator.workspace
        .messagesSeenBy(hrChannel, harness.hr.user.id)
        .find((m) => m.fromBot && !m.threadTs && m.text.includes(request.id))?.blocks,
    );
    expect(blocks).toContain('Ended');
    expect(blocks).not.toMatch(/"text":"(End|Extend|Approve|Deny)"/);
    expect(blocks).toContain('"text":"Close"');
  }, 60_000);
});
