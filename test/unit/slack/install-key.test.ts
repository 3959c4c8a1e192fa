import { describe, expect, it } from 'vitest';
import { installKeyOf } from '../../../src/slack/install-key.js';

/**
 * The shapes Slack sends, as in its SDKs' test fixtures and its documentation: a workspace install,
 * an org-wide (Enterprise Grid) install where interactive payloads carry `team: null`, commands
 * with `is_enterprise_install: "true"` as a string, and events keyed by their authorization.
 */

describe('the install a request belongs to', () => {
  it('a workspace install: the team, wherever the payload keeps it', () => {
    expect(
      installKeyOf({ type: 'block_actions', team: { id: 'T1' }, user: { id: 'U1', team_id: 'T1' } }),
    ).toBe('T1');
    expect(installKeyOf({ command: '/accommodation', team_id: 'T1', user_id: 'U1' })).toBe('T1');
    expect(installKeyOf({ type: 'view_submission', team: null, user: { id: 'U1', team_id: 'T1' } })).toBe(
      'T1',
    );
    expect(installKeyOf({ type: 'event_callback', team_id: 'T1', event: { type: 'message' } })).toBe('T1');
  });

  it('a workspace install inside an Enterprise Grid org is still keyed by its workspace', () => {
    expect(
      installKeyOf({
        type: 'shortcut',
        team: { id: 'T1', enterprise_id: 'E1' },
        enterprise: { id: 'E1' },
        is_enterprise_install: false,
        user: { id: 'U1', team_id: 'T1' },
      }),
    ).toBe('T1');
  });

  it('an org-wide install is one install: the enterprise id, from any workspace of the org', () => {
    const fromWorkspace = (team: string) => ({
      type: 'view_submission',
      team: null,
      enterprise: { id: 'E0ORG', name: 'Org' },
      is_enterprise_install: true,
      user: { id: 'W0EMP', team_id: team },
      view: { id: 'V1', team_id: team },
    });
    expect(installKeyOf(fromWorkspace('T1'))).toBe('E0ORG');
    expect(installKeyOf(fromWorkspace('T2'))).toBe('E0ORG');
    expect(
      installKeyOf({
        type: 'shortcut',
        team: null,
        enterprise: { id: 'E0ORG' },
        is_enterprise_install: true,
        user: { id: 'W0EMP' },
      }),
    ).toBe('E0ORG');
    // Slash commands send the flag as a string.
    expect(
      installKeyOf({
        command: '/accommodation',
        team_id: 'T1',
        enterprise_id: 'E0ORG',
        is_enterprise_install: 'true',
        user_id: 'W0EMP',
      }),
    ).toBe('E0ORG');
    // Events carry it on their authorization.
    expect(
      installKeyOf({
        type: 'event_callback',
        team_id: 'T1',
        enterprise_id: 'E0ORG',
        authorizations: [{ enterprise_id: 'E0ORG', team_id: null, is_enterprise_install: true }],
        event: { type: 'app_home_opened' },
      }),
    ).toBe('E0ORG');
  });

  it('names none when the payload carries none, or an empty one', () => {
    expect(installKeyOf({ type: 'block_actions', team: null, user: { id: 'U1' } })).toBeUndefined();
    expect(installKeyOf({ command: '/accommodation', team_id: '', user_id: 'U1' })).toBeUndefined();
    expect(
      installKeyOf({ type: 'shortcut', team: null, is_enterprise_install: true, user: { id: 'U1' } }),
    ).toBeUndefined();
    expect(installKeyOf(null)).toBeUndefined();
  });
});
