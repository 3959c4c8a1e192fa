import type { ReminderKind } from '../effects.js';
import type { AccommodationRequest } from '../request.js';
import type { RequestStatus, WaitingOn } from '../statuses.js';
import { addBusinessDays, addCalendarDays, businessDaysBetween, localDateAt } from './business-days.js';
import { calendarIn, type LifecyclePolicy, zoneOr } from './policy.js';

/**
 * Who the process waits on, when that answer is due, and the reminders that follow from it. All of
 * it is derived from the record, so replaying a transition yields the same reminders, and a paused
 * HR clock (waiting on the employee or the provider) schedules nothing for HR.
 */

/** Who is expected to act next in each status, when the record does not say more precisely. */
const waitingByStatus: Readonly<Record<RequestStatus, WaitingOn>> = {
  draft: 'employee',
  submitted: 'hr',
  acknowledged: 'hr',
  documentation_requested: 'employee',
  alternative_offered: 'employee',
  accepted: 'hr',
  approved: 'nobody',
  review_due: 'hr',
  denied: 'nobody',
  withdrawn: 'nobody',
  ended: 'nobody',
  closed: 'nobody',
  purged: 'nobody',
};

export function waitingOnOf(request: Pick<AccommodationRequest, 'status' | 'waitingOn'>): WaitingOn {
  return request.waitingOn ?? waitingByStatus[request.status];
}

/** HR's acknowledgment due date for a request submitted at `submittedAt`. */
export function acknowledgeDue(submittedAt: string | Date, policy: LifecyclePolicy): Date {
  return addBusinessDays(submittedAt, policy.acknowledgeWithinDays, policy.calendar);
}

/** HR's decision due date counted from submission. */
export function decisionDue(submittedAt: string | Date, policy: LifecyclePolicy): Date {
  return addBusinessDays(submittedAt, policy.decideWithinDays, policy.calendar);
}

/** When the employee's answer is due, counted on their own calendar. */
export function employeeDue(request: AccommodationRequest, now: Date, policy: LifecyclePolicy): Date {
  return addBusinessDays(
    now,
    policy.employeeRespondWithinDays,
    calendarIn(policy.calendar, request.work.timeZone),
  );
}

/**
 * When HR's answer is due. Records written before due dates were stored get theirs from the
 * submission date, so an old request is never treated as never due.
 */
export function dueAtOf(request: AccommodationRequest, policy: LifecyclePolicy): Date | undefined {
  if (request.dueAt !== undefined) return new Date(request.dueAt);
  const submitted = request.submittedAt ?? request.createdAt;
  if (request.status === 'submitted') return acknowledgeDue(submitted, policy);
  if (request.status === 'acknowledged' || request.status === 'accepted')
    return decisionDue(submitted, policy);
  return undefined;
}

/** Is HR's answer late at `now`? Only ever true while the process waits on HR. */
export function isHrOverdue(request: AccommodationRequest, now: Date, policy: LifecyclePolicy): boolean {
  if (waitingOnOf(request) !== 'hr') return false;
  const due = dueAtOf(request, policy);
  return due !== undefined && now.getTime() > due.getTime();
}

/** Pauses HR's decision clock: what was left is kept, in business days. */
export function pauseHrClock(
  request: AccommodationRequest,
  now: Date,
  policy: LifecyclePolicy,
): NonNullable<AccommodationRequest['hrClock']> {
  if (request.hrClock?.pausedDaysLeft !== undefined) return request.hrClock;
  const due = request.hrClock?.decisionDueAt ?? decisionDue(request.submittedAt ?? request.createdAt, policy);
  return { pausedDaysLeft: businessDaysBetween(now, due, policy.calendar) };
}

/** Restarts HR's decision clock with what was left when it paused. */
export function resumeHrClock(
  request: AccommodationRequest,
  now: Date,
  policy: LifecyclePolicy,
): { decisionDueAt: string } {
  const clock = request.hrClock;
  if (clock?.pausedDaysLeft !== undefined)
    return { decisionDueAt: addBusinessDays(now, clock.pausedDaysLeft, policy.calendar).toISOString() };
  const due =
    clock?.decisionDueAt ?? decisionDue(request.submittedAt ?? request.createdAt, policy).toISOString();
  return { decisionDueAt: due };
}

/** When an approved arrangement's review starts: some days before its review or end date. */
export function reviewStartsAt(request: AccommodationRequest, policy: LifecyclePolicy): Date | undefined {
  const approval = request.approval;
  if (!approval) return undefined;
  const first =
    approval.reviewDate < approval.pattern.endDate ? approval.reviewDate : approval.pattern.endDate;
  // The morning of the notice day in the employee's zone: a review reminder at night helps nobody.
  const day = localDateAt(first, '09:00', zoneOr(request.work.timeZone, policy.calendar));
  return addCalendarDays(day, -policy.reviewNoticeDays);
}

/** When HR's answer on a review is due: the end of the review or end date, whichever is first. */
export function reviewDecisionDue(request: AccommodationRequest, policy: LifecyclePolicy): Date | undefined {
  const approval = request.approval;
  if (!approval) return undefined;
  const first =
    approval.reviewDate < approval.pattern.endDate ? approval.reviewDate : approval.pattern.endDate;
  return localDateAt(first, policy.calendar.dayEndsAt, policy.calendar.timeZone);
}

export interface PlannedReminder {
  readonly reminder: ReminderKind;
  readonly at: string;
}

/**
 * The reminders a record calls for, at most one of each kind. Nothing here expires or decides:
 * HR's reminders remind and escalate, the employee's nudge, the review asks, and closing after
 * grace only closes what is already finished.
 */
export function remindersFor(
  request: AccommodationRequest | null,
  policy: LifecyclePolicy,
): PlannedReminder[] {
  if (request === null) return [];
  const waiting = waitingOnOf(request);
  const due = request.dueAt;
  const planned: PlannedReminder[] = [];
  if (waiting === 'hr' && due !== undefined) {
    const kind: ReminderKind = request.status === 'submitted' ? 'hr_acknowledge_due' : 'hr_decision_due';
    planned.push({ reminder: kind, at: due });
    const escalateAt = addBusinessDays(due, policy.escalateAfterDays, policy.calendar);
    planned.push({ reminder: 'hr_escalation', at: escalateAt.toISOString() });
  }
  if (waiting === 'employee' && due !== undefined)
    planned.push({ reminder: 'employee_response_due', at: due });
  if (request.status === 'approved') {
    const at = reviewStartsAt(request, policy);
    if (at) planned.push({ reminder: 'review_due', at: at.toISOString() });
  }
  if (['denied', 'withdrawn', 'ended'].includes(request.status)) {
    const at = addCalendarDays(request.statusChangedAt, policy.closeGraceDays);
    planned.push({ reminder: 'close_after_grace', at: at.toISOString() });
  }
  return planned;
}
