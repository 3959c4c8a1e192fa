import { validateView } from '@accommodation-assistant/slack-emulator';
import { describe, expect, it } from 'vitest';
import { homeIds, homeView } from '../../../src/slack/views/home.js';
import { myRequestIds } from '../../../src/slack/views/my-requests.js';
import { myRequestOf } from '../../../src/workflows/my-requests.js';
import { pathTo, people, policy, walk } from '../domain/lifecycle/fixtures.js';
import { allText, blocksOf } from './support.js';

type Button = {
  action_id: string;
  value?: string;
  text: { text: string };
  confirm?: unknown;
  style?: string;
};

function buttons(view: ReturnType<typeof homeView>): Button[] {
  return blocksOf(view)
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements as Button[]);
}

/** A request walked through `decide` to `status`, as the employee's Home shows it. */
function mine(status: keyof typeof pathTo, reference: string) {
  const { request, now } = walk(pathTo[status]);
  return myRequestOf({ ...request, id: reference }, people.owner, now, policy);
}

describe('App Home', () => {
  it('offers to start a request when there is no draft', () => {
    const view = homeView({ companyName: 'Acme' });
    expect(validateView(view, 'home')).toEqual([]);
    const start = buttons(view).find((b) => b.action_id === homeIds.startRequest);
    expect(start?.text.text).toBe('Start a request');
    expect(start?.style).toBe('primary');
    expect(allText(view)).toContain('Nothing sent yet.');
  });

  it('offers to continue a draft instead, saying where it is', () => {
    const view = homeView({
      companyName: 'Acme',
      draft: { step: 'help', updatedAt: '2026-02-21T09:00:00.000Z' },
    });
    expect(validateView(view, 'home')).toEqual([]);
    expect(buttons(view).map((b) => b.action_id)).toContain(homeIds.continueDraft);
    expect(buttons(view).map((b) => b.action_id)).not.toContain(homeIds.startRequest);
    expect(allText(view)).toContain('Step 3 of 5 · What would help');
    expect(allText(view)).toContain('Last saved Feb 21, 2026');
  });

  it('lists requests with status, dates, what they wait on, and only the actions allowed', () => {
    const view = homeView({
      companyName: 'Acme',
      requests: [mine('acknowledged', 'ACC-2026-0042'), mine('withdrawn', 'ACC-2026-0007')],
    });
    expect(validateView(view, 'home')).toEqual([]);
    const text = allText(view);
    expect(text).toContain('*ACC-2026-0042* · HR is reviewing it\\nMar 16 – Jun 5, 2026 · sent Mar 2, 2026');
    expect(text).toContain('HR aims to answer by');
    expect(text).toContain('*ACC-2026-0007* · Withdrawn');
    const forRequest = (ref: string) =>
      (blocksOf(view).find((b) => b.block_id === `${myRequestIds.blockPrefix}${ref}`)?.elements ??
        []) as Button[];
    expect(forRequest('ACC-2026-0042').map((b) => [b.action_id, b.value])).toEqual([
      [myRequestIds.withdrawRequest, 'ACC-2026-0042'],
      [myRequestIds.viewRequest, 'ACC-2026-0042'],
    ]);
    expect(forRequest('ACC-2026-0007').map((b) => b.action_id)).toEqual([myRequestIds.viewRequest]);
  });

  it('asks before deleting; withdrawing asks in its own form', () => {
    const view = homeView({ companyName: 'Acme', requests: [mine('submitted', 'ACC-2026-0001')] });
    expect(buttons(view).find((b) => b.action_id === homeIds.deleteData)?.confirm).toBeDefined();
    expect(buttons(view).find((b) => b.action_id === myRequestIds.withdrawRequest)?.text.text).toBe(
      'Withdraw',
    );
  });

  it('keeps the privacy notice, export and delete within reach', () => {
    const ids = buttons(homeView({ companyName: 'Acme' })).map((b) => b.action_id);
    expect(ids).toEqual(expect.arrayContaining([homeIds.readNotice, homeIds.exportData, homeIds.deleteData]));
  });
});
