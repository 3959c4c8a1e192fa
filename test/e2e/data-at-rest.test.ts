import { runScript } from '@accommodation-assistant/slack-emulator';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { purgeExpired } from '../../src/workflows/my-data.js';
import { runCommand } from '../../src/workflows/run-command.js';
import { type Harness, startHarness } from '../support/harness.js';
import { eventually } from '../support/hr-world.js';
import { loadScript, TEAM } from '../support/scripts.js';

/**
 * Issue 16, where the claims live: a request's whole life through the real app on real Redis (the
 * data Redis and the key store), then its purge.
 * - No key name in either Redis holds a user id of anyone who took part.
 * - The purge deletes from Slack every message and file the app posted about the request: HR's
 *   card and its thread, the employee's DMs, the manager's, the letter's PDF, the data export.
 */

const PEOPLE = ['UEMPLOYEE', 'UHR', 'UMANAGER', 'UEAP'];
const DAY_MS = 86_400_000;

describe('a request from start to purge, as stored and as left in Slack', () => {
  let harness: Harness;
  const prefix = `atrest${process.pid}`;
  const data = new Redis(inject('redisUrl'));
  const keystore = new Redis(inject('keystoreUrl'));
  let reference = '';

  beforeAll(async () => {
    harness = await startHarness({
      env: { REDIS_URL: inject('redisUrl'), REDIS_KEY_PREFIX: prefix, RETENTION_DAYS: '30' },
    });
  });
  afterAll(async () => {
    await harness.stop();
    data.disconnect();
    keystore.disconnect();
  });

  const workspace = () => harness.emulator.workspace;
  const settled = async () => {
    await harness.emulator.settle();
    await eventually(
      async () => (await harness.app.services.store.outbox.pending(TEAM, reference)).length === 0,
      'the outbox to be delivered',
    );
    await harness.emulator.settle();
  };
  /** Every key name under the app's prefix in one Redis, by SCAN (what a copy of it would list). */
  const names = async (redis: Redis) => {
    const found: string[] = [];
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      found.push(...keys);
      cursor = next;
    } while (cursor !== '0');
    return found;
  };
  const namingSomeone = (keys: string[]) => keys.filter((key) => PEOPLE.some((id) => key.includes(id)));
  const appMessagesIn = (channel: string, viewer: string) =>
    workspace()
      .messagesSeenBy(channel, viewer)
      .filter((m) => m.fromBot);
  const mentioning = (channel: string, viewer: string) =>
    appMessagesIn(channel, viewer).filter((m) => JSON.stringify(m).includes(reference));

  it('goes through HR’s whole process, a letter as PDF, an export, a chat and a new draft', {
    timeout: 60_000,
  }, async () => {
    await runScript(harness.emulator, loadScript('hr-process.json'), () => {});
    const { employee } = harness;
    reference = (await harness.app.services.store.requests.listByEmployee(TEAM, 'UEMPLOYEE'))[0]?.id ?? '';
    expect(reference).toMatch(/^ACC-/);
    employee.openMessages();
    while (employee.topModal()) await employee.closeModal();
    await employee.click('Open letter');
    await employee.click('Get it as a PDF');
    await eventually(() => workspace().files.size > 0, 'the PDF');
    await employee.closeModal();
    await employee.openHome();
    await employee.click('Export my data');
    await eventually(() => workspace().files.size > 1, 'the export');
    await employee.message('How long does HR usually take to reply?');
    await employee.expect('From our guide');
    await employee.command('/accommodation', 'new');
    await employee.fill({ 'Sessions start at': '09:00' });
    await employee.closeModal();
    await settled();
  });

  it('names nobody in any key of the data Redis or the key store', async () => {
    const [dataNames, keyStoreNames] = [await names(data), await names(keystore)];
    // The scans read something real: the request, the conversation, the data keys of both.
    expect(dataNames.some((key) => key.endsWith(':conv'))).toBe(true);
    expect(keyStoreNames.some((key) => key.endsWith(':dek:turns'))).toBe(true);
    expect(keyStoreNames.some((key) => key.includes(':dek:draft-'))).toBe(true);
    expect(keyStoreNames.some((key) => key.endsWith(':dek:request'))).toBe(true);
    expect(namingSomeone(dataNames)).toEqual([]);
    expect(namingSomeone(keyStoreNames)).toEqual([]);
  });

  it('deletes from Slack, on purge, everything the app posted about the request', {
    timeout: 30_000,
  }, async () => {
    const store = harness.app.services.store;
    const hr = { role: 'hr', id: 'UHR' } as const;
    const closed = await runCommand(
      harness.app.services,
      TEAM,
      reference,
      { type: 'close', payload: {} },
      hr,
    );
    expect(closed.ok).toBe(true);
    await settled();
    const dm = workspace().openDm('UEMPLOYEE');
    const managerDm = workspace().openDm('UMANAGER');
    // Before: HR's card and its thread, the employee's DMs and files, the manager's DM.
    expect(appMessagesIn('CHR', 'UHR').length).toBeGreaterThan(3);
    expect(mentioning(dm, 'UEMPLOYEE').length).toBeGreaterThan(2);
    expect(appMessagesIn(managerDm, 'UMANAGER').length).toBeGreaterThan(0);
    expect([...workspace().files.values()].filter((file) => file.channel === dm)).toHaveLength(2);
    const remembered = await store.outbox.posts(TEAM, reference);
    const card = appMessagesIn('CHR', 'UHR').find((m) => m.threadTs === undefined);
    expect(card).toBeDefined();

    harness.advanceAppClock(31 * DAY_MS);
    const purged = await purgeExpired(harness.app.services, TEAM, 30);
    expect(purged).toEqual([reference]);
    await settled();

    expect(appMessagesIn('CHR', 'UHR')).toEqual([]);
    expect(mentioning(dm, 'UEMPLOYEE')).toEqual([]);
    expect(appMessagesIn(managerDm, 'UMANAGER')).toEqual([]);
    expect([...workspace().files.values()].filter((file) => file.channel === dm)).toEqual([]);
    // Each went once, and the list of where they were went with them.
    const deletes = harness.calls('chat.delete').filter((call) => call.ok);
    expect(new Set(deletes.map((c) => `${c.args.channel} ${c.args.ts}`)).size).toBe(deletes.length);
    // The thread's replies go before the card they hang from, so no empty thread is left behind.
    const inHrChannel = deletes.filter((c) => c.args.channel === 'CHR').map((c) => String(c.args.ts));
    expect(inHrChannel.length).toBeGreaterThan(1);
    expect(inHrChannel.at(-1)).toBe(card?.ts);
    expect(harness.calls('files.delete').filter((call) => call.ok)).toHaveLength(2);
    expect(remembered.length).toBeGreaterThan(0);
    expect(await store.outbox.posts(TEAM, reference)).toEqual([]);
    // The assistant's answer was not about the request: it stays until the person deletes it.
    expect(appMessagesIn(dm, 'UEMPLOYEE').some((m) => JSON.stringify(m).includes('From our guide'))).toBe(
      true,
    );
    expect(namingSomeone(await names(data))).toEqual([]);
    expect(namingSomeone(await names(keystore))).toEqual([]);
  });
});
