import type { Actor, ClickTarget } from '@accommodation-assistant/slack-emulator';
import { runScript, type Step } from '@accommodation-assistant/slack-emulator';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ShreddedError } from '../../src/privacy/vault.js';
import { requestKeyRef } from '../../src/store/keys.js';
import { createRedisStore } from '../../src/store/redis-store.js';
import { purgeExpired } from '../../src/workflows/my-data.js';
import { type Harness, startHarness } from '../support/harness.js';
import { loadScript, TEAM } from '../support/scripts.js';

/**
 * What an employee can do besides the intake itself, end to end over HTTP: the commands, the
 * shortcut, the Home tab's buttons on a sent request, and exporting or deleting their data.
 * One app, one emulator, one Redis prefix; each part uses its own person so they stay independent.
 */

/** The journey up to the employee's confirmation, as someone else, with some answers changed. */
function journeyAs(who: string, fills: Record<string, Record<string, string>> = {}): Step[] {
  const steps = loadScript('journey.json');
  const end = steps.findIndex(
    (step) => 'expect' in step && step.expect === 'Your request is saved, and HR will be told',
  );
  return steps.slice(0, end + 1).map((step) => {
    if (!('fill' in step)) return { ...step, as: who } as Step;
    const firstLabel = Object.keys(step.fill)[0] ?? '';
    const extra = Object.entries(fills).find(([label]) => label === firstLabel)?.[1] ?? {};
    return { ...step, as: who, fill: { ...step.fill, ...extra } } as Step;
  });
}

describe('what an employee can do around their request', () => {
  let harness: Harness;
  const prefix = `actions${process.pid}`;
  const hrChannel = 'CHR';

  beforeAll(async () => {
    harness = await startHarness({ env: { REDIS_URL: inject('redisUrl'), REDIS_KEY_PREFIX: prefix } });
  });
  afterAll(async () => {
    await harness.stop();
  });

  const dmOf = (actor: Actor) => harness.emulator.workspace.openDm(actor.user.id);
  const postsTo = (channel: string, from = 0) =>
    harness
      .calls('chat.postMessage')
      .slice(from)
      .filter((call) => call.ok && call.args.channel === channel);
  /** HR hears through the outbox worker, just after the ack: wait for what it delivers. */
  const delivered = async (channel: string, from: number, count = 1) => {
    for (let waited = 0; postsTo(channel, from).length < count && waited < 10_000; waited += 50)
      await new Promise((resolve) => setTimeout(resolve, 50));
    return postsTo(channel, from);
  };
  const textOf = (call: { args: Record<string, unknown> }) =>
    `${String(call.args.text)}\n${JSON.stringify(call.args.blocks ?? [])}`;
  const requestsOf = async (actor: Actor) => {
    const { store } = harness.app.services;
    const summaries = await store.requests.listByEmployee(TEAM, actor.user.id);
    return Promise.all(summaries.map((summary) => store.requests.get(TEAM, summary.id)));
  };
  /**
   * The buttons on one request, on the screen the person looks at (Home, or the status answer):
   * each carries the request's reference as its value.
   */
  const requestButtons = (actor: Actor, reference: string) => {
    const placeOf = (target: ClickTarget) => JSON.stringify(target.where);
    const mine = actor.rendered().targets.filter((target) => target.element.value === reference);
    // Earlier status answers stay in the conversation: read the newest one.
    const newest = mine.at(-1);
    return mine
      .filter((target) => newest && placeOf(target) === placeOf(newest))
      .map((target) => target.label);
  };
  const onlyRequestOf = async (actor: Actor) => {
    const requests = await requestsOf(actor);
    expect(requests).toHaveLength(1);
    const request = requests[0];
    if (!request) throw new Error('no request');
    return request;
  };

  describe('/accommodation help, status and words it does not know', () => {
    it('shows the help to the person alone', async () => {
      const { employee } = harness;
      const before = harness.calls('chat.postEphemeral').length;
      await employee.command('/accommodation', 'help');
      await employee.expect('Here’s what I can do');
      await employee.expect('/accommodation status');
      const [reply, ...more] = harness.calls('chat.postEphemeral').slice(before);
      expect(more).toEqual([]);
      expect(reply?.args.user).toBe(employee.user.id);
      expect(reply?.args.channel).toBe(dmOf(employee));
      // Ephemeral: nothing was posted for everyone to read.
      expect(postsTo(dmOf(employee))).toEqual([]);
    });

    it('answers a word it does not know kindly, with the help', async () => {
      const { employee } = harness;
      await employee.command('/accommodation', 'holidays please');
      await employee.expect('I didn’t recognise that.');
      await employee.expect('/accommodation delete-my-data');
      expect(harness.calls('chat.postEphemeral').at(-1)?.args.user).toBe(employee.user.id);
    });

    it('says so when there is nothing yet', async () => {
      await harness.employee.command('/accommodation', 'status');
      await harness.employee.expect('You haven’t sent a request yet.');
    });
  });

  describe('the global shortcut', () => {
    it('shows a new employee the privacy notice first', async () => {
      const { eap } = harness;
      await eap.shortcut('start_accommodation_request');
      await eap.expect('Your privacy, in plain words');
      await eap.click('I understand, continue');
      await eap.expect('Step 1 of 5');
      await eap.closeModal();
    });

    it('takes someone who accepted the notice straight to their draft', async () => {
      const { eap } = harness;
      await eap.shortcut('start_accommodation_request');
      await eap.expect('Step 1 of 5');
      expect(eap.screen()).not.toContain('Your privacy, in plain words');
      await eap.closeModal();
    });
  });

  describe('after sending a request', () => {
    let reference = '';

    it('lists the request with its status on the Home tab', async () => {
      const { employee } = harness;
      await runScript(harness.emulator, journeyAs('employee'), () => {});
      reference = (await onlyRequestOf(employee)).id;
      await employee.openHome();
      await employee.expect(`${reference} · Sent to HR`);
      await employee.expect('HR aims to answer by');
      await employee.expect('Start a request');
      // What they can do now: withdraw it, or read it. HR is not late, so no update to ask for.
      expect(requestButtons(employee, reference)).toEqual(['Withdraw', 'View request']);
    });

    it('lists it with /accommodation status, and a draft in progress', async () => {
      const { employee } = harness;
      await employee.command('/accommodation', 'status');
      await employee.expect(`${reference} · Sent to HR`);
      expect(requestButtons(employee, reference)).toEqual(['Withdraw', 'View request']);
      await employee.command('/accommodation', 'new');
      await employee.expect('Step 1 of 5');
      await employee.closeModal();
      await employee.command('/accommodation', 'status');
      await employee.expect('You have a draft saved at Step 1 of 5');
    });

    it('shows the employee their own letter from “View request”', async () => {
      const { employee } = harness;
      await employee.openHome();
      await employee.click('View request');
      await employee.expect(reference);
      await employee.expect('Status: Sent to HR');
      await employee.expect('This is the letter HR received');
      await employee.expect('a scheduled outpatient medical treatment program');
      await employee.closeModal();
    });

    it('offers “Ask HR for an update” once HR is late, sends the status inquiry letter, and then not again', async () => {
      const { employee } = harness;
      // Before HR's answer is due there is nothing to ask: no button on Home or in the status answer.
      await employee.openHome();
      expect(requestButtons(employee, reference)).not.toContain('Ask HR for an update');

      // HR has two business days to acknowledge; a week on, they are late.
      harness.advanceAppClock(7 * 86_400_000);
      await employee.command('/accommodation', 'status');
      await employee.expect('HR’s answer was due');
      expect(requestButtons(employee, reference)).toEqual([
        'Ask HR for an update',
        'Withdraw',
        'View request',
      ]);
      await employee.openHome();
      await employee.expect('HR’s answer was due');
      expect(requestButtons(employee, reference)).toEqual([
        'Ask HR for an update',
        'Withdraw',
        'View request',
      ]);
      const from = harness.calls('chat.postMessage').length;
      await employee.click('Ask HR for an update');

      const toHr = await delivered(hrChannel, from);
      expect(toHr).toHaveLength(1);
      const message = textOf(toHr[0] ?? { args: {} });
      expect(message).toContain(reference);
      expect(message).toContain(`<@${employee.user.id}>`);
      expect(message).toContain('I am writing to follow up on my request');
      expect(message).toContain('Could you let me know where the request stands');
      expect(message).not.toMatch(/undefined|NaN|\{\{/);
      await harness.hr.expect(`asked for an update on ${reference}`);

      expect(postsTo(dmOf(employee), from).map(textOf).join('\n')).toContain(
        `I’ve asked HR for an update on ${reference}`,
      );
      employee.openMessages();
      await employee.expect(`I’ve asked HR for an update on ${reference}`);
      const audit = await harness.app.services.store.audit.list(TEAM, reference);
      expect(audit.map((entry) => entry.action)).toContain('request_update');
      // Asked once: the Home tab, refreshed by the worker, no longer offers it this period.
      await employee.openHome();
      expect(requestButtons(employee, reference)).toEqual(['Withdraw', 'View request']);
    });

    it('withdraws after a confirmation, tells HR only that, and refuses a second withdrawal kindly', async () => {
      const { employee } = harness;
      await employee.openHome();
      // The Home tab as it is now, for the second try from a screen that was never refreshed.
      const staleWithdraw = employee.rendered().targets.find((t: ClickTarget) => t.label === 'Withdraw');
      if (!staleWithdraw) throw new Error('no Withdraw button on the Home tab');

      await employee.click('Withdraw');
      await employee.expect(`Withdraw request ${reference}?`);
      expect((await onlyRequestOf(employee)).status).toBe('submitted');

      const from = harness.calls('chat.postMessage').length;
      await employee.submit();
      expect((await onlyRequestOf(employee)).status).toBe('withdrawn');

      const toHr = (await delivered(hrChannel, from)).map(textOf);
      expect(toHr).toHaveLength(1);
      expect(toHr[0]).toContain(`Request ${reference} was withdrawn by the employee.`);
      // Only that: no schedule, no dates, no reason, no words of the employee's.
      expect(toHr[0]).not.toMatch(
        /Monday|Wednesday|Thursday|17:30|20:30|2027|outpatient|treatment|session|Alex|hand over/i,
      );
      employee.openMessages();
      await employee.expect(`Your request ${reference} is withdrawn.`);
      await employee.openHome();
      await employee.expect(`${reference} · Withdrawn`);
      // Withdrawn: nothing left to withdraw or ask about; the letter can still be read.
      expect(requestButtons(employee, reference)).toEqual(['View request']);
      await employee.command('/accommodation', 'status');
      await employee.expect(`${reference} · Withdrawn`);
      expect(requestButtons(employee, reference)).toEqual(['View request']);
      await employee.openHome();

      await employee.click(staleWithdraw);
      await employee.expect(`Withdraw request ${reference}?`);
      const again = harness.calls('chat.postMessage').length;
      await employee.submit();
      await employee.expect('can’t be withdrawn any more');
      expect(postsTo(hrChannel, again)).toEqual([]);
      expect((await onlyRequestOf(employee)).status).toBe('withdrawn');
      await employee.closeModal();
    });
  });

  describe('export my data', () => {
    it('sends a JSON file to the DM with the request and the employee’s released words, the private note left out', async () => {
      const { manager } = harness;
      await runScript(
        harness.emulator,
        journeyAs('manager', {
          'What would help': {
            // A health detail here could not be released (see release-to-hr.test.ts), so none is.
            'How your work would be covered':
              'I will start at 7:45 on session days, so Priya covers until 10.',
          },
          'How the reason is worded': { 'Private note (only you can see this)': 'CANARYNOTE Dr. Quill' },
        }),
        () => {},
      );
      const reference = (await onlyRequestOf(manager)).id;
      const before = new Set(harness.emulator.workspace.files.keys());

      await manager.openHome();
      await manager.click('Export my data');

      const files = [...harness.emulator.workspace.files.values()].filter((file) => !before.has(file.id));
      expect(files).toHaveLength(1);
      const file = files[0];
      expect(file?.completed).toBe(true);
      expect(file?.channel).toBe(dmOf(manager));
      expect(file?.filename).toMatch(/\.json$/);
      const text = file?.content?.toString('utf8') ?? '';
      const data = JSON.parse(text) as {
        requests: { reference: string; schedule: { days: string[] }; wordsHrRead: Record<string, string> }[];
      };
      expect(data.requests.map((request) => request.reference)).toEqual([reference]);
      expect(data.requests[0]?.schedule).toMatchObject({ sessionStart: '17:30', sessionEnd: '20:30' });
      expect(JSON.stringify(data.requests[0]?.schedule)).toMatch(/mon/i);
      expect(data.requests[0]?.wordsHrRead.coveragePlan).toMatch(/Priya covers until 10/);
      // Only the words HR read: the private note was typed into the same request, and is not here.
      expect(Object.keys(data.requests[0]?.wordsHrRead ?? {})).toEqual(['coveragePlan']);
      expect(text).not.toContain('CANARYNOTE');
      expect(text).not.toContain('Quill');
      manager.openMessages();
      await manager.expect('Here’s a copy of your data.');
      // Everything they wrote, private note included, on their own screen: never in the file.
      await manager.click('What I wrote');
      await manager.expect('CANARYNOTE Dr. Quill');
      expect(manager.screen()).toContain('Priya covers until 10');
      expect(manager.topModal()).toBeDefined();
      await manager.closeModal();
    });
  });

  describe('delete my data', () => {
    it('asks first, then deletes the draft and chat memory and withdraws the open request', async () => {
      const { manager } = harness;
      const { store } = harness.app.services;
      const reference = (await onlyRequestOf(manager)).id;
      // A draft and some chat memory to delete.
      await manager.command('/accommodation', 'new');
      await manager.fill({ 'Sessions start at': '09:00' });
      await manager.closeModal();
      await manager.message('How long does HR usually take to reply?');
      await manager.expect('From our guide: How long does HR have to reply?');
      expect((await store.conversations.get(TEAM, manager.user.id))?.turns.length).toBeGreaterThan(0);
      await manager.openHome();
      await manager.expect('Continue your draft');

      await manager.command('/accommodation', 'delete-my-data');
      await manager.expect('Here’s what happens');
      // Nothing is gone before the person says so.
      expect((await store.conversations.get(TEAM, manager.user.id))?.draft).toBeDefined();

      const from = harness.calls('chat.postMessage').length;
      await manager.submit();

      expect(await store.conversations.get(TEAM, manager.user.id)).toBeNull();
      const request = await onlyRequestOf(manager);
      expect(request.status).toBe('closed');
      const audit = await store.audit.list(TEAM, reference);
      // One command, decided once: the request is closed and what HR never received is dropped.
      expect(audit.map((entry) => entry.action)).toEqual(['submit', 'erase']);

      const toHr = (await delivered(hrChannel, from)).map(textOf);
      expect(toHr).toHaveLength(1);
      expect(toHr[0]).toContain(`Request ${reference} was withdrawn by the employee.`);
      expect(toHr[0]).not.toMatch(/delete|data|Priya|Zoloft|17:30|Monday|2027|outpatient/i);
      manager.openMessages();
      await manager.expect('Done. Here’s exactly what I deleted:');
      await manager.expect('1 draft.');

      await manager.openHome();
      await manager.expect('Start a request');
      expect(manager.screen()).not.toContain('Continue your draft');
      await manager.expect(`${reference} · Closed`);
    });

    it('purges the closed request once the retention period ends, past opening', async () => {
      const { manager } = harness;
      const { store, config } = harness.app.services;
      const reference = (await onlyRequestOf(manager)).id;
      // A second look at the same Redis with the app's keys, to read what is sealed at rest.
      const inspector = createRedisStore({
        url: inject('redisUrl'),
        keyStore: { url: inject('keystoreUrl') },
        keyPrefix: prefix,
        vault: { masterKeys: config.vaultMasterKeys, dataKeyCacheMs: 0 },
      });
      try {
        const raw = await inspector.backend.getRequest(TEAM, reference);
        // Deleting their data already dropped the words HR never received (the private note); the
        // words they released by sending (the coverage plan) and the disclosure choice HR did receive
        // are kept, sealed, until retention ends.
        const stored = JSON.parse(raw ?? '{}') as { v: number; version: number; sealed: string };
        expect(stored.v).toBe(4);
        const value = stored.sealed;
        const field = `request@v${stored.version}`;
        const ref = requestKeyRef(TEAM, reference);
        const opened = JSON.parse(await inspector.vault.open(ref, field, value));
        expect(opened.sensitive.privateNote).toBeUndefined();
        expect(opened.sensitive.coveragePlan).toMatch(/Priya covers until 10/);
        expect(opened.disclosure.reason).toMatch(/^(functional|program|own_words)$/);

        // Not before the retention period ends...
        // The app's clock: earlier tests moved it on.
        const today = harness.app.services.now();
        expect(await purgeExpired(harness.app.services, TEAM, config.retentionDays, today)).toEqual([]);
        expect(await store.requests.get(TEAM, reference)).not.toBeNull();
        // ...and then for good.
        const later = new Date(today.getTime() + (config.retentionDays + 1) * 86_400_000);
        expect(await purgeExpired(harness.app.services, TEAM, config.retentionDays, later)).toEqual([
          reference,
        ]);

        expect(await store.requests.get(TEAM, reference)).toBeNull();
        expect(await store.requests.listByEmployee(TEAM, manager.user.id)).toEqual([]);
        // Of its history only the tombstone is kept, the purge as decide recorded it: purged, when, by
        // the system; no one named.
        expect(await store.audit.list(TEAM, reference)).toEqual([
          {
            at: expect.any(String),
            actorRole: 'system',
            actorId: 'system',
            action: 'purge',
            fromStatus: 'closed',
            toStatus: 'purged',
          },
        ]);
        await expect(inspector.vault.open(ref, field, value)).rejects.toBeInstanceOf(ShreddedError);

        await manager.openHome();
        expect(manager.screen()).not.toContain(reference);
      } finally {
        await inspector.close();
      }
    });
  });
});
