import type { Draft } from '../../../src/domain/draft.js';
import type { ScheduleStepValues } from '../../../src/domain/intake.js';
import { SensitiveFields } from '../../../src/domain/request.js';

export const today = '2026-02-20';

export const scheduleValues: ScheduleStepValues = {
  days: ['mon', 'wed', 'thu'],
  sessionStart: '17:30',
  sessionEnd: '20:30',
  travelMinutes: '30',
  startDate: '2026-03-02',
  weeks: '10',
  format: 'in_person',
};

export function emptyDraft(): Draft {
  return {
    draftId: 'draft-1',
    step: 'schedule',
    startedAt: '2026-02-20T10:00:00.000Z',
    updatedAt: '2026-02-20T10:00:00.000Z',
    sensitive: {},
  };
}

/** Every step answered, every free-text field filled. */
export function fullDraft(): Draft {
  return {
    ...emptyDraft(),
    step: 'review',
    schedule: {
      days: ['mon', 'wed', 'thu'],
      sessionStart: '15:00',
      sessionEnd: '18:00',
      travelMinutes: 30,
      startDate: '2026-03-02',
      endDate: '2026-05-10',
      format: 'hybrid',
    },
    work: {
      days: ['mon', 'tue', 'wed', 'thu', 'fri'],
      start: '09:00',
      end: '17:30',
      timeZone: 'America/Chicago',
      constraints: ['recurring_meetings', 'customer_hours'],
    },
    accommodations: ['leave_early_start_late', 'protected_calendar', 'other'],
    disclosure: {
      reason: 'own_words',
      shareScheduleWithManager: true,
      eapMayTrackStatus: true,
      jurisdiction: 'ca',
    },
    sensitive: SensitiveFields.parse({
      constraintsNote: 'I run the Thursday stand-up.',
      otherAccommodation: 'Move my Thursday stand-up to the morning',
      coveragePlan: 'Priya covers client calls after 2:30 on session days.',
      reasonOwnWords: 'I am attending a treatment program three afternoons a week.',
      privateNote: 'Ask about the parking pass.',
      statementOfNeed: 'I am asking to finish at 2:30 on three days a week for ten weeks.',
    }),
  };
}
