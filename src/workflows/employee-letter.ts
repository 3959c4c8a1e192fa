import { projectForEmployee, projectHrWords } from '../domain/projections.js';
import type { AccommodationRequest } from '../domain/request.js';
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
 * One letter's data, from the employee's projection and HR's own words: work facts, dates and
 * names, never the reason's words or anything the employee typed. Dates are the employee's.
 */
export function employeeLetterData(
  services: Pick<AppServices, 'config' | 'now'>,
  kind: EmployeeLetterKind,
  request: AccommodationRequest,
  people: LetterPeople,
): LetterData<EmployeeLetterKind> {
  const view = projectForEmployee(request);
  const zone = view.work.timeZone;
  const day = (iso: string | undefined) => todayIn(zone, iso ? new Date(iso) : services.now());
  const org = services.config.org;
  const base = {
    org: {
      companyName: org.companyName,
      signatureBlock: org.signatureBlock ?? null,
      policyUrl: org.policyUrl ?? null,
      address: org.address && org.address.length > 0 ? [...org.address] : null,
    },
    humanRightsLaw: view.disclosure.jurisdiction === 'ca' ? (org.caHumanRightsLaw ?? null) : null,
    reference: view.reference,
    date: day(undefined),
    employee: { name: people.employeeName },
    hr: { name: people.hrName, jobTitle: null, email: null },
  };
  const submittedDate = day(view.submittedAt);
  switch (kind) {
    case 'hr_acknowledgment': {
      const respondBy = day(request.hrClock?.decisionDueAt ?? view.dueAt);
      return {
        ...base,
        submittedDate,
        respondBy: respondBy < submittedDate ? submittedDate : respondBy,
        // Named only when it is after the reply date: before it, the letter would owe an interim plan.
        requestedStartDate: view.schedule.startDate > respondBy ? view.schedule.startDate : null,
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
      const words = projectHrWords(request);
      return {
        ...base,
        submittedDate,
        requested: `the working hours in your request, from ${view.schedule.startDate}`,
        offer: {
          summary: patternLines(offer.pattern).join('; '),
          details: null,
          startDate: offer.pattern.startDate,
          reviewDate: null,
        },
        reasons: [words.alternativeExplanation ?? 'We think this pattern works for you and for the team.'],
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
        manager: people.managerName && request.managerToldAt ? { name: people.managerName } : null,
      };
    }
  }
}

export function employeeLetterText(
  services: Pick<AppServices, 'config' | 'now' | 'letters'>,
  kind: EmployeeLetterKind,
  request: AccommodationRequest,
  people: LetterPeople,
): string {
  return composeLetter(kind, employeeLetterData(services, kind, request, people), {
    jurisdiction: request.disclosure.jurisdiction,
    templates: services.letters,
  }).text;
}

export async function employeeLetterPdf(
  services: Pick<AppServices, 'config' | 'now' | 'letters'>,
  kind: EmployeeLetterKind,
  request: AccommodationRequest,
  people: LetterPeople,
): Promise<Buffer> {
  const rendered = await renderLetter(kind, employeeLetterData(services, kind, request, people), {
    jurisdiction: request.disclosure.jurisdiction,
    format: 'pdf',
    templates: services.letters,
  });
  return rendered.bytes;
}

/**
 * The letter a button names, or (a button without one) the latest letter the request has; null
 * when HR has not sent one yet.
 */
export function letterToShow(request: AccommodationRequest, named: string): EmployeeLetterKind | null {
  if (isEmployeeLetterKind(named)) return available(request, named) ? named : null;
  const latest = (
    ['approval', 'alternative_offer', 'documentation_request', 'hr_acknowledgment'] as const
  ).find((kind) => available(request, kind));
  return latest ?? null;
}

function available(request: AccommodationRequest, kind: EmployeeLetterKind): boolean {
  switch (kind) {
    case 'approval':
      return request.approval !== undefined;
    case 'alternative_offer':
      return request.alternative !== undefined;
    case 'documentation_request':
      return request.documentation !== undefined;
    case 'hr_acknowledgment':
      return request.acknowledgedAt !== undefined;
  }
}

export const noLetterYet = 'HR hasn’t sent a letter about this request yet. I’ll tell you here when they do.';
