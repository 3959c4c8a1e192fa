import { describe, expect, it } from 'vitest';
import { typedByPerson } from '../../../src/privacy/private-text.js';
import { checkTeamNote, teamNoteRefusal } from '../../../src/privacy/release.js';

const shared = {
  reason: 'functional',
  shareScheduleWithManager: true,
  eapMayTrackStatus: false,
  jurisdiction: 'us',
} as const;
const check = (teamNote: string | undefined, shareScheduleWithManager = true) =>
  checkTeamNote({
    disclosure: { ...shared, shareScheduleWithManager },
    sensitive: teamNote ? { teamNote: typedByPerson(teamNote) } : {},
  });

describe('the note for the team, on its way to the manager', () => {
  it('goes when it is about the work, and only when the manager is told at all', () => {
    expect(check('Robin covers the support queue from 2:30 on Tuesdays.')).toBe('ok');
    expect(check('Robin covers the support queue.', false)).toBe('none');
    expect(check('   ')).toBe('none');
    expect(check(undefined)).toBe('none');
  });

  it('is held back, with a kind reason and none of its words, when it names a health detail or an address', () => {
    const clinical = check('I leave at 2:30 for my methadone clinic at Hazelden.');
    expect(clinical).toMatchObject({ healthDetail: true });
    const address = check('Questions about cover: robin@example.com');
    expect(address).toMatchObject({ address: true });
    if (typeof clinical !== 'object') throw new Error('held back');
    const message = teamNoteRefusal(clinical);
    expect(message).toContain('can’t go to your manager as it is');
    expect(message).not.toMatch(/methadone|Hazelden/i);
  });
});
