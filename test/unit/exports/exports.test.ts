import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { eapDashboard } from '../../../src/domain/eap-dashboard.js';
import { decide } from '../../../src/domain/lifecycle/decide.js';
import { projectForEap, projectForHr } from '../../../src/domain/projections.js';
import type { AccommodationRequest } from '../../../src/domain/request.js';
import { type RequestStatus, requestStatuses } from '../../../src/domain/statuses.js';
import { toCsv } from '../../../src/exports/csv.js';
import { eapFiguresCsv, eapPeopleCsv } from '../../../src/exports/eap-export.js';
import { hrLogCsv } from '../../../src/exports/hr-log.js';
import {
  accepted,
  canary,
  later,
  pathTo,
  payloads,
  people,
  policy,
  walk,
} from '../domain/lifecycle/fixtures.js';

const statuses = requestStatuses.filter((s): s is Exclude<RequestStatus, 'draft'> => s !== 'draft');

/** A request in every status the lifecycle reaches, every free-text field holding a canary, HR's note too. */
function everyStatus(consented: (index: number) => boolean): AccommodationRequest[] {
  return statuses.map((status, index) => {
    const { request, now } = walk(pathTo[status]);
    const noted =
      status === 'purged' || status === 'closed'
        ? request
        : accepted(
            decide(
              request,
              { type: 'add_note', payload: payloads.add_note },
              people.hr,
              later(now, 1),
              policy,
            ),
          ).request;
    return {
      ...noted,
      id: `ACC-2026-${String(5000 + index)}`,
      employeeId: `U_PERSON${index}`,
      released: ['reasonOwnWords', 'coveragePlan', 'statementOfNeed', 'constraintsNote'],
      disclosure: { ...noted.disclosure, eapMayTrackStatus: consented(index) },
    };
  });
}

const rowsOf = (csv: string) => parse(csv, { columns: true }) as Record<string, string>[];
const headerOf = (csv: string) => (parse(csv) as string[][])[0];
const now = new Date('2026-09-01T15:00:00.000Z');
const dashboardOf = (records: readonly AccommodationRequest[], minGroup = 11) =>
  eapDashboard(
    records.map((r) => ({ person: r.employeeId, view: projectForEap(r) })),
    { now, minGroup, calendar: policy.calendar },
  );

describe('HR’s export: the accommodation log', () => {
  it('has the columns an auditor expects, in order', () => {
    expect(headerOf(hrLogCsv([], now, policy))).toEqual([
      'reference',
      'status',
      'jurisdiction',
      'received',
      'acknowledged',
      'decided',
      'provided from',
      'provided until',
      'deciding person',
      'type asked for',
      'type provided',
      'denial reason',
      'documentation needed',
      'documentation asked for',
      'documentation received',
      'time limits missed',
      'why',
    ]);
  });

  it('fills them from the request’s own dates and decisions', () => {
    const { request } = walk(pathTo.approved);
    const late = walk([
      ['submit', people.owner],
      ['acknowledge', people.hr, 200],
      ['request_documentation', people.hr],
      ['provider_pending', people.owner],
      ['documentation_received', people.hr, 24 * 30],
      ['approve', people.hr],
    ]).request;
    const [onTime, slow] = rowsOf(hrLogCsv([projectForHr(request), projectForHr(late)], now, policy));
    expect(onTime).toMatchObject({
      reference: request.id,
      status: 'approved',
      received: request.submittedAt,
      acknowledged: request.acknowledgedAt,
      decided: request.decidedAt,
      'provided from': '2026-03-16',
      'provided until': '2026-06-05',
      'deciding person': people.hr.id,
      'type asked for': 'leave_early_start_late; remote_on_treatment_days',
      'time limits missed': '',
    });
    expect(onTime?.['type provided']).toContain('Mon/Wed 08:00-14:30');
    expect(slow).toMatchObject({
      'documentation needed': 'yes',
      'documentation asked for': 'session_days_and_times',
      'time limits missed': 'acknowledged late; decided late',
      why: 'no reason recorded; documentation was requested from the provider',
    });
  });

  it('carries no free text: not the employee’s words (released or not), not HR’s', () => {
    const csv = hrLogCsv(
      everyStatus(() => true).map((r) => projectForHr(r)),
      now,
      policy,
    );
    expect(rowsOf(csv)).toHaveLength(statuses.length);
    for (const word of Object.values(canary)) expect(csv).not.toContain(word);
  });
});

describe('EAP’s export', () => {
  it('has status and date columns only, and a row only for those who agreed', () => {
    const records = everyStatus((i) => i % 2 === 0);
    const csv = eapPeopleCsv(dashboardOf(records));
    expect(headerOf(csv)).toEqual([
      'reference',
      'employee',
      'status',
      'sent',
      'last change',
      'waiting on',
      'due',
      'overdue',
      'review date',
      'ends',
    ]);
    const listed = rowsOf(csv).map((row) => row.reference);
    const agreed = records.filter(
      (r) => r.disclosure.eapMayTrackStatus && ['closed', 'purged'].every((s) => s !== r.status),
    );
    expect(listed.sort()).toEqual(agreed.map((r) => r.id).sort());
    for (const r of records.filter((x) => !x.disclosure.eapMayTrackStatus)) {
      expect(csv).not.toContain(r.id);
      expect(csv).not.toContain(r.employeeId);
    }
  });

  it('canary: no reason, no letter wording and no free text, in every status, rows or figures', () => {
    const records = everyStatus(() => true);
    const dashboard = dashboardOf(records, 5);
    const exported = `${eapPeopleCsv(dashboard)}\n${eapFiguresCsv(dashboard)}`;
    expect(rowsOf(eapPeopleCsv(dashboard)).length).toBeGreaterThan(5);
    for (const word of Object.values(canary)) expect(exported).not.toContain(word);
    expect(exported).not.toMatch(/CANARY|own_words|functional|program|undue_hardship|methadone|session/i);
  });

  it('exports the figures with small groups hidden, as the Home tab shows them', () => {
    const rows = rowsOf(eapFiguresCsv(dashboardOf(everyStatus(() => false))));
    const value = (figure: string) => rows.find((row) => row.figure === figure)?.value;
    expect(value('open requests')).toBe('fewer than 11');
    expect(value('open: submitted')).toBe('fewer than 11');
    expect(value('median business days to decision')).toBe('fewer than 11');
    expect(value('asks for: compressed_week')).toBe('0');
  });
});

describe('CSV cells', () => {
  it('quote commas, quotes and line breaks, and never start with a formula', () => {
    const csv = toCsv(
      [{ a: 'one, "two"\nthree', b: '=HYPERLINK("x")' }],
      [
        { header: 'a', cell: (r) => r.a },
        { header: 'b', cell: (r) => r.b },
      ],
    );
    expect(rowsOf(csv)).toEqual([{ a: 'one, "two"\nthree', b: '\'=HYPERLINK("x")' }]);
  });
});
