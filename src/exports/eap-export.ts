import type { EapDashboard, EapPersonLine } from '../domain/eap-dashboard.js';
import { accommodationTypes } from '../domain/request.js';
import { type Figure, figureText } from '../domain/small-cells.js';
import { openStatuses } from '../domain/statuses.js';
import { type Column, toCsv } from './csv.js';

/**
 * EAP's exports, from the dashboard alone (itself built from EAP projections): a row per request
 * only for employees who agreed to EAP tracking, and the figures with small groups hidden. No
 * reason, no letter, no free text: none of them is in the dashboard to export.
 */
export const eapPeopleColumns: readonly Column<EapPersonLine>[] = [
  { header: 'reference', cell: (p) => p.reference },
  { header: 'employee', cell: (p) => p.employeeId },
  { header: 'status', cell: (p) => p.status },
  { header: 'sent', cell: (p) => p.submittedAt },
  { header: 'last change', cell: (p) => p.statusChangedAt },
  { header: 'waiting on', cell: (p) => p.waitingOn },
  { header: 'due', cell: (p) => p.dueAt },
  { header: 'overdue', cell: (p) => (p.overdue ? 'yes' : 'no') },
  { header: 'review date', cell: (p) => p.reviewDate },
  { header: 'ends', cell: (p) => p.endsOn },
];

export function eapPeopleCsv(dashboard: EapDashboard): string {
  return toCsv(dashboard.people, eapPeopleColumns);
}

/** The dashboard's figures, one a row; a hidden one reads "fewer than N", as on the Home tab. */
export function eapFiguresCsv(dashboard: EapDashboard): string {
  const figures: [string, Figure][] = [
    ['open requests', dashboard.open],
    ...openStatuses.map((s): [string, Figure] => [`open: ${s}`, dashboard.byStatus[s]]),
    ...accommodationTypes.map((t): [string, Figure] => [`asks for: ${t}`, dashboard.byType[t]]),
    ['sent this month', dashboard.thisMonth],
    ['sent this quarter', dashboard.thisQuarter],
    ['median business days to first response', dashboard.medianDaysToFirstResponse],
    ['median business days to decision', dashboard.medianDaysToDecision],
    ['overdue', dashboard.overdue],
    ['arrangements in place', dashboard.active],
    ['reviews due in 14 days', dashboard.reviewsDueSoon],
  ];
  return toCsv(figures, [
    { header: 'figure', cell: ([name]) => name },
    { header: 'value', cell: ([, figure]) => figureText(figure, dashboard.minGroup) },
  ]);
}
