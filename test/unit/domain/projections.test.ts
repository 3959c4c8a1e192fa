import { describe, expect, it } from 'vitest';
import { decide } from '../../../src/domain/lifecycle/decide.js';
import {
  projectForChannel,
  projectForEap,
  projectForEmployee,
  projectForHr,
  projectForLog,
  projectForManager,
  projectForModel,
  projectHrWords,
} from '../../../src/domain/projections.js';
import type { AccommodationRequest } from '../../../src/domain/request.js';
import type { AppServices } from '../../../src/services.js';
import { hrLetterText } from '../../../src/slack/hr-letter.js';
import { managerHomeBlocks } from '../../../src/slack/views/manager/home.js';
import { managerNoticeText } from '../../../src/slack/views/manager/notice.js';
import {
  accepted,
  canary,
  later,
  pathTo,
  payloads,
  people,
  policy,
  start,
  walk,
} from './lifecycle/fixtures.js';

const { owner, hr } = people;

/** A request that went through every HR step it can: documentation, a declined alternative, notes, approval and an extension ask. */
function fullRequest(): AccommodationRequest {
  const { request } = walk([
    ['submit', owner],
    ['acknowledge', hr],
    ['request_documentation', hr],
    ['provider_pending', owner],
    ['documentation_received', hr],
    ['offer_alternative', hr],
    ['decline_alternative', owner],
    ['add_note', hr],
    ['approve', hr],
    ['request_extension', owner],
  ]);
  return { ...request, released: ['coveragePlan'] };
}

function deniedRequest(): AccommodationRequest {
  const { request, now } = walk(pathTo.denied);
  return accepted(
    decide(request, { type: 'add_note', payload: payloads.add_note }, hr, later(now, 1), policy),
  ).request;
}

const employeeWords = [
  canary.reasonOwnWords,
  canary.constraintsNote,
  canary.otherAccommodation,
  canary.coveragePlan,
  canary.statementOfNeed,
  canary.privateNote,
  canary.declineComment,
];
const hrWords = [
  canary.alternativeExplanation,
  canary.denialExplanation,
  canary.denialAlternative,
  canary.denialWhyNot,
  canary.denialReconsideration,
  canary.hrNote,
];
const allWords = [...employeeWords, ...hrWords];

const keys = (value: object | null) => Object.keys(value ?? {}).sort();
const text = (value: unknown) => JSON.stringify(value);

describe('employee projection', () => {
  it('has exactly their own fields, their words included, and none of HR’s internal notes', () => {
    const view = projectForEmployee(fullRequest());
    expect(keys(view)).toEqual(
      [
        'reference',
        'employeeId',
        'status',
        'waitingOn',
        'dueAt',
        'submittedAt',
        'statusChangedAt',
        'assigneeId',
        'managerId',
        'schedule',
        'work',
        'accommodations',
        'disclosure',
        'reviewDate',
        'yourWords',
        'released',
        'documentation',
        'alternative',
        'approval',
        'extension',
      ].sort(),
    );
    for (const word of employeeWords) expect(text(view)).toContain(word);
    expect(text(view)).toContain(canary.alternativeExplanation);
    expect(text(view)).not.toContain(canary.hrNote);
  });

  it('shows a denial with its explanation, alternatives and the way back', () => {
    const view = projectForEmployee(deniedRequest());
    expect(keys(view.denial ?? null)).toEqual(
      ['reason', 'deniedAt', 'explanation', 'alternativesConsidered', 'reconsideration'].sort(),
    );
    expect(text(view)).not.toContain(canary.hrNote);
  });
});

describe('HR projection', () => {
  it('has C0, C1 and the disclosure choice, and only the text the employee released', () => {
    const request = fullRequest();
    const view = projectForHr(request);
    expect(keys(view)).toEqual(
      [
        'reference',
        'employeeId',
        'status',
        'waitingOn',
        'dueAt',
        'submittedAt',
        'acknowledgedAt',
        'decidedAt',
        'statusChangedAt',
        'assigneeId',
        'managerId',
        'schedule',
        'work',
        'accommodations',
        'reasonChoice',
        'shareScheduleWithManager',
        'eapMayTrackStatus',
        'jurisdiction',
        'reviewDate',
        'documentation',
        'alternative',
        'approval',
        'extension',
        'released',
      ].sort(),
    );
    expect(view.released).toEqual({ coveragePlan: canary.coveragePlan });
    for (const word of allWords.filter((w) => w !== canary.coveragePlan))
      expect(text(view)).not.toContain(word);
  });

  it('with nothing released, carries no free text at all', () => {
    const request = { ...fullRequest(), released: [] };
    const view = projectForHr(request);
    expect(view.released).toEqual({});
    for (const word of allWords) expect(text(view)).not.toContain(word);
    for (const word of allWords) expect(text(projectForHr(deniedRequest()))).not.toContain(word);
  });

  it('carries the role constraints the employee ticked, as work facts, but not their note about the work', () => {
    // Issue 9: role constraints were asked at step 2 and never reached HR's card.
    const request = fullRequest();
    const view = projectForHr({
      ...request,
      work: { ...request.work, constraints: ['on_call', 'shift_work'] },
    });
    expect(view.work.constraints).toEqual(['on_call', 'shift_work']);
    expect(text(view)).not.toContain(canary.constraintsNote);
    // The note is the employee's words: HR reads it only once they release it.
    const released = projectForHr({ ...request, released: ['constraintsNote'] });
    expect(released.released).toEqual({ constraintsNote: canary.constraintsNote });
  });

  it('HR’s own words come only through their own projection, without the employee’s', () => {
    const view = projectHrWords(deniedRequest());
    expect(keys(view)).toEqual(['denialAlternatives', 'denialExplanation', 'denialReconsideration', 'notes']);
    for (const word of [canary.denialExplanation, canary.denialAlternative, canary.hrNote])
      expect(text(view)).toContain(word);
    for (const word of employeeWords) expect(text(view)).not.toContain(word);
  });
});

describe('EAP projection', () => {
  it('with consent: a person’s row with status and dates, no free text and no reason', () => {
    const view = projectForEap(fullRequest());
    expect(view.consented).toBe(true);
    expect(keys(view)).toEqual(
      [
        'consented',
        'reference',
        'employeeId',
        'status',
        'statusChangedAt',
        'waitingOn',
        'accommodations',
        'submittedAt',
        'acknowledgedAt',
        'decidedAt',
        'dueAt',
        'reviewDate',
        'endsOn',
        'documentationRequested',
      ].sort(),
    );
    for (const word of allWords) expect(text(view)).not.toContain(word);
    expect(text(view)).not.toContain('own_words');
    expect(text(view)).not.toContain('in_person');
  });

  it('without consent: nothing that names or points to the person', () => {
    const request = fullRequest();
    const view = projectForEap({
      ...request,
      disclosure: { ...request.disclosure, eapMayTrackStatus: false },
    });
    expect(view.consented).toBe(false);
    expect(keys(view)).not.toContain('reference');
    expect(keys(view)).not.toContain('employeeId');
    expect(text(view)).not.toContain(request.id);
    expect(text(view)).not.toContain(request.employeeId);
    for (const word of allWords) expect(text(view)).not.toContain(word);
  });
});

describe('manager projection', () => {
  it('is the approved working pattern and its dates only', () => {
    const request = fullRequest();
    const view = projectForManager(request);
    expect(keys(view)).toEqual([
      'employeeId',
      'endDate',
      'hours',
      'reviewDate',
      'startDate',
      'state',
      'timeZone',
    ]);
    expect(view?.state).toBe('in_place');
    const json = text(view);
    for (const word of allWords) expect(json).not.toContain(word);
    // Never the session times, the treatment format, the reason or the history.
    for (const secret of ['15:00', '18:00', 'in_person', 'own_words', 'leave_early_start_late', request.id])
      expect(json).not.toContain(secret);
  });

  it('is nothing without consent, without a named manager, or before approval', () => {
    const request = fullRequest();
    expect(
      projectForManager({
        ...request,
        disclosure: { ...request.disclosure, shareScheduleWithManager: false },
      }),
    ).toBeNull();
    const { managerId: _m, ...noManager } = request;
    expect(projectForManager(noManager)).toBeNull();
    expect(projectForManager(walk(pathTo.acknowledged).request)).toBeNull();
    // Approved with consent but the manager was never told (no one was named then): nothing either.
    const { managerToldAt: _t, ...neverTold } = request;
    expect(projectForManager(neverTold)).toBeNull();
  });

  it('says where the arrangement stands once it stops: ended or withdrawn, never why', () => {
    const { request, now } = walk([...pathTo.approved]);
    const ended = accepted(decide(request, { type: 'end', payload: {} }, hr, later(now, 1), policy)).request;
    expect(projectForManager(ended)?.state).toBe('ended');
    const withdrawn = accepted(
      decide(request, { type: 'withdraw', payload: {} }, owner, later(now, 1), policy),
    ).request;
    expect(projectForManager(withdrawn)?.state).toBe('withdrawn');
    // Closed afterwards, it still reads as the employee withdrew it.
    const closed = accepted(
      decide(withdrawn, { type: 'close', payload: {} }, hr, later(now, 2), policy),
    ).request;
    expect(projectForManager(closed)?.state).toBe('withdrawn');
  });

  it('carries the note for the team only once the employee released it, and never without consent', () => {
    const note = 'Robin covers the support queue from 3 on Tuesdays.';
    const submit = (disclosure: { shareScheduleWithManager: boolean }, teamNoteReleased?: true) => {
      const payload = {
        ...payloads.submit,
        disclosure: { ...payloads.submit.disclosure, ...disclosure },
        sensitive: { ...payloads.submit.sensitive, teamNote: note },
        ...(teamNoteReleased ? { teamNoteReleased } : {}),
      };
      let request = accepted(decide(null, { type: 'submit', payload }, owner, start, policy)).request;
      for (const [type, actor] of [
        ['acknowledge', hr],
        ['approve', hr],
      ] as const)
        request = accepted(
          decide(request, { type, payload: payloads[type] }, actor, later(start, 1), policy),
        ).request;
      return request;
    };
    expect(projectForManager(submit({ shareScheduleWithManager: true }, true))?.teamNote).toBe(note);
    // Written but not sent to the manager: not there.
    expect(projectForManager(submit({ shareScheduleWithManager: true }))).not.toHaveProperty('teamNote');
    // Without consent the note is not even kept.
    const noConsent = submit({ shareScheduleWithManager: false }, true);
    expect(noConsent.sensitive.teamNote).toBeUndefined();
    expect(noConsent.teamNoteReleased).toBeUndefined();
  });

  it('is what the manager’s DM and Home are built from: handing them the record does not compile', () => {
    const request = fullRequest();
    const handedTheRecord = () => [
      // @ts-expect-error a record is not the manager's projection
      managerNoticeText(request, 'approved', 'en-US'),
      // @ts-expect-error a record is not the manager's projection
      managerHomeBlocks([request]),
      // @ts-expect-error nor is an object that merely has the projection's fields
      managerNoticeText({ ...projectForHr(request), state: 'in_place' }, 'approved', 'en-US'),
    ];
    void handedTheRecord;
    const view = projectForManager(request);
    expect(view).not.toBeNull();
    if (view) expect(managerNoticeText(view, 'approved', 'en-US')).toContain(`<@${request.employeeId}>`);
  });
});

describe('channel, model and log projections', () => {
  it('channel: routing only', () => {
    const view = projectForChannel(fullRequest());
    expect(keys(view)).toEqual(['assigneeId', 'dueAt', 'reference', 'status', 'waitingOn']);
  });

  it('model: structure, no ids, no reason, no treatment format, no words', () => {
    const request = fullRequest();
    const view = projectForModel(request);
    expect(keys(view)).toEqual(['accommodations', 'jurisdiction', 'schedule', 'work']);
    expect(keys(view.schedule)).toEqual([
      'days',
      'endDate',
      'sessionEnd',
      'sessionStart',
      'startDate',
      'travelMinutes',
    ]);
    const json = text(view);
    for (const secret of [...allWords, request.id, request.employeeId, 'own_words', 'in_person'])
      expect(json).not.toContain(secret);
  });

  it('log: ids and status only', () => {
    const request = fullRequest();
    expect(projectForLog(request)).toEqual({
      requestId: request.id,
      teamId: request.teamId,
      status: request.status,
    });
  });
});

describe('every projection', () => {
  it('is a copy: changing it cannot change the record', () => {
    const request = fullRequest();
    const before = JSON.stringify(request);
    const view = projectForHr(request) as unknown as { schedule: { days: string[] } };
    view.schedule.days.push('sun');
    expect(JSON.stringify(request)).toBe(before);
  });

  it('never carries a field added to the record later', () => {
    const request = { ...fullRequest(), futureField: 'CANARY-future' } as AccommodationRequest;
    for (const project of [
      projectForEmployee,
      projectForHr,
      projectForEap,
      projectForManager,
      projectForChannel,
      projectForModel,
      projectForLog,
    ])
      expect(text(project(request))).not.toContain('CANARY-future');
  });
});

describe('the request letter HR and the employee read', () => {
  it('is built from HR’s projection: handing it the record does not compile', () => {
    const request = fullRequest();
    // Checked by the type checker (`tsc`, run with the tests): the call below must not compile.
    const handedTheRecord = (services: AppServices) =>
      // @ts-expect-error a record is not HR's projection
      hrLetterText(services, request, 'Sam');
    void handedTheRecord;
    // What the letter can reach: released words only, never the private note.
    expect(Object.keys(projectForHr(request).released)).toEqual(['coveragePlan']);
  });
});
