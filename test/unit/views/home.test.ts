import { validateView } from '@accommodation-assistant/slack-emulator';
import { describe, expect, it } from 'vitest';
import {
  HOME_MAX_REQUESTS,
  type HomeRequestSummary,
  homeIds,
  homeView,
} from '../../../src/slack/views/home.js';
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

const request = (n: number, extra: Partial<HomeRequestSummary> = {}): HomeRequestSummary => ({
  reference: `ACC-2026-${String(n).padStart(4, '0')}`,
  status: 'acknowledged',
  submittedAt: '2026-02-20T10:00:00.000Z',
  startDate: '2026-03-02',
  endDate: '2026-05-10',
  actions: ['view', 'withdraw', 'ask_update'],
  ...extra,
});

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

  it('lists requests with status, dates and only the actions allowed', () => {
    const view = homeView({
      companyName: 'Acme',
      requests: [request(42), request(7, { status: 'withdrawn', actions: ['view'] })],
    });
    expect(validateView(view, 'home')).toEqual([]);
    const text = allText(view);
    expect(text).toContain('*ACC-2026-0042* · HR is reviewing it\\nMar 2 – May 10, 2026 · sent Feb 20, 2026');
    expect(text).toContain('*ACC-2026-0007* · Withdrawn');
    const forRequest = (ref: string) =>
      (blocksOf(view).find((b) => b.block_id === `${homeIds.requestBlockPrefix}${ref}`)?.elements ??
        []) as Button[];
    expect(forRequest('ACC-2026-0042').map((b) => [b.action_id, b.value])).toEqual([
      [homeIds.viewRequest, 'ACC-2026-0042'],
      [homeIds.withdrawRequest, 'ACC-2026-0042'],
      [homeIds.askForUpdate, 'ACC-2026-0042'],
    ]);
    expect(forRequest('ACC-2026-0007').map((b) => b.action_id)).toEqual([homeIds.viewRequest]);
  });

  it('asks before withdrawing or deleting', () => {
    const view = homeView({ companyName: 'Acme', requests: [request(1)] });
    for (const id of [homeIds.withdrawRequest, homeIds.deleteData]) {
      expect(buttons(view).find((b) => b.action_id === id)?.confirm).toBeDefined();
    }
  });

  it('keeps the privacy notice, export and delete within reach', () => {
    const ids = buttons(homeView({ companyName: 'Acme' })).map((b) => b.action_id);
    expect(ids).toEqual(expect.arrayContaining([homeIds.readNotice, homeIds.exportData, homeIds.deleteData]));
  });

  it('stays within 100 blocks with many requests, and says how many more there are', () => {
    const requests = Array.from({ length: 150 }, (_, n) => request(n + 1));
    const view = homeView({
      companyName: 'Acme',
      draft: { step: 'review', updatedAt: '2026-02-21' },
      requests,
    });
    expect(validateView(view, 'home')).toEqual([]);
    expect(allText(view)).toContain(`…and ${150 - HOME_MAX_REQUESTS} more.`);
  });
});
