import { validateView } from '@accommodation-assistant/slack-emulator';
import { describe, expect, it } from 'vitest';
import { eapDashboard } from '../../../src/domain/eap-dashboard.js';
import { projectForEap } from '../../../src/domain/projections.js';
import { EAP_HOME_MAX_PEOPLE, eapHomeView } from '../../../src/slack/views/eap/home.js';
import { MANAGER_HOME_MAX, managerHomeBlocks } from '../../../src/slack/views/manager/home.js';
import { policy, requestIn } from '../domain/lifecycle/fixtures.js';
import { told } from './manager-fixtures.js';
import { allText, blocksOf } from './support.js';

/** A dashboard of `count` people who agreed to EAP tracking, each with one acknowledged request. */
function dashboardOf(count: number) {
  const { request, now } = requestIn('acknowledged');
  const rows = Array.from({ length: count }, (_, i) => ({
    person: `person-${i + 1}`,
    view: projectForEap({
      ...request,
      id: `ACC-2026-${String(5000 + i)}`,
      employeeId: `U_CONSENTED${i + 1}`,
      disclosure: { ...request.disclosure, eapMayTrackStatus: true },
    }),
  }));
  return eapDashboard(rows, { now, minGroup: 11, calendar: policy.calendar });
}

describe('the EAP coordinator’s Home tab for a coordinator who is also someone’s manager', () => {
  it('lists what they were told as a manager after the people they follow', () => {
    const view = eapHomeView(dashboardOf(3), managerHomeBlocks(told(2)));
    const text = allText(view);
    expect(text).toContain('Accommodation tracking');
    expect(text).toContain('Working patterns you were told about');
    expect(text).toContain('<@U_REPORT1>');
    expect(text).toContain('<@U_REPORT2>');
    expect(text.indexOf('People who asked you to follow their request')).toBeLessThan(
      text.indexOf('Working patterns you were told about'),
    );
    expect(validateView(view, 'home')).toEqual([]);
  });

  it('adds nothing when they were told nothing as a manager', () => {
    const dashboard = dashboardOf(3);
    const empty = eapHomeView(dashboard, managerHomeBlocks([]));
    expect(empty).toEqual(eapHomeView(dashboard));
    expect(allText(empty)).not.toContain('Working patterns you were told about');
  });

  it('stays within Slack’s 100 blocks with every person row and more reports than are listed', () => {
    const view = eapHomeView(
      dashboardOf(EAP_HOME_MAX_PEOPLE + 10),
      managerHomeBlocks(told(MANAGER_HOME_MAX + 15)),
    );
    expect(blocksOf(view).length).toBeLessThanOrEqual(100);
    expect(validateView(view, 'home')).toEqual([]);
    const text = allText(view);
    expect(text).toContain('…and 10 more, whose requests changed longest ago.');
    expect(text).toContain('…and 15 more, ended longest ago.');
    expect(text).toContain(`<@U_REPORT${MANAGER_HOME_MAX}>`);
    expect(text).not.toContain(`<@U_REPORT${MANAGER_HOME_MAX + 1}>`);
  });
});
