import type { CommandPayload } from '../../../../src/domain/commands.js';
import type { Decided, Decision } from '../../../../src/domain/decision.js';
import { decide } from '../../../../src/domain/lifecycle/decide.js';
import { defaultPolicy, type LifecyclePolicy } from '../../../../src/domain/lifecycle/policy.js';
import { type AccommodationRequest, SensitiveFields } from '../../../../src/domain/request.js';
import type { Actor } from '../../../../src/domain/roles.js';
import type { CommandType, RequestStatus } from '../../../../src/domain/statuses.js';
import { typedByPerson } from '../../../../src/privacy/private-text.js';

/** People of the fixtures, by how they stand to the request. */
export const people = {
  owner: { role: 'employee', id: 'U_OWNER' },
  otherEmployee: { role: 'employee', id: 'U_OTHER' },
  hr: { role: 'hr', id: 'U_HR1' },
  hr2: { role: 'hr', id: 'U_HR2' },
  eap: { role: 'eap', id: 'U_EAP' },
  manager: { role: 'manager', id: 'U_MANAGER' },
  system: { role: 'system', id: 'system' },
} as const satisfies Record<string, Actor>;

/** HR works in New York; weekends off, no holidays unless a test adds them. */
export const policy: LifecyclePolicy = {
  ...defaultPolicy,
  calendar: { timeZone: 'America/New_York', weekend: ['sat', 'sun'], holidays: [], dayEndsAt: '17:00' },
};

/** Monday 2 March 2026, 10:00 in New York. */
export const start = new Date('2026-03-02T15:00:00.000Z');
export const later = (from: Date, hours: number) => new Date(from.getTime() + hours * 3_600_000);

/** Words in every field, each unique, so a test can look for them anywhere. */
export const canary = {
  reasonOwnWords: 'CANARY-reason my methadone clinic',
  constraintsNote: 'CANARY-constraints stand-up',
  otherAccommodation: 'CANARY-other quiet room',
  coveragePlan: 'CANARY-coverage Priya covers',
  statementOfNeed: 'CANARY-statement of need',
  privateNote: 'CANARY-private parking pass',
  declineComment: 'CANARY-decline too early',
  alternativeExplanation: 'CANARY-hr-alternative explanation',
  denialExplanation: 'CANARY-hr-denial explanation',
  denialAlternative: 'CANARY-hr-denial alternative',
  denialWhyNot: 'CANARY-hr-denial whynot',
  denialReconsideration: 'CANARY-hr-denial reconsider',
  hrNote: 'CANARY-hr-note',
} as const;

/** The canaries as the record holds them: the employee's words as typed text. */
export const canaryWords = SensitiveFields.parse(canary);

export const pattern = {
  hours: [
    { days: ['mon', 'wed'], start: '08:00', end: '14:30' },
    { days: ['tue', 'thu', 'fri'], start: '09:00', end: '17:30' },
  ],
  startDate: '2026-03-16',
  endDate: '2026-06-05',
  timeZone: 'America/Chicago',
} satisfies CommandPayload<'approve'>['pattern'];

export const submitPayload = (reference = 'ACC-2026-0042'): CommandPayload<'submit'> => ({
  reference,
  teamId: 'T1',
  schedule: {
    days: ['mon', 'wed'],
    sessionStart: '15:00',
    sessionEnd: '18:00',
    travelMinutes: 30,
    startDate: '2026-03-16',
    endDate: '2026-06-05',
    format: 'in_person',
  },
  work: {
    days: ['mon', 'tue', 'wed', 'thu', 'fri'],
    start: '09:00',
    end: '17:30',
    timeZone: 'America/Chicago',
    constraints: ['recurring_meetings'],
  },
  accommodations: ['leave_early_start_late', 'remote_on_treatment_days'],
  disclosure: {
    reason: 'own_words',
    shareScheduleWithManager: true,
    eapMayTrackStatus: true,
    jurisdiction: 'us',
  },
  sensitive: {
    reasonOwnWords: typedByPerson(canary.reasonOwnWords),
    constraintsNote: typedByPerson(canary.constraintsNote),
    otherAccommodation: typedByPerson(canary.otherAccommodation),
    coveragePlan: typedByPerson(canary.coveragePlan),
    statementOfNeed: typedByPerson(canary.statementOfNeed),
    privateNote: typedByPerson(canary.privateNote),
  },
  managerId: people.manager.id,
});

/** A filled-in form for each command, as the surfaces would send it. */
export const payloads: { readonly [T in CommandType]: CommandPayload<T> } = {
  submit: submitPayload(),
  acknowledge: {},
  assign: { assigneeId: people.hr2.id },
  request_documentation: {
    needNotObvious: true,
    notAlreadyDocumented: true,
    items: ['session_days_and_times'],
  },
  provider_pending: {},
  documentation_received: {},
  offer_alternative: { pattern, explanation: canary.alternativeExplanation },
  accept_alternative: {},
  decline_alternative: { comment: typedByPerson(canary.declineComment) },
  approve: { pattern, reviewDate: '2026-05-15' },
  deny: {
    reason: 'undue_hardship',
    explanation: canary.denialExplanation,
    alternativesConsidered: [{ alternative: canary.denialAlternative, whyNot: canary.denialWhyNot }],
    reconsideration: canary.denialReconsideration,
  },
  add_note: { text: canary.hrNote },
  close: {},
  withdraw: {},
  request_update: {},
  mark_review_due: {},
  request_extension: { until: '2026-08-28' },
  extend: { endDate: '2026-08-28', reviewDate: '2026-08-14' },
  end: {},
  erase: {},
  purge: {},
  close_after_grace: {},
  release: { fields: ['coveragePlan'] },
  record_export: {},
  decline_extension: {},
};

export function accepted(decision: Decision): Decided {
  if (!decision.ok) throw new Error(`refused: ${decision.code}: ${decision.message}`);
  return decision;
}

/** A step of a path: the command, who gives it, and how long after the previous step. */
type PathStep = readonly [CommandType, Actor, number?];

/**
 * Runs commands from nothing, as the store would: each decision's record becomes the next input,
 * with the version bumped as the store does.
 */
export function walk(
  steps: readonly PathStep[],
  from: Date = start,
): { request: AccommodationRequest; now: Date } {
  let request: AccommodationRequest | null = null;
  let now = from;
  for (const [type, actor, hours] of steps) {
    now = later(now, hours ?? 1);
    const result: Decided = accepted(decide(request, { type, payload: payloads[type] }, actor, now, policy));
    request = { ...result.request, version: result.request.version + 1 };
  }
  if (!request) throw new Error('empty path');
  return { request, now };
}

const { owner, hr, system } = people;

/** How to reach each status from nothing; the last step's time is kept as `now`. */
export const pathTo: Readonly<Record<Exclude<RequestStatus, 'draft'>, readonly PathStep[]>> = {
  submitted: [['submit', owner]],
  acknowledged: [
    ['submit', owner],
    ['acknowledge', hr],
  ],
  documentation_requested: [
    ['submit', owner],
    ['acknowledge', hr],
    ['request_documentation', hr],
  ],
  alternative_offered: [
    ['submit', owner],
    ['acknowledge', hr],
    ['offer_alternative', hr],
  ],
  accepted: [
    ['submit', owner],
    ['acknowledge', hr],
    ['offer_alternative', hr],
    ['accept_alternative', owner],
  ],
  approved: [
    ['submit', owner],
    ['acknowledge', hr],
    ['approve', hr],
  ],
  review_due: [
    ['submit', owner],
    ['acknowledge', hr],
    ['approve', hr],
    // The review starts 7 days before 15 May.
    ['mark_review_due', system, 24 * 70],
  ],
  denied: [
    ['submit', owner],
    ['acknowledge', hr],
    ['deny', hr],
  ],
  withdrawn: [
    ['submit', owner],
    ['withdraw', owner],
  ],
  ended: [
    ['submit', owner],
    ['acknowledge', hr],
    ['approve', hr],
    ['end', hr],
  ],
  closed: [
    ['submit', owner],
    ['acknowledge', hr],
    ['deny', hr],
    ['close', hr],
  ],
  purged: [
    ['submit', owner],
    ['acknowledge', hr],
    ['deny', hr],
    ['close', hr],
    ['purge', system, 24 * 400],
  ],
};

/** A request in `status`, and the moment it got there. */
export function requestIn(status: RequestStatus): { request: AccommodationRequest; now: Date } {
  if (status === 'draft') {
    const { request, now } = walk(pathTo.submitted);
    return { request: { ...request, status: 'draft' }, now };
  }
  return walk(pathTo[status]);
}
