import { describe, expect, it } from 'vitest';
import { quietUntil } from '../../src/jobs/quiet-hours.js';

const night = { from: '20:00', until: '08:00' };

describe('quiet hours, in the recipient’s own time zone', () => {
  it('lets a reminder through in the working day', () => {
    // 15:00 UTC is 10:00 in New York.
    expect(quietUntil(new Date('2026-03-02T15:00:00Z'), 'America/New_York', night)).toBeNull();
  });

  it('holds one sent at night until their morning', () => {
    // 03:00 UTC is 22:00 the evening before in New York: held until 08:00 there (13:00 UTC).
    expect(quietUntil(new Date('2026-03-03T03:00:00Z'), 'America/New_York', night)?.toISOString()).toBe(
      '2026-03-03T13:00:00.000Z',
    );
    // Early morning the same day: held until 08:00 that day.
    expect(quietUntil(new Date('2026-03-03T10:00:00Z'), 'America/New_York', night)?.toISOString()).toBe(
      '2026-03-03T13:00:00.000Z',
    );
  });

  it('judges the same instant by each person’s zone', () => {
    const at = new Date('2026-03-03T02:00:00Z');
    expect(quietUntil(at, 'America/Los_Angeles', night)).toBeNull(); // 18:00 there
    expect(quietUntil(at, 'Europe/London', night)?.toISOString()).toBe('2026-03-03T08:00:00.000Z');
  });

  it('can be switched off, and a window that does not wrap midnight works too', () => {
    expect(quietUntil(new Date('2026-03-03T03:00:00Z'), 'UTC', null)).toBeNull();
    const lunch = { from: '12:00', until: '13:00' };
    expect(quietUntil(new Date('2026-03-03T12:30:00Z'), 'UTC', lunch)?.toISOString()).toBe(
      '2026-03-03T13:00:00.000Z',
    );
    expect(quietUntil(new Date('2026-03-03T13:30:00Z'), 'UTC', lunch)).toBeNull();
  });
});
