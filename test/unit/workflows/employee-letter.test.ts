import { describe, expect, it } from 'vitest';
import type { AppConfig } from '../../../src/config.js';
import { projectForEmployeeLetter } from '../../../src/domain/projections.js';
import type { AccommodationRequest } from '../../../src/domain/request.js';
import type { RequestStatus } from '../../../src/domain/statuses.js';
import { loadLetterTemplates } from '../../../src/letters/index.js';
import {
  type EmployeeLetterKind,
  employeeLetterData,
  employeeLetterKinds,
  employeeLetterPdf,
  employeeLetterText,
  letterToShow,
} from '../../../src/workflows/employee-letter.js';
import { canary, canaryWords, people, requestIn, walk } from '../domain/lifecycle/fixtures.js';

const letters = await loadLetterTemplates();
// Only the organisation's details reach a letter.
const config = {
  org: { companyName: 'Northwind Analytics' },
  hr: { userIds: [], contactEmail: 'hr@northwind.example' },
} as unknown as AppConfig;
const services = { config, letters, now: () => new Date('2026-03-10T15:00:00Z') };
const names = { employeeName: 'Sam Rivera', hrName: 'Alex Morgan' };

const statusFor: Record<EmployeeLetterKind, RequestStatus> = {
  hr_acknowledgment: 'acknowledged',
  documentation_request: 'documentation_requested',
  alternative_offer: 'alternative_offered',
  approval: 'approved',
  provider_verification: 'documentation_requested',
  denial: 'denied',
};

/** HR's words on a denial as its form collects them: leave and reassignment weighed, UK's date and ground. */
const denialWords = {
  denialAlternatives: JSON.stringify([
    { kind: 'leave', alternative: 'Leave on session days', whyNot: 'CANARY-hr-denial whynot' },
    { kind: 'reassignment', alternative: 'A move to a vacant job', whyNot: 'No vacant job fits.' },
  ]),
};

const { owner, hr } = people;

/**
 * A request that went through every step that sends the employee a letter, with every word the
 * employee typed (private note included), a comment on a declined alternative, and a note HR kept
 * for itself.
 */
function everyLetterRequest(): AccommodationRequest {
  const { request } = walk([
    ['submit', owner],
    ['acknowledge', hr],
    ['add_note', hr],
    ['request_documentation', hr],
    ['provider_pending', owner],
    ['documentation_received', hr],
    ['offer_alternative', hr],
    ['decline_alternative', owner],
    ['offer_alternative', hr],
    ['accept_alternative', owner],
    ['approve', hr],
  ]);
  return request;
}

/** Words that no letter may carry: everything the employee typed, and HR's own note. */
const neverInALetter = [
  canary.reasonOwnWords,
  canary.constraintsNote,
  canary.otherAccommodation,
  canary.coveragePlan,
  canary.statementOfNeed,
  canary.privateNote,
  canary.declineComment,
  canary.hrNote,
];

describe('the letters HR’s steps send the employee', () => {
  for (const kind of employeeLetterKinds)
    for (const jurisdiction of ['us', 'uk', 'ca'] as const)
      it(`writes the ${kind} letter (${jurisdiction}) from work facts, never the employee’s words`, () => {
        const { request } = requestIn(statusFor[kind]);
        const withWords = {
          ...request,
          disclosure: { ...request.disclosure, jurisdiction },
          ...(request.denial
            ? {
                denial: {
                  ...request.denial,
                  consultedOn: '2026-03-02',
                  flexibleWorkingGround: 'structural_changes' as const,
                },
              }
            : {}),
          sensitive: {
            ...request.sensitive,
            ...canaryWords,
            alternativeExplanation: 'An earlier start keeps cover.',
            ...denialWords,
          },
        };
        const text = employeeLetterText(services, kind, projectForEmployeeLetter(withWords), names);
        expect(text).toContain(request.id);
        expect(text).toContain('Sam Rivera');
        // HR's own words reach the letter they wrote them for; nobody else's ever does.
        const hrWordsOf = (field: string) =>
          field === 'alternativeExplanation' || (kind === 'denial' && field.startsWith('denial'));
        for (const [field, words] of Object.entries(canary))
          if (!hrWordsOf(field)) expect(text).not.toContain(words);
        expect(text).not.toMatch(/\{\{|undefined|NaN/);
      });

  it('cannot be written from the record: every builder takes the letter’s projection', () => {
    const request = everyLetterRequest();
    // Checked by the type checker (`tsc`, run with the tests): none of the calls below may compile.
    const handedTheRecord = () => [
      // @ts-expect-error a record is not the letter's projection
      employeeLetterText(services, 'approval', request, names),
      // @ts-expect-error a record is not the letter's projection
      employeeLetterPdf(services, 'approval', request, names),
      // @ts-expect-error a record is not the letter's projection
      employeeLetterData(services, 'approval', request, names),
      // @ts-expect-error a record is not the letter's projection
      letterToShow(services, request, 'approval'),
    ];
    void handedTheRecord;
    expect(letterToShow(services, projectForEmployeeLetter(request), '')).toBe('approval');
  });

  it('carries no word the employee typed and no note HR kept, in any letter, even with everything on the record', () => {
    const request = everyLetterRequest();
    // The record really holds them all: HR's note, the private note, unreleased and released words.
    const onRecord = JSON.stringify(request);
    for (const words of neverInALetter) expect(onRecord).toContain(words);
    const released = { ...request, released: ['coveragePlan', 'statementOfNeed'] } as AccommodationRequest;

    const view = projectForEmployeeLetter(released);
    // The same story ending in a denial instead, with the alternatives US law asks to be weighed.
    const { request: denied } = walk([
      ['submit', owner],
      ['acknowledge', hr],
      ['add_note', hr],
      ['request_documentation', hr],
      ['provider_pending', owner],
      ['documentation_received', hr],
      ['offer_alternative', hr],
      ['decline_alternative', owner],
      ['deny', hr],
    ]);
    const deniedView = projectForEmployeeLetter({
      ...denied,
      released: ['coveragePlan', 'statementOfNeed'],
      sensitive: { ...denied.sensitive, ...denialWords },
    } as AccommodationRequest);
    for (const words of neverInALetter) {
      expect(JSON.stringify(view)).not.toContain(words);
      expect(JSON.stringify(deniedView)).not.toContain(words);
    }
    for (const kind of employeeLetterKinds) {
      const shown = kind === 'denial' ? deniedView : view;
      expect(letterToShow(services, shown, kind), kind).toBe(kind);
      const text = employeeLetterText(services, kind, shown, names);
      for (const words of neverInALetter) expect(text, kind).not.toContain(words);
    }
    expect(letterToShow(services, view, 'denial')).toBeNull();
    // HR's explanation of its offer is written for the employee, and their letter carries it.
    expect(employeeLetterText(services, 'alternative_offer', view, names)).toContain(
      canary.alternativeExplanation,
    );
  });
});
