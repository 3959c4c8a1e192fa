import { DateTime } from 'luxon';
import { type BusinessCalendar, businessDaysBetween } from './lifecycle/business-days.js';
import type { EapView } from './projections.js';
import { type AccommodationType, accommodationTypes } from './request.js';
import { type Cell, type Figure, suppress } from './small-cells.js';
import { openStatuses, type RequestStatus, type WaitingOn } from './statuses.js';

/**
 * The EAP coordinator's figures, from EAP projections only (no reason, no letter, no free text).
 * Pure: the caller loads the rows and says what time it is. Every count and median goes through
 * small-cell suppression; a person's own row is listed only when they agreed to EAP tracking.
 */

export type OpenStatus = (typeof openStatuses)[number];

/**
 * One request as EAP may see it. `person` is an opaque token that is the same for two requests of
 * one employee and is used only to count people; it never appears in the dashboard.
 */
export interface EapDashboardRow {
  readonly person: string;
  readonly view: EapView;
}

export interface EapPersonLine {
  readonly reference: string;
  readonly employeeId: string;
  readonly status: RequestStatus;
  readonly submittedAt?: string;
  readonly statusChangedAt: string;
  readonly dueAt?: string;
  readonly reviewDate?: string;
  readonly endsOn?: string;
  readonly waitingOn: WaitingOn;
  readonly overdue: boolean;
}

export interface EapDashboard {
  readonly minGroup: number;
  readonly open: Figure;
  readonly byStatus: Readonly<Record<OpenStatus, Figure>>;
  /** Accommodation types among open requests (a request may ask for more than one). */
  readonly byType: Readonly<Record<AccommodationType, Figure>>;
  readonly thisMonth: Figure;
  readonly thisQuarter: Figure;
  /** Business days from sending to HR's acknowledgement, over requests acknowledged. */
  readonly medianDaysToFirstResponse: Figure;
  /** Business days from sending to HR's decision, over requests decided. */
  readonly medianDaysToDecision: Figure;
  /** Open requests whose answer from HR is past due. */
  readonly overdue: Figure;
  /** Arrangements in place: approved or up for review. */
  readonly active: Figure;
  /** Arrangements in place whose review date falls within the next 14 days (or is passed). */
  readonly reviewsDueSoon: Figure;
  /** Consenting employees' requests that are still running or recently finished, newest first. */
  readonly people: readonly EapPersonLine[];
}

export interface EapDashboardOptions {
  readonly now: Date;
  readonly minGroup: number;
  /** The calendar the organisation counts business days, months and quarters in. */
  readonly calendar: BusinessCalendar;
}

const REVIEW_WINDOW_DAYS = 14;
const activeStatuses: readonly RequestStatus[] = ['approved', 'review_due'];
/** Statuses listed in the per-person rows: the process is still running or has just finished. */
const listedStatuses: readonly RequestStatus[] = [...openStatuses, 'denied', 'withdrawn', 'ended'];

const isOpen = (status: RequestStatus): status is OpenStatus => openStatuses.includes(status);

export function eapDashboard(rows: readonly EapDashboardRow[], options: EapDashboardOptions): EapDashboard {
  const { now, minGroup, calendar } = options;
  const today = DateTime.fromJSDate(now).setZone(calendar.timeZone);
  const monthStart = today.startOf('month');
  const quarterStart = today.startOf('quarter');
  const reviewHorizon = today.plus({ days: REVIEW_WINDOW_DAYS }).toISODate() ?? '';
  const sent = rows.filter((row) => row.view.submittedAt !== undefined && row.view.status !== 'draft');
  const open = sent.filter((row) => isOpen(row.view.status));
  const overdue = (view: EapView) =>
    isOpen(view.status) &&
    view.waitingOn === 'hr' &&
    view.dueAt !== undefined &&
    Date.parse(view.dueAt) < +now;
  const active = open.filter((row) => activeStatuses.includes(row.view.status));
  const submittedSince = (start: DateTime) =>
    sent.filter((row) => DateTime.fromISO(row.view.submittedAt ?? '') >= start);

  const count = (subset: readonly EapDashboardRow[]): Cell => ({
    value: subset.length,
    people: new Set(subset.map((row) => row.person)).size,
  });
  const cells: Record<string, Cell> = {
    open: count(open),
    thisMonth: count(submittedSince(monthStart)),
    thisQuarter: count(submittedSince(quarterStart)),
    overdue: count(open.filter((row) => overdue(row.view))),
    active: count(active),
    reviewsDueSoon: count(
      active.filter(
        (row) =>
          row.view.status === 'review_due' ||
          (row.view.reviewDate !== undefined && row.view.reviewDate <= reviewHorizon),
      ),
    ),
  };
  for (const status of openStatuses)
    cells[`status:${status}`] = count(open.filter((r) => r.view.status === status));
  for (const type of accommodationTypes)
    cells[`type:${type}`] = count(open.filter((r) => r.view.accommodations.includes(type)));

  const statusParts = openStatuses.map((status) => `status:${status}`);
  const figures = suppress(
    cells,
    [
      { total: 'open', parts: statusParts },
      { total: 'active', parts: ['status:approved', 'status:review_due'] },
      {
        total: 'open',
        parts: [
          'active',
          ...statusParts.filter((id) => id !== 'status:approved' && id !== 'status:review_due'),
        ],
      },
      // Most requests ask for one type, so the types come close to summing to the open total.
      { total: 'open', parts: accommodationTypes.map((type) => `type:${type}`) },
    ],
    minGroup,
  );
  const figure = (id: string): Figure => figures[id] ?? { shown: false };

  const median = (pick: (view: EapView) => string | undefined): Figure => {
    const measured = sent.flatMap((row) => {
      const end = pick(row.view);
      const start = row.view.submittedAt;
      return end && start ? [{ person: row.person, days: businessDaysBetween(start, end, calendar) }] : [];
    });
    const people = new Set(measured.map((m) => m.person)).size;
    if (measured.length === 0 || people < minGroup) return { shown: false };
    return { shown: true, value: medianOf(measured.map((m) => m.days)) };
  };

  const people = sent
    .flatMap((row): EapPersonLine[] => {
      const view = row.view;
      if (!view.consented || !listedStatuses.includes(view.status)) return [];
      return [
        defined({
          reference: view.reference,
          employeeId: view.employeeId,
          status: view.status,
          submittedAt: view.submittedAt,
          statusChangedAt: view.statusChangedAt,
          dueAt: view.dueAt,
          reviewDate: view.reviewDate,
          endsOn: view.endsOn,
          waitingOn: view.waitingOn,
          overdue: overdue(view),
        }),
      ];
    })
    .sort((a, b) => b.statusChangedAt.localeCompare(a.statusChangedAt));

  return {
    minGroup,
    open: figure('open'),
    byStatus: Object.fromEntries(openStatuses.map((s) => [s, figure(`status:${s}`)])) as Record<
      OpenStatus,
      Figure
    >,
    byType: Object.fromEntries(accommodationTypes.map((t) => [t, figure(`type:${t}`)])) as Record<
      AccommodationType,
      Figure
    >,
    thisMonth: figure('thisMonth'),
    thisQuarter: figure('thisQuarter'),
    medianDaysToFirstResponse: median((view) => view.acknowledgedAt),
    medianDaysToDecision: median((view) => view.decidedAt),
    overdue: figure('overdue'),
    active: figure('active'),
    reviewsDueSoon: figure('reviewsDueSoon'),
    people,
  };
}

function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
