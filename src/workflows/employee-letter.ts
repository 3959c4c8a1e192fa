import type { EmployeeLetterView } from '../domain/projections.js';
import { composeLetter, type LetterData, type LetterKind, renderLetter } from '../letters/index.js';
import type { AppServices } from '../services.js';
import { patternLines } from '../slack/views/employee-event.js';
import { documentationItemLabels } from '../slack/views/hr/forms.js';
import { todayIn } from './request-letter.js';

/** The letters HR's steps send the employee that the app can write from what it holds. */
export const employeeLetterKinds = [
  'hr_acknowledgment',
  'documentation_request',
  'alternative_offer',
  'approval',
] as const satisfies readonly LetterKind[];
export type EmployeeLetterKind = (typeof employeeLetterKinds)[number];

export function isEmployeeLetterKind(kind: string): kind is EmployeeLetterKind {
  return (employeeLetterKinds as readonly string[]).includes(kind);
}

export interface LetterPeople {
  readonly employeeName: string;
  /** The HR member who took the step, by name. */
  readonly hrName: string;
  /** The manager told the approved pattern, when there is one. */
  readonly managerName?: string;
}

/**
 * One letter's data, from the letter's projection (`projectForEmployeeLetter`) and nothing else:
 * work facts, dates, names and the words HR wrote for the employee. The projection holds nothing
 * the employee typed and no note HR kept for itself, and handing this the record does not compile,
 * so words never released cannot reach a letter. Dates are the employee's.
 */
export function employeeLetterData(
  services: Pick<AppServices, 'config' | 'now'>,
  kind: EmployeeLetterKind,
  view: EmployeeLetterView,
  people: LetterPeople,
): LetterData<EmployeeLetterKind> {
  const zone = view.timeZone;
  const day = (iso: string | undefined) => todayIn(zone, iso ? new Date(iso) : services.now());
  const org = services.config.org;
  const base = {
    org: {
      companyName: org.companyName,
      signatureBlock: org.signatureBlock ?? null,
      policyUrl: org.policyUrl ?? null,
      address: org.address && org.address.length > 0 ? [...org.address] : null,
    },
    humanRightsLaw: view.jurisdiction === 'ca' ? (org.caHumanRightsLaw ?? null) : null,
    reference: view.reference,
    date: day(undefined),
    employee: { name: people.employeeName },
    hr: { name: people.hrName, jobTitle: null, email: null },
  };
  const submittedDate = day(view.submittedAt);
  switch (kind) {
    case 'hr_acknowledgment': {
      const respondBy = day(view.decisionDueAt ?? view.dueAt);
      return {
        ...base,
        submittedDate,
        respondBy: respondBy < submittedDate ? submittedDate : respondBy,
        // Named only when it is after the reply date: before it, the letter would owe an interim plan.
        requestedStartDate: view.requestedStartDate > respondBy ? view.requestedStartDate : null,
      };
    }
    case 'documentation_request':
      return {
        ...base,
        submittedDate,
        items: (view.documentation?.items ?? ['session_days_and_times']).map(
          (i) => documentationItemLabels[i],
        ),
        sendBy: day(view.dueAt),
        // The provider answers HR directly; the form is not part of this letter in Slack.
        formEnclosed: false,
      };
    case 'alternative_offer': {
      const offer = view.alternative;
      if (!offer) throw new Error('no alternative to write about');
      return {
        ...base,
        submittedDate,
        requested: `the working hours in your request, from ${view.requestedStartDate}`,
        offer: {
          summary: patternLines(offer.pattern).join('; '),
          details: null,
          startDate: offer.pattern.startDate,
          reviewDate: null,
        },
        reasons: [offer.explanation ?? 'We think this pattern works for you and for the team.'],
        replyBy: day(offer.respondBy),
      };
    }
    case 'approval': {
      const approval = view.approval;
      if (!approval) throw new Error('no approval to write about');
      return {
        ...base,
        approved: {
          rows: approval.pattern.hours.map((h) => ({ days: [...h.days], start: h.start, end: h.end })),
          otherDaysUnchanged: true,
          startDate: approval.pattern.startDate,
          endDate: approval.pattern.endDate,
          reviewDate: approval.reviewDate,
          timeZone: approval.pattern.timeZone,
        },
        manager: people.managerName && view.managerTold ? { name: people.managerName } : null,
      };
    }
  }
}

export function employeeLetterText(
  services: Pick<AppServices, 'config' | 'now' | 'letters'>,
  kind: EmployeeLetterKind,
  view: EmployeeLetterView,
  people: LetterPeople,
): string {
  return composeLetter(kind, employeeLetterData(services, kind, view, people), {
    jurisdiction: view.jurisdiction,
    templates: services.letters,
  }).text;
}

export async function employeeLetterPdf(
  services: Pick<AppServices, 'config' | 'now' | 'letters'>,
  kind: EmployeeLetterKind,
  view: EmployeeLetterView,
  people: LetterPeople,
): Promise<Buffer> {
  const rendered = await renderLetter(kind, employeeLetterData(services, kind, view, people), {
    jurisdiction: view.jurisdiction,
    format: 'pdf',
    templates: services.letters,
  });
  return rendered.bytes;
}

/**
 * The letter a button names, or (a button without one) the latest letter the request has; null
 * when HR has not sent one yet.
 */
export function letterToShow(view: EmployeeLetterView, named: string): EmployeeLetterKind | null {
  if (isEmployeeLetterKind(named)) return available(view, named) ? named : null;
  const latest = (
    ['approval', 'alternative_offer', 'documentation_request', 'hr_acknowledgment'] as const
  ).find((kind) => available(view, kind));
  return latest ?? null;
}

function available(view: EmployeeLetterView, kind: EmployeeLetterKind): boolean {
  switch (kind) {
    case 'approval':
      return view.approval !== undefined;
    case 'alternative_offer':
      return view.alternative !== undefined;
    case 'documentation_request':
      return view.documentation !== undefined;
    case 'hr_acknowledgment':
      return view.acknowledgedAt !== undefined;
  }
}

export const noLetterYet = 'HR hasn’t sent a letter about this request yet. I’ll tell you here when they do.';
