import { addCalendarDays } from '../domain/lifecycle/business-days.js';
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
  'provider_verification',
  'alternative_offer',
  'approval',
  'denial',
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
    case 'documentation_request': {
      const contact = services.config.hr.contactEmail;
      return {
        ...base,
        hr: { ...base.hr, email: contact ?? null },
        submittedDate,
        items: (view.documentation?.items ?? ['session_days_and_times']).map(
          (i) => documentationItemLabels[i],
        ),
        sendBy: day(view.dueAt),
        // The provider form comes as its own letter, with HR's address on it, when HR has one.
        formEnclosed: contact !== undefined,
      };
    }
    case 'provider_verification': {
      const contact = services.config.hr.contactEmail;
      if (!contact) throw new Error('no HR address for the provider form');
      const { sessions } = view;
      return {
        ...base,
        // Days, times and dates only: what the provider is asked to confirm, and nothing else.
        schedule: { ...sessions, days: [...sessions.days], timeZone: zone },
        returnTo: { name: null, jobTitle: null, email: contact },
        returnBy: view.dueAt && view.awaitingDocumentation ? day(view.dueAt) : null,
      };
    }
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
    case 'denial': {
      const denial = view.denial;
      if (!denial) throw new Error('no denial to write about');
      return {
        ...base,
        hr: { ...base.hr, email: services.config.hr.contactEmail ?? null },
        date: day(denial.deniedAt),
        submittedDate,
        reasons: [{ basis: denial.reason, explanation: denial.explanation ?? '' }],
        process: processSteps(view, day),
        alternativesConsidered: denial.alternativesConsidered.map((a) => ({
          kind: a.kind ?? 'other',
          option: a.alternative,
          whyNot: a.whyNot,
        })),
        reconsiderBy: denial.reconsiderBy ?? day(addCalendarDays(denial.deniedAt, 14).toISOString()),
        reconsiderHow: denial.reconsideration ?? null,
        consultedOn: denial.consultedOn ?? null,
        flexibleWorkingGround: denial.flexibleWorkingGround ?? null,
      };
    }
  }
}

/**
 * The interactive process as the record has it, in order and in the employee's dates: what was
 * asked, what HR did, what the employee answered. Steps only, never anybody's words.
 */
function processSteps(
  view: EmployeeLetterView,
  day: (iso: string | undefined) => string,
): { date: string; step: string }[] {
  const steps: { at: string; step: string }[] = [];
  const add = (at: string | undefined, step: string) => {
    if (at) steps.push({ at, step });
  };
  add(view.submittedAt, 'You sent us your request.');
  add(view.acknowledgedAt, 'We acknowledged it.');
  const { documentation, alternative } = view;
  add(documentation?.requestedAt, 'We asked for a short confirmation from your provider.');
  add(documentation?.providerAskedAt, 'You told us you had asked your provider.');
  add(documentation?.receivedAt, 'We received the confirmation.');
  add(alternative?.offeredAt, 'We offered you another working pattern.');
  if (alternative?.response)
    add(
      alternative.respondedAt,
      alternative.response === 'accepted'
        ? 'You accepted the other working pattern.'
        : 'You let us know the other working pattern would not work for you.',
    );
  return steps.sort((a, b) => a.at.localeCompare(b.at)).map(({ at, step }) => ({ date: day(at), step }));
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
export function letterToShow(
  services: Pick<AppServices, 'config'>,
  view: EmployeeLetterView,
  named: string,
): EmployeeLetterKind | null {
  if (isEmployeeLetterKind(named)) return available(services, view, named) ? named : null;
  const latest = (
    ['denial', 'approval', 'alternative_offer', 'documentation_request', 'hr_acknowledgment'] as const
  ).find((kind) => available(services, view, kind));
  return latest ?? null;
}

/** Can the app write this letter: has HR's step sent it, and does the app hold what it needs? */
export function available(
  services: Pick<AppServices, 'config'>,
  view: EmployeeLetterView,
  kind: EmployeeLetterKind,
): boolean {
  switch (kind) {
    case 'approval':
      return view.approval !== undefined;
    case 'alternative_offer':
      return view.alternative !== undefined;
    case 'documentation_request':
      return view.documentation !== undefined;
    case 'hr_acknowledgment':
      return view.acknowledgedAt !== undefined;
    case 'provider_verification':
      // The form tells the provider where to send it: without HR's address there is no form.
      return view.documentation !== undefined && services.config.hr.contactEmail !== undefined;
    case 'denial':
      return view.denial !== undefined;
  }
}

export const noLetterYet = 'HR hasn’t sent a letter about this request yet. I’ll tell you here when they do.';
