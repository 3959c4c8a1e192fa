import { describe, expect, it } from 'vitest';
import type { Draft, EmployeeProfile } from '../../../src/domain/draft.js';
import { decideDraftNudge, withDraftNudgesOff } from '../../../src/domain/draft-nudge.js';

const draft: Draft = {
  draftId: 'draft-1',
  step: 'work',
  startedAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  sensitive: {},
};
const profile: EmployeeProfile = { teamId: 'T1', userId: 'U1', noticeAcceptedAt: '2026-12-01T09:00:00.000Z' };
const at = (iso: string) => new Date(iso);

describe('the nudge about a draft left alone', () => {
  it('waits until the draft has been left alone for the days configured, then is sent', () => {
    const input = { draft, draftId: 'draft-1', profile, nudgeDays: 3 };
    expect(decideDraftNudge({ ...input, now: at('2026-12-03T10:00:00Z') })).toEqual({
      kind: 'later',
      at: at('2026-12-04T10:00:00.000Z'),
    });
    expect(decideDraftNudge({ ...input, now: at('2026-12-04T10:00:00Z') })).toEqual({ kind: 'send' });
  });

  it('a draft saved since moves the nudge; one sent or deleted gets none', () => {
    const saved = { ...draft, updatedAt: '2026-12-03T10:00:00.000Z' };
    expect(
      decideDraftNudge({
        draft: saved,
        draftId: 'draft-1',
        profile,
        nudgeDays: 3,
        now: at('2026-12-04T10:00:00Z'),
      }),
    ).toEqual({ kind: 'later', at: at('2026-12-06T10:00:00.000Z') });
    const now = at('2026-12-09T10:00:00Z');
    expect(decideDraftNudge({ draft: undefined, draftId: 'draft-1', profile, nudgeDays: 3, now })).toEqual({
      kind: 'none',
      why: 'draft_gone',
    });
    expect(
      decideDraftNudge({
        draft: { ...draft, draftId: 'draft-2' },
        draftId: 'draft-1',
        profile,
        nudgeDays: 3,
        now,
      }),
    ).toEqual({ kind: 'none', why: 'draft_gone' });
  });

  it('never once the person turned nudges off, and turning off keeps their other facts', () => {
    const off = withDraftNudgesOff(profile, profile, at('2026-12-02T10:00:00Z'));
    expect(off).toEqual({ ...profile, draftNudgesOffAt: '2026-12-02T10:00:00.000Z' });
    expect(
      decideDraftNudge({
        draft,
        draftId: 'draft-1',
        profile: off,
        nudgeDays: 3,
        now: at('2026-12-09T10:00:00Z'),
      }),
    ).toEqual({ kind: 'none', why: 'turned_off' });
    // Turning off twice keeps the first time; someone with no profile yet gets one.
    expect(withDraftNudgesOff(off, profile, at('2026-12-05T10:00:00Z'))).toBe(off);
    expect(withDraftNudgesOff(null, { teamId: 'T1', userId: 'U2' }, at('2026-12-05T10:00:00Z'))).toEqual({
      teamId: 'T1',
      userId: 'U2',
      draftNudgesOffAt: '2026-12-05T10:00:00.000Z',
    });
  });
});
