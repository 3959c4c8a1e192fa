import { validateView } from '@accommodation-assistant/slack-emulator';
import { describe, expect, it } from 'vitest';
import { availableActions } from '../../../src/domain/lifecycle/actions.js';
import { isHrOverdue } from '../../../src/domain/lifecycle/clock.js';
import { projectForHr } from '../../../src/domain/projections.js';
import type { AccommodationRequest } from '../../../src/domain/request.js';
import { HR_HOME_PAGE_SIZE, hrHomeView } from '../../../src/slack/views/hr/home.js';
import { MANAGER_HOME_MAX, managerHomeBlocks } from '../../../src/slack/views/manager/home.js';
import { later, policy, requestIn } from '../domain/lifecycle/fixtures.js';
import { told } from './manager-fixtures.js';
import { allText, blocksOf } from './support.js';

const viewer = 'U_HR1';

function queue(count: number, now: Date) {
  const { request } = requestIn('acknowledged');
  const fresh = requestIn('submitted').request;
  return Array.from({ length: count }, (_, i) => {
    const base: AccommodationRequest = i % 3 === 0 ? fresh : request;
    const r = { ...base, id: `ACC-2026-${String(i + 1).padStart(4, '0')}` };
    return {
      view: projectForHr(r),
      actions: availableActions(r, { role: 'hr', id: viewer }, now, policy),
      overdue: isHrOverdue(r, now, policy),
    };
  });
}

describe('HR’s Home tab', () => {
  it('shows the counts at the top and each request with its quick actions', () => {
    const now = later(requestIn('acknowledged').now, 24 * 5);
    const view = hrHomeView({ viewerId: viewer, rows: queue(4, now), page: 0, now });
    const text = allText(view);
    expect(text).toContain('*Open:* 4');
    expect(text).toContain('*To acknowledge:* 2');
    expect(text).toContain('*Overdue:* 2');
    expect(text).toContain('*Yours:* 2');
    expect(text).toContain('Showing 1–4 of 4 open requests (page 1 of 1).');
    const labels = JSON.stringify(blocksOf(view));
    expect(labels).toContain('"Acknowledge"');
    expect(labels).toContain('"View request"');
    expect(labels).not.toContain('Next page');
  });

  it('pages a long queue within Slack’s 100 blocks and says what it shows of how many', () => {
    const now = later(requestIn('acknowledged').now, 1);
    const rows = queue(57, now);
    const first = hrHomeView({ viewerId: viewer, rows, page: 0, now });
    expect(blocksOf(first).length).toBeLessThanOrEqual(100);
    expect(allText(first)).toContain(`Showing 1–${HR_HOME_PAGE_SIZE} of 57 open requests (page 1 of 3).`);
    expect(JSON.stringify(blocksOf(first))).toContain('Next page');
    const last = hrHomeView({ viewerId: viewer, rows, page: 2, now });
    expect(allText(last)).toContain('Showing 41–57 of 57 open requests (page 3 of 3).');
    expect(JSON.stringify(blocksOf(last))).toContain('Previous page');
    // Every request is on exactly one page.
    const seen = [0, 1, 2].flatMap((page) =>
      [...allText(hrHomeView({ viewerId: viewer, rows, page, now })).matchAll(/ACC-2026-\d{4}/g)].map(
        (m) => m[0],
      ),
    );
    expect(new Set(seen).size).toBe(57);
  });
});

describe('HR’s Home tab for an HR member who is also someone’s manager', () => {
  const now = later(requestIn('acknowledged').now, 1);

  it('lists what they were told as a manager, after the queue and before their own buttons', () => {
    const view = hrHomeView({
      viewerId: viewer,
      rows: queue(3, now),
      page: 0,
      now,
      managerBlocks: managerHomeBlocks(told(2)),
    });
    const text = allText(view);
    expect(text).toContain('Working patterns you were told about');
    expect(text).toContain('<@U_REPORT1>');
    expect(text).toContain('<@U_REPORT2>');
    expect(text.indexOf('Showing 1–3 of 3')).toBeLessThan(
      text.indexOf('Working patterns you were told about'),
    );
    expect(text.indexOf('Working patterns you were told about')).toBeLessThan(
      text.indexOf('Start a request of my own'),
    );
    // The queue is unchanged by it.
    expect(text).toContain('*Open:* 3');
    expect(validateView(view, 'home')).toEqual([]);
  });

  it('adds nothing when they were told nothing as a manager', () => {
    const rows = queue(3, now);
    const without = hrHomeView({ viewerId: viewer, rows, page: 0, now });
    const empty = hrHomeView({ viewerId: viewer, rows, page: 0, now, managerBlocks: managerHomeBlocks([]) });
    expect(empty).toEqual(without);
    expect(allText(empty)).not.toContain('Working patterns you were told about');
  });

  it('stays within Slack’s 100 blocks with a full page of requests and more reports than are listed', () => {
    const many = told(MANAGER_HOME_MAX + 15);
    const view = hrHomeView({
      viewerId: viewer,
      rows: queue(HR_HOME_PAGE_SIZE * 3, now),
      page: 1,
      now,
      managerBlocks: managerHomeBlocks(many),
    });
    expect(blocksOf(view).length).toBeLessThanOrEqual(100);
    expect(validateView(view, 'home')).toEqual([]);
    const text = allText(view);
    // A full page of the queue, the paging both ways, and the manager section capped with a count.
    expect(text).toContain(
      `Showing ${HR_HOME_PAGE_SIZE + 1}–${HR_HOME_PAGE_SIZE * 2} of ${HR_HOME_PAGE_SIZE * 3}`,
    );
    expect(text).toContain('Next page');
    expect(text).toContain('Previous page');
    expect(text).toContain('…and 15 more, ended longest ago.');
    expect(text).toContain(`<@U_REPORT${MANAGER_HOME_MAX}>`);
    expect(text).not.toContain(`<@U_REPORT${MANAGER_HOME_MAX + 1}>`);
    expect(text).toContain('Start a request of my own');
  });
});
