import { acknowledgeDue, decisionDue } from '../domain/lifecycle/clock.js';
import type { LifecyclePolicy } from '../domain/lifecycle/policy.js';
import type { HrView } from '../domain/projections.js';
import type { Weekday } from '../domain/request.js';
import { type Column, toCsv } from './csv.js';

/**
 * HR's accommodation log, as an auditor reads one: when each request was received, acknowledged,
 * decided and provided, who decided, what was asked for and what was provided, whether
 * documentation was needed, and which time limits were missed and why. From HR's projection: no
 * reason, no letter, no free text (HR's own notes and explanations stay in Slack).
 */
export const hrLogColumns: readonly Column<HrLogRow>[] = [
  { header: 'reference', cell: (r) => r.view.reference },
  { header: 'status', cell: (r) => r.view.status },
  { header: 'jurisdiction', cell: (r) => r.view.jurisdiction },
  { header: 'received', cell: (r) => r.view.submittedAt },
  { header: 'acknowledged', cell: (r) => r.view.acknowledgedAt },
  { header: 'decided', cell: (r) => r.view.decidedAt },
  { header: 'provided from', cell: (r) => r.view.approval?.pattern.startDate },
  { header: 'provided until', cell: (r) => r.view.approval?.pattern.endDate },
  { header: 'deciding person', cell: (r) => r.view.approval?.approvedBy ?? r.view.denial?.deniedBy },
  { header: 'type asked for', cell: (r) => r.view.accommodations.join('; ') },
  { header: 'type provided', cell: (r) => typeProvided(r.view) },
  { header: 'denial reason', cell: (r) => r.view.denial?.reason },
  { header: 'documentation needed', cell: (r) => (r.view.documentation ? 'yes' : 'no') },
  { header: 'documentation asked for', cell: (r) => r.view.documentation?.items.join('; ') },
  { header: 'documentation received', cell: (r) => r.view.documentation?.receivedAt },
  { header: 'time limits missed', cell: (r) => r.missed.map((m) => m.limit).join('; ') },
  { header: 'why', cell: (r) => r.missed.map((m) => m.why).join('; ') },
];

export interface HrLogRow {
  readonly view: HrView;
  readonly missed: readonly MissedLimit[];
}

export interface MissedLimit {
  readonly limit: string;
  readonly why: string;
}

const dayShort: Readonly<Record<Weekday, string>> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};

/** What was put in place: the request as asked, or HR's alternative the employee accepted. */
function typeProvided(view: HrView): string {
  if (!view.approval) return '';
  const hours = view.approval.pattern.hours
    .map((h) => `${h.days.map((d) => dayShort[d]).join('/')} ${h.start}-${h.end}`)
    .join(', ');
  const what =
    view.alternative?.response === 'accepted' ? 'alternative offered by HR' : view.accommodations.join('; ');
  return `${what} (${hours})`;
}

/**
 * The time limits a request missed, by its own dates against HR's calendar. The why is what the
 * record shows (a documentation request or an alternative stretches a decision); HR's own account
 * of a delay, if they wrote one, stays in their notes and is not exported.
 */
export function missedLimits(view: HrView, now: Date, policy: LifecyclePolicy): MissedLimit[] {
  if (!view.submittedAt) return [];
  const missed: MissedLimit[] = [];
  const ackDue = acknowledgeDue(view.submittedAt, policy);
  const acknowledged = view.acknowledgedAt ? new Date(view.acknowledgedAt) : undefined;
  if ((acknowledged ?? now) > ackDue)
    missed.push({
      limit: acknowledged ? 'acknowledged late' : 'not acknowledged in time',
      why: 'no reason recorded',
    });
  const decisionDueAt = view.decisionDueAt
    ? new Date(view.decisionDueAt)
    : decisionDue(view.submittedAt, policy);
  const decided = view.decidedAt ? new Date(view.decidedAt) : undefined;
  const stillOpen = !decided && !['withdrawn', 'closed', 'purged'].includes(view.status);
  if ((decided && decided > decisionDueAt) || (stillOpen && now > decisionDueAt && view.waitingOn === 'hr')) {
    const why = view.documentation
      ? 'documentation was requested from the provider'
      : view.alternative
        ? 'an alternative was offered and answered'
        : 'no reason recorded';
    missed.push({ limit: decided ? 'decided late' : 'decision overdue', why });
  }
  return missed;
}

export function hrLogCsv(views: readonly HrView[], now: Date, policy: LifecyclePolicy): string {
  return toCsv(
    views.map((view) => ({ view, missed: missedLimits(view, now, policy) })),
    hrLogColumns,
  );
}
