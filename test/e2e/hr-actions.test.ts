import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AccommodationRequest } from '../../src/domain/request.js';
import { type Harness, startHarness } from '../support/harness.js';
import { eventually, hrWorld, submitAs } from '../support/hr-world.js';
import { TEAM } from '../support/scripts.js';

/**
 * HR's side end to end over HTTP: the card and its buttons, the forms, who may press them, and two
 * HR members acting at once. One app and one emulator; each part sends its own request.
 */
describe('HR acting on a request', () => {
  let harness: Harness;
  const hrChannel = 'CHR';

  beforeAll(async () => {
    harness = await startHarness({
      env: { REDIS_URL: inject('redisUrl'), REDIS_KEY_PREFIX: `hractions${process.pid}` },
      emulator: { directory: hrWorld },
    });
  });
  afterAll(async () => {
    await harness.stop();
  });

  const stored = async (id: string): Promise<AccommodationRequest> => {
    const request = await harness.app.services.store.requests.get(TEAM, id);
    if (!request) throw new Error(`${id} is not stored`);
    return request;
  };
  const auditOf = (id: string) => harness.app.services.store.audit.list(TEAM, id);
  const cardPosts = (id: string) =>
    harness
      .calls('chat.postMessage')
      .filter(
        (c) => c.ok && c.args.channel === hrChannel && !c.args.thread_ts && String(c.args.text).includes(id),
      );
  /** The card as Slack holds it now: the one top-level message of the app about the request. */
  const cardMessage = (id: string) => {
    const cards = harness.emulator.workspace
      .messagesSeenBy(hrChannel, harness.hr.user.id)
      .filter((m) => m.fromBot && !m.threadTs && m.text.includes(id));
    expect(cards).toHaveLength(1);
    return cards[0];
  };
  const cardTs = (id: string) => cardMessage(id)?.ts ?? '';
  const updatesOf = (ts: string) =>
    harness.calls('chat.update').filter((c) => c.ok && c.args.channel === hrChannel && c.args.ts === ts);
  const threadOf = (ts: string) =>
    harness
      .calls('chat.postMessage')
      .filter((c) => c.ok && c.args.channel === hrChannel && c.args.thread_ts === ts)
      .map((c) => String(c.args.text));
  const buttonsOnCard = (id: string) => {
    const blocks = (cardMessage(id)?.blocks ?? []) as {
      type: string;
      elements?: { text?: { text: string } }[];
    }[];
    return blocks
      .filter((b) => b.type === 'actions')
      .flatMap((b) => (b.elements ?? []).map((e) => e.text?.text ?? ''));
  };

  describe('the card', () => {
    let request: AccommodationRequest;

    it('is posted once to HR’s channel with the buttons availableActions lists', async () => {
      request = await submitAs(harness, 'employee');
      await eventually(() => cardPosts(request.id).length === 1, 'the card');
      expect(buttonsOnCard(request.id)).toEqual([
        'Assign to me',
        'Acknowledge',
        'Add note',
        'View request',
        'History',
      ]);
      await harness.hr.expect(`Request ${request.id}`);
      await harness.hr.expect('New, to acknowledge');
    });

    it('Acknowledge: updated in place, an event in its thread naming no reason, the employee told', async () => {
      const ts = cardTs(request.id);
      const updates = updatesOf(ts).length;
      await harness.hr.click('Acknowledge');
      await eventually(
        async () => (await stored(request.id)).status === 'acknowledged',
        'the acknowledgment',
      );
      await eventually(() => updatesOf(ts).length > updates, 'the card update');
      await eventually(() => threadOf(ts).includes('Acknowledged.'), 'the thread reply');
      // Never posted again: one card, changed in place.
      expect(cardPosts(request.id)).toHaveLength(1);
      const card = updatesOf(ts).at(-1);
      expect(JSON.stringify(card?.args.blocks)).toContain('Acknowledged');
      expect(JSON.stringify(card?.args.blocks)).toContain(`<@${harness.hr.user.id}>`);
      expect(buttonsOnCard(request.id)).toEqual(
        expect.arrayContaining([
          'Reassign',
          'Ask for documentation',
          'Offer an alternative',
          'Approve',
          'Deny',
        ]),
      );
      for (const reply of threadOf(ts)) expect(reply).not.toMatch(/outpatient|treatment|medical|session/i);
      harness.employee.openMessages();
      await harness.employee.expect(`HR has received your request ${request.id}`);
      expect((await stored(request.id)).assigneeId).toBe(harness.hr.user.id);
    });

    it('a withdrawal updates the same card and says so in its thread', async () => {
      const ts = cardTs(request.id);
      await harness.employee.openHome();
      await harness.employee.click('Withdraw');
      await harness.employee.submit();
      await eventually(
        () => threadOf(ts).some((t) => t.includes('withdrawn by the employee')),
        'the withdrawal',
      );
      await eventually(
        () => JSON.stringify(updatesOf(ts).at(-1)?.args.blocks).includes('Withdrawn by the employee'),
        'the card showing the withdrawal',
      );
      expect(cardPosts(request.id)).toHaveLength(1);
      expect(buttonsOnCard(request.id)).not.toContain('Approve');
    });
  });

  describe('a denial', () => {
    it('without its reasons is refused beside each field, and nothing changes', async () => {
      const request = await submitAs(harness, 'employee');
      await eventually(() => cardPosts(request.id).length === 1, 'the card');
      await harness.hr.click('Acknowledge');
      await eventually(
        async () => (await stored(request.id)).status === 'acknowledged',
        'the acknowledgment',
      );
      const { hr } = harness;
      await hr.click('Deny');
      await hr.expect('How to ask for reconsideration');
      await hr.submit();
      await hr.expect('Please choose the reason for the denial.');
      await hr.expect('Please fill in the explanation.');
      await hr.expect('Please list at least one alternative considered');
      await hr.expect('Please fill in how to ask for reconsideration.');
      // Blanks are not reasons either; a half-given alternative is pointed at.
      await hr.fill({
        Reason: 'Undue hardship',
        Explanation: '   ',
        'Alternative considered 1': 'An earlier start on session days',
        'How to ask for reconsideration': 'Reply within 10 business days.',
      });
      await hr.submit();
      await hr.expect('Please fill in the explanation.');
      await hr.expect('Please say why this alternative would not work.');
      const after = await stored(request.id);
      expect(after.status).toBe('acknowledged');
      expect((await auditOf(request.id)).map((e) => e.action)).not.toContain('deny');
      await hr.closeModal();
    });
  });

  describe('someone outside HR', () => {
    it('pressing each HR button is told “not permitted”, is audited, and changes nothing', async () => {
      const request = await submitAs(harness, 'employee');
      await eventually(() => cardPosts(request.id).length === 1, 'the card');
      await harness.hr.click('Acknowledge');
      await eventually(
        async () => (await stored(request.id)).status === 'acknowledged',
        'the acknowledgment',
      );
      await eventually(() => buttonsOnCard(request.id).includes('Approve'), 'the card with decisions');
      const colleague = harness.as('colleague');
      const labels = buttonsOnCard(request.id);
      expect(labels.length).toBeGreaterThanOrEqual(8);
      const before = await stored(request.id);
      const opened = harness.calls('views.open').length;
      const refusedBefore = (await auditOf(request.id)).filter((e) => e.action === 'not_permitted').length;
      for (const label of labels) {
        const ephemerals = harness.calls('chat.postEphemeral').length;
        await colleague.click(label);
        await eventually(
          () => harness.calls('chat.postEphemeral').length > ephemerals,
          `the refusal of ${label}`,
        );
        const told = harness.calls('chat.postEphemeral').at(-1);
        expect(told?.args.user).toBe(colleague.user.id);
        expect(String(told?.args.text)).toContain('Only the HR team can do that');
      }
      const after = await stored(request.id);
      expect(after.version).toBe(before.version);
      expect(after.status).toBe('acknowledged');
      expect(after.assigneeId).toBe(before.assigneeId);
      expect(harness.calls('views.open').length).toBe(opened);
      const refused = (await auditOf(request.id)).filter((e) => e.action === 'not_permitted');
      expect(refused.length - refusedBefore).toBe(labels.length);
      expect(refused.every((e) => e.actorId === colleague.user.id)).toBe(true);
    });
  });

  describe('two HR members at once', () => {
    it('Approve and Deny submitted together leave one result; the other is told who acted first', async () => {
      const request = await submitAs(harness, 'employee');
      await eventually(() => cardPosts(request.id).length === 1, 'the card');
      const { hr } = harness;
      const hr2 = harness.as('hr2');
      await hr.click('Acknowledge');
      await eventually(
        async () => (await stored(request.id)).status === 'acknowledged',
        'the acknowledgment',
      );
      await eventually(() => buttonsOnCard(request.id).includes('Approve'), 'the card with decisions');
      await hr.click('Approve');
      await hr.expect('Review date');
      await hr2.click('Deny');
      await hr2.fill({
        Reason: 'It would remove an essential function of the job',
        Explanation: 'The evening handover cannot move.',
        'Why leave would not work': 'The evening handover needs someone there every day.',
        'Why a vacant job would not work': 'No vacant job has hours that fit.',
        'Alternative considered 1': 'An earlier start',
        'Why alternative 1 would not work': 'The handover is at 18:00.',
        'How to ask for reconsideration': 'Reply to this letter within 10 business days.',
      });
      await Promise.all([hr.submit(), hr2.submit()]);
      const after = await stored(request.id);
      expect(['approved', 'denied']).toContain(after.status);
      const decisions = (await auditOf(request.id)).filter(
        (e) => e.action === 'approve' || e.action === 'deny',
      );
      expect(decisions).toHaveLength(1);
      const winner = decisions[0]?.actorId;
      const loser = winner === hr.user.id ? hr2 : hr;
      const winnerName = harness.as(winner ?? '').user.realName;
      await loser.expect(
        `@${winnerName} acted first: the request is now “${after.status === 'approved' ? 'Approved' : 'Not approved'}”`,
      );
    });
  });

  describe('HR’s Home tab', () => {
    it('is the queue, with counts and quick actions that work from there', async () => {
      const request = await submitAs(harness, 'employee');
      await eventually(() => cardPosts(request.id).length === 1, 'the card');
      const hr2 = harness.as('hr2');
      // A form left open by an earlier step would sit in front of the Home tab.
      while (hr2.topModal()) await hr2.closeModal();
      await hr2.openHome();
      await hr2.expect('Accommodation requests');
      await hr2.expect('To acknowledge:');
      await hr2.expect(`${request.id}`);
      await hr2.expect('open requests (page 1 of 1)');
      // Someone outside HR has their own Home, not the queue.
      await harness.as('colleague').openHome();
      expect(harness.as('colleague').screen()).not.toContain('Accommodation requests');
      expect(harness.as('colleague').screen()).not.toContain(request.id);

      const row = hr2
        .rendered()
        .targets.find((t) => t.label === 'Acknowledge' && JSON.stringify(t).includes(request.id));
      if (!row) throw new Error('no Acknowledge quick action for the new request on HR’s Home');
      await hr2.click(row);
      await eventually(
        async () => (await stored(request.id)).status === 'acknowledged',
        'the acknowledgment',
      );
      expect((await stored(request.id)).assigneeId).toBe(hr2.user.id);
      // Its Home follows (a refresh_home effect for the new assignee).
      await eventually(
        () => hr2.screen().includes('Yours:* 1') || hr2.screen().includes('Yours: 1'),
        'the refreshed Home',
      );
    });
  });
});
