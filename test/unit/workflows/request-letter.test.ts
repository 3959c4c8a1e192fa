import { describe, expect, it } from 'vitest';
import { composeLetter, loadLetterTemplates } from '../../../src/letters/index.js';
import { requestLetterData } from '../../../src/workflows/request-letter.js';

const templates = await loadLetterTemplates();

const fields = {
  schedule: {
    days: ['mon', 'wed'] as ('mon' | 'wed')[],
    sessionStart: '17:30',
    sessionEnd: '20:30',
    travelMinutes: 30,
    startDate: '2027-01-04',
    endDate: '2027-03-12',
    format: 'in_person' as const,
  },
  work: {
    days: ['mon', 'tue', 'wed', 'thu', 'fri'] as ('mon' | 'tue' | 'wed' | 'thu' | 'fri')[],
    start: '09:00',
    end: '17:30',
    timeZone: 'America/New_York',
    constraints: [],
  },
  accommodations: ['leave_early_start_late' as const],
  disclosure: {
    reason: 'own_words' as const,
    shareScheduleWithManager: false,
    eapMayTrackStatus: false,
    jurisdiction: 'us' as const,
  },
  sensitive: {
    reasonOwnWords: 'I attend a structured evening program under supervision.',
    coveragePlan: 'I will start at 8:00 on session days.\nAlex covers the 5pm call.',
  },
};
const context = {
  reference: 'ACC-2026-0007',
  today: '2026-11-23',
  employeeName: 'Sam Rivera',
  org: { companyName: 'Example Co' },
};

describe('the request letter from a request', () => {
  it('uses the employee’s own words once, ending the sentence once', () => {
    const letter = composeLetter('request', requestLetterData(fields, context), {
      jurisdiction: 'us',
      templates,
    });
    expect(letter.text).toContain('a structured evening program under supervision');
    expect(letter.text).not.toContain('supervision..');
  });

  it('turns each line of the coverage plan into its own point', () => {
    const letter = composeLetter('request', requestLetterData(fields, context), {
      jurisdiction: 'us',
      templates,
    });
    expect(letter.text).toContain('I will start at 8:00 on session days.');
    expect(letter.text).toContain('Alex covers the 5pm call.');
  });

  it('says the default wording, naming no condition, unless the employee chose otherwise', () => {
    const data = requestLetterData(
      { ...fields, disclosure: { ...fields.disclosure, reason: 'functional' } },
      context,
    );
    const letter = composeLetter('request', data, { jurisdiction: 'us', templates });
    expect(letter.text).toContain('a scheduled outpatient medical treatment program');
    expect(letter.text).not.toContain('supervision');
  });
});
