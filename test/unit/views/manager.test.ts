import { describe, expect, it } from 'vitest';
import { decide } from '../../../src/domain/lifecycle/decide.js';
import { projectForManager } from '../../../src/domain/projections.js';
import { managerHomeBlocks } from '../../../src/slack/views/manager/home.js';
import { managerNoticeText } from '../../../src/slack/views/manager/notice.js';
import { accepted, later, pathTo, people, policy, walk } from '../domain/lifecycle/fixtures.js';

const { owner, hr } = people;

function approvedView() {
  const { request, now } = walk(pathTo.approved);
  const view = projectForManager(request);
  if (!view) throw new Error('the fixture tells its manager');
  return { request, now, view };
}

describe('what a manager reads', () => {
  it('on approval: the days and hours, the dates, and no session times', () => {
    const { view, request } = approvedView();
    const text = managerNoticeText(view, 'approved', 'en-US');
    expect(text).toContain(`<@${request.employeeId}>`);
    expect(text).toMatch(/From \w+, March 16, 2026 until/);
    expect(text).toContain('Review by Friday, May 15, 2026');
    // The session is 15:00-18:00: neither time, in any form, is in what the manager reads.
    for (const secret of ['3:00', '6:00 PM', '15:00', '18:00', 'session', 'treatment'])
      expect(text).not.toContain(secret);
  });

  it('on an end or a withdrawal: only that the usual hours apply again', () => {
    const { view } = approvedView();
    const ended = managerNoticeText({ ...view, state: 'ended' }, 'ended', 'en-US');
    expect(ended).toMatch(/has ended: their usual hours apply again\.$/);
    expect(ended).not.toMatch(/Monday|From /);
    expect(managerNoticeText({ ...view, state: 'withdrawn' }, 'withdrawn', 'en-US')).toMatch(/was withdrawn/);
  });

  it('on their Home: each person with the pattern and where it stands now', () => {
    const { request, now, view } = approvedView();
    const ended = projectForManager(
      accepted(decide(request, { type: 'end', payload: {} }, hr, later(now, 1), policy)).request,
    );
    const withdrawn = projectForManager(
      accepted(decide(request, { type: 'withdraw', payload: {} }, owner, later(now, 1), policy)).request,
    );
    if (!ended || !withdrawn) throw new Error('the manager was told of both');
    const text = JSON.stringify(managerHomeBlocks([view, ended, withdrawn]));
    expect(text).toContain('In place');
    expect(text).toContain('Ended: usual hours apply again');
    expect(text).toContain('Withdrawn: usual hours apply again');
    expect(managerHomeBlocks([])).toEqual([]);
  });
});
