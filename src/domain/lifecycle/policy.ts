import { IANAZone } from 'luxon';
import type { BusinessCalendar } from './business-days.js';

/**
 * The clocks of the process, as configuration. Defaults follow the EEOC's own procedures (route
 * within days, decide within 15 business days when no medical information is needed). Nothing here
 * ever ends, expires or denies a request by itself: clocks only remind and escalate.
 */
export interface LifecyclePolicy {
  /** HR's calendar: HR's due dates are counted and shown in it. */
  readonly calendar: BusinessCalendar;
  /** Business days HR has to acknowledge a new request. */
  readonly acknowledgeWithinDays: number;
  /** Business days HR has to decide, counted from submission, paused while waiting on others. */
  readonly decideWithinDays: number;
  /** Business days the employee has to answer HR (documentation, an alternative). */
  readonly employeeRespondWithinDays: number;
  /** Business days after a missed HR due date before HR's channel is told. */
  readonly escalateAfterDays: number;
  /** Business days between two "Ask HR for an update" from the same request. */
  readonly updateRequestEveryDays: number;
  /** Calendar days before an approved arrangement's review or end date that its review starts. */
  readonly reviewNoticeDays: number;
  /** Calendar days a finished request (denied, withdrawn, ended) stays open before it is closed. */
  readonly closeGraceDays: number;
  /** Calendar days a closed request is kept before it is purged. */
  readonly retentionDays: number;
}

export const defaultCalendar: BusinessCalendar = {
  timeZone: 'UTC',
  weekend: ['sat', 'sun'],
  holidays: [],
  dayEndsAt: '17:00',
};

export const defaultPolicy: LifecyclePolicy = {
  calendar: defaultCalendar,
  acknowledgeWithinDays: 2,
  decideWithinDays: 15,
  employeeRespondWithinDays: 10,
  escalateAfterDays: 2,
  updateRequestEveryDays: 5,
  reviewNoticeDays: 7,
  closeGraceDays: 30,
  retentionDays: 365,
};

/**
 * The same calendar in another person's zone: the employee's clock runs on their own days. A zone
 * luxon does not know (an old record, a typo) keeps the team's zone rather than stopping a decision.
 */
export function calendarIn(calendar: BusinessCalendar, timeZone: string): BusinessCalendar {
  return IANAZone.isValidZone(timeZone) ? { ...calendar, timeZone } : calendar;
}

/** A zone to show dates in: the person's own if it is a real one, else the team's. */
export function zoneOr(timeZone: string, calendar: BusinessCalendar): string {
  return IANAZone.isValidZone(timeZone) ? timeZone : calendar.timeZone;
}
