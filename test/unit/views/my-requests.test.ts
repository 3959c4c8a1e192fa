import { validateView } from '@accommodation-assistant/slack-emulator';
import { describe, expect, it } from 'vitest';
import { decide } from '../../../src/domain/lifecycle/decide.js';
import type { AccommodationRequest } from '../../../src/domain/request.js';
import { homeView } from '../../../src/slack/views/home.js';
import { statusListMessage } from '../../../src/slack/views/messages.js';
import { myRequestBlocks, myRequestIds } from '../../../src/slack/views/my-requests.js';
import { myRequestOf } from '../../../src/workflows/my-requests.js';
import { accepted, later, pathTo, payloads, people, policy, walk } from '../domain/lifecycle/fixtures.js';
import { allText, blocksOf, expectValidMessage } from './support.js';

/**
 * The employee's own screens show a button exactly when `decide` would accept that command from
 * them now. Each case below is a request walked through the real `decide`, then shown.
 */

type Button = { action_id: string; value?: string; text: { text: string } };

const { owner, hr } = people;

function shown(request: AccommodationRequest, now: Date) {
  return myRequestOf(request, owner, now, policy);
}

function buttonsOf(request: AccommodationRequest, now: Date): string[] {
  return blocksOf({ type: 'home', blocks: myRequestBlocks(shown(request, now)) })
    .filter((block) => block.type === 'actions')
    .flatMap((block) => (block.elements as Button[]).map((button) => button.text.text));
}

/** Would `decide` take this command from the employee at `now`? */
const accepts = (request: AccommodationRequest, type: 'withdraw' | 'request_update', now: Date) =>
  decide(request, { type, payload: payloads[type] }, owner, now, policy).ok;

describe('the buttons on an employee’s request', () => {
  it('lets the employee answer HR from their own screens: Accept and Decline, or I’ve asked my provider', () => {
    const offered = walk(pathTo.alternative_offered);
    expect(buttonsOf(offered.request, offered.now)).toEqual(expect.arrayContaining(['Accept', 'Decline']));
    const documentation = walk(pathTo.documentation_requested);
    expect(buttonsOf(documentation.request, documentation.now)).toContain('I’ve asked my provider');
    const acknowledged = walk(pathTo.acknowledged);
    expect(buttonsOf(acknowledged.request, acknowledged.now)).not.toContain('Accept');
  });

  it('offers Withdraw while the request is open, and not once it is withdrawn, denied or closed', () => {
    for (const status of ['submitted', 'acknowledged', 'documentation_requested', 'approved'] as const) {
      const { request, now } = walk(pathTo[status]);
      expect(buttonsOf(request, now), status).toContain('Withdraw');
      expect(accepts(request, 'withdraw', now)).toBe(true);
    }
    for (const status of ['withdrawn', 'denied', 'closed', 'ended'] as const) {
      const { request, now } = walk(pathTo[status]);
      expect(buttonsOf(request, now), status).not.toContain('Withdraw');
      expect(accepts(request, 'withdraw', now)).toBe(false);
    }
  });

  it('offers “Ask HR for an update” only once HR’s answer is overdue, and once per period', () => {
    const { request, now } = walk(pathTo.submitted);
    expect(buttonsOf(request, now)).not.toContain('Ask HR for an update');
    expect(allText({ type: 'home', blocks: myRequestBlocks(shown(request, now)) })).toContain(
      'HR aims to answer by',
    );

    // Two business days to acknowledge: a week later HR is late.
    const late = later(now, 24 * 7);
    expect(buttonsOf(request, late)).toContain('Ask HR for an update');
    expect(accepts(request, 'request_update', late)).toBe(true);
    expect(allText({ type: 'home', blocks: myRequestBlocks(shown(request, late)) })).toContain(
      'HR’s answer was due',
    );

    // Asked: not again straight away.
    const asked = accepted(decide(request, { type: 'request_update', payload: {} }, owner, late, policy));
    const after = { ...asked.request, version: asked.request.version + 1 };
    expect(buttonsOf(after, later(late, 1))).not.toContain('Ask HR for an update');
    expect(accepts(after, 'request_update', later(late, 1))).toBe(false);
  });

  it('offers no update while HR waits on the employee, however long it has been', () => {
    const { request, now } = walk(pathTo.documentation_requested);
    const muchLater = later(now, 24 * 30);
    expect(buttonsOf(request, muchLater)).not.toContain('Ask HR for an update');
    expect(accepts(request, 'request_update', muchLater)).toBe(false);
    expect(allText({ type: 'home', blocks: myRequestBlocks(shown(request, now)) })).toContain(
      'HR is waiting to hear from you',
    );
  });

  it('every button is one the employee could press: its command is accepted now', () => {
    for (const path of Object.values(pathTo)) {
      const { request, now } = walk(path);
      const item = shown(request, now);
      for (const action of item.actions) {
        if (action.command === undefined) continue;
        // The button's form supplies the payload; here the fixtures' filled-in form does.
        const decision = decide(
          request,
          { type: action.command, payload: payloads[action.command] },
          owner,
          now,
          policy,
        );
        expect(decision.ok, `${request.status}: ${action.id}`).toBe(true);
      }
    }
  });

  it('each button carries the request’s reference, and HR’s own actions never appear', () => {
    const { request, now } = walk(pathTo.acknowledged);
    const blocks = blocksOf({ type: 'home', blocks: myRequestBlocks(shown(request, now)) });
    const buttons = blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements as Button[]);
    expect(buttons.map((b) => [b.action_id, b.value])).toEqual([
      [myRequestIds.withdrawRequest, request.id],
      [myRequestIds.viewRequest, request.id],
    ]);
    expect(JSON.stringify(blocks)).not.toMatch(/Approve|Deny|Acknowledge|Add note/);
    // HR acting on the same request would see HR's actions, not these.
    expect(myRequestOf(request, hr, now, policy).actions.map((a) => a.id)).toContain('approve');
  });

  it('shows nothing the employee wrote: the screen is a list, not their letter', () => {
    const { request, now } = walk(pathTo.denied);
    const text = JSON.stringify(myRequestBlocks(shown(request, now)));
    for (const word of Object.values(request.sensitive)) {
      if (typeof word === 'string') expect(text).not.toContain(word);
    }
  });
});

describe('builders take the projection, never the record', () => {
  it('refuses a record, and an object made to look like the projection', () => {
    const { request, now } = walk(pathTo.submitted);
    const item = shown(request, now);
    // Checked by the type checker (`tsc`, run with the tests): each call below must not compile.
    const handedTheRecord = () => [
      // @ts-expect-error a record is not the employee's projection
      myRequestBlocks({ ...item, request }),
      // @ts-expect-error nor is a look-alike made by hand: only projectForEmployee makes one
      myRequestBlocks({ ...item, request: { ...request, reference: request.id } }),
      // @ts-expect-error the Home tab takes projections too
      homeView({ companyName: 'Acme', requests: [request] }),
      // @ts-expect-error and so does /accommodation status
      statusListMessage({ requests: [{ ...item, request }] }),
    ];
    void handedTheRecord;
    expect(myRequestBlocks(item)).not.toHaveLength(0);
  });
});

describe('the Home tab and /accommodation status', () => {
  const many = (count: number) => {
    const items = [];
    for (let n = 0; n < count; n++) {
      const { request, now } = walk(pathTo.acknowledged);
      items.push(shown({ ...request, id: `ACC-2026-${String(n + 1).padStart(4, '0')}` }, now));
    }
    return items;
  };

  it('lists each request with its buttons within Slack’s limits, and says how many more there are', () => {
    const items = many(60);
    const home = homeView({
      companyName: 'Acme',
      draft: { step: 'review', updatedAt: '2026-02-21' },
      requests: items,
    });
    expect(validateView(home, 'home')).toEqual([]);
    expect(allText(home)).toContain('…and 40 more.');
    const status = statusListMessage({ requests: items });
    expectValidMessage(status);
    expect(allText(status)).toContain('…and 40 older ones.');
    expect(status.text).toContain('ACC-2026-0001: HR is reviewing it');
  });

  it('the status answer carries the same buttons as Home', () => {
    const { request, now } = walk(pathTo.submitted);
    const late = later(now, 24 * 7);
    const status = statusListMessage({ requests: [shown(request, late)] });
    const ids = blocksOf(status)
      .filter((b) => b.type === 'actions')
      .flatMap((b) => (b.elements as Button[]).map((e) => e.action_id));
    expect(ids).toEqual([myRequestIds.askForUpdate, myRequestIds.withdrawRequest, myRequestIds.viewRequest]);
  });
});
