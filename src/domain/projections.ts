import { forItsAuthor, hasWords } from '../privacy/private-text.js';
import {
  type ReleasedText,
  releasedWords,
  type TeamNoteText,
  teamNoteForManager,
} from '../privacy/release.js';
import type { DenialAlternative } from './commands.js';
import { denialAlternativesOf, type HrNote, hrNotesOf } from './hr-words.js';
import { waitingOnOf } from './lifecycle/clock.js';
import type {
  AccommodationRequest,
  AccommodationType,
  DenialReason,
  DocumentationItem,
  FlexibleWorkingGround,
  Jurisdiction,
  ReasonChoice,
  ReleasableField,
  TreatmentSchedule,
  Weekday,
  WorkingHours,
  WorkingPattern,
  WorkPattern,
} from './request.js';
import type { RequestStatus, WaitingOn } from './statuses.js';

/**
 * One projection per audience (DESIGN.md section 2): the exact fields each may receive. Views,
 * letters, prompts, exports and log lines are built from these, never from a record, so what an
 * audience cannot see is not there to leak. Each projection copies field by field (no spreading
 * of a record), so a field added to the record later reaches no audience until someone adds it here.
 */

export type DeepReadonly<T> = T extends string
  ? T // a branded string stays a string
  : T extends (infer U)[]
    ? readonly DeepReadonly<U>[]
    : T extends object
      ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
      : T;

export type { ReleasedText } from '../privacy/release.js';

declare const projectedFor: unique symbol;
/**
 * Made by an audience's projection, and by nothing else: a screen builder that asks for an
 * `EmployeeView` cannot be handed the record, or an object that merely looks like the projection.
 */
type Projected<Audience extends string> = { readonly [projectedFor]: Audience };

const copyPattern = (pattern: WorkingPattern): WorkingPattern => ({
  hours: pattern.hours.map(
    (entry): WorkingHours => ({ days: [...entry.days], start: entry.start, end: entry.end }),
  ),
  ...(pattern.remoteDays ? { remoteDays: [...pattern.remoteDays] } : {}),
  startDate: pattern.startDate,
  endDate: pattern.endDate,
  timeZone: pattern.timeZone,
});

const copySchedule = (s: TreatmentSchedule): TreatmentSchedule => ({
  days: [...s.days],
  sessionStart: s.sessionStart,
  sessionEnd: s.sessionEnd,
  travelMinutes: s.travelMinutes,
  startDate: s.startDate,
  endDate: s.endDate,
  format: s.format,
});

const copyWork = (w: WorkPattern): WorkPattern => ({
  days: [...w.days],
  start: w.start,
  end: w.end,
  timeZone: w.timeZone,
  constraints: [...w.constraints],
});

/** Where HR's documentation request stands: the same facts for the employee and for HR. */
type DocumentationFacts = {
  items: DocumentationItem[];
  requestedAt: string;
  providerAskedAt?: string;
  receivedAt?: string;
};

const copyDocumentation = (d: NonNullable<AccommodationRequest['documentation']>): DocumentationFacts =>
  defined({
    items: [...d.items],
    requestedAt: d.requestedAt,
    providerAskedAt: d.providerAskedAt,
    receivedAt: d.receivedAt,
  });

/** The employee's ask for more time, and when HR answered it: dates only. */
type ExtensionFacts = {
  requestedAt: string;
  until: string;
  decidedAt?: string;
  outcome?: 'extended' | 'declined' | 'ended';
};

const copyExtension = (e: NonNullable<AccommodationRequest['extension']>): ExtensionFacts =>
  defined({ requestedAt: e.requestedAt, until: e.until, decidedAt: e.decidedAt, outcome: e.outcome });

/** Brands a projection once its fields are copied (the brand exists only for the type checker). */
const projected = <View extends Projected<string>>(fields: Omit<View, typeof projectedFor>): View =>
  defined(fields) as View;

/** Drops keys whose value is undefined, so key sets are exact and JSON has no gaps. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

// ---------------------------------------------------------------------------------------------
// The case as both parties to it see it: the employee and HR. Routing, the work facts asked for,
// and where each step stands; no free text.

type CaseFacts = {
  reference: string;
  employeeId: string;
  status: RequestStatus;
  waitingOn: WaitingOn;
  dueAt?: string;
  submittedAt?: string;
  statusChangedAt: string;
  assigneeId?: string;
  managerId?: string;
  schedule: TreatmentSchedule;
  work: WorkPattern;
  accommodations: AccommodationType[];
  reviewDate?: string;
  documentation?: DocumentationFacts;
  /** The alternative HR offered: its terms and the employee's answer. */
  alternative?: { pattern: WorkingPattern; respondBy: string; response?: 'accepted' | 'declined' };
  approval?: { pattern: WorkingPattern; reviewDate: string; approvedAt: string };
  extension?: ExtensionFacts;
  lastUpdateRequestedAt?: string;
};

function caseFactsOf(r: AccommodationRequest): CaseFacts {
  return defined({
    reference: r.id,
    employeeId: r.employeeId,
    status: r.status,
    waitingOn: waitingOnOf(r),
    dueAt: r.dueAt,
    submittedAt: r.submittedAt,
    statusChangedAt: r.statusChangedAt,
    assigneeId: r.assigneeId,
    managerId: r.managerId,
    schedule: copySchedule(r.schedule),
    work: copyWork(r.work),
    accommodations: [...r.accommodations],
    reviewDate: r.reviewDate,
    documentation: r.documentation ? copyDocumentation(r.documentation) : undefined,
    alternative: r.alternative
      ? defined({
          pattern: copyPattern(r.alternative.pattern),
          respondBy: r.alternative.respondBy,
          response: r.alternative.response,
        })
      : undefined,
    approval: r.approval
      ? {
          pattern: copyPattern(r.approval.pattern),
          reviewDate: r.approval.reviewDate,
          approvedAt: r.approval.approvedAt,
        }
      : undefined,
    extension: r.extension ? copyExtension(r.extension) : undefined,
    lastUpdateRequestedAt: r.lastUpdateRequestedAt,
  });
}

// ---------------------------------------------------------------------------------------------
// employee: everything of their own, including the private note; not HR's internal notes.

export type EmployeeView = DeepReadonly<
  CaseFacts & {
    disclosure: {
      reason: ReasonChoice;
      shareScheduleWithManager: boolean;
      eapMayTrackStatus: boolean;
      jurisdiction: Jurisdiction;
    };
    /** Their own words, private note included: this is their own screen. */
    yourWords: {
      reasonOwnWords?: string;
      constraintsNote?: string;
      otherAccommodation?: string;
      coveragePlan?: string;
      statementOfNeed?: string;
      privateNote?: string;
      declineComment?: string;
      teamNote?: string;
    };
    /** Which of their words HR can read. */
    released: ReleasableField[];
    /** HR's explanation of the alternative they offered, for the employee to weigh it. */
    alternative?: { explanation?: string };
    denial?: {
      reason: DenialReason;
      deniedAt: string;
      explanation?: string;
      alternativesConsidered: DenialAlternative[];
      reconsideration?: string;
      reconsiderBy?: string;
      consultedOn?: string;
      flexibleWorkingGround?: FlexibleWorkingGround;
    };
  }
> &
  Projected<'employee'>;

export function projectForEmployee(r: AccommodationRequest): EmployeeView {
  const s = r.sensitive;
  const facts = caseFactsOf(r);
  return projected<EmployeeView>({
    ...facts,
    disclosure: { ...r.disclosure },
    // Their own screen: the one audience the words go back to as they are.
    yourWords: defined({
      reasonOwnWords: forItsAuthor(s.reasonOwnWords),
      constraintsNote: forItsAuthor(s.constraintsNote),
      otherAccommodation: forItsAuthor(s.otherAccommodation),
      coveragePlan: forItsAuthor(s.coveragePlan),
      statementOfNeed: forItsAuthor(s.statementOfNeed),
      privateNote: forItsAuthor(s.privateNote),
      declineComment: forItsAuthor(s.declineComment),
      teamNote: forItsAuthor(s.teamNote),
    }),
    released: [...(r.released ?? [])],
    alternative: facts.alternative
      ? defined({ ...facts.alternative, explanation: s.alternativeExplanation })
      : undefined,
    denial: r.denial
      ? defined({
          reason: r.denial.reason,
          deniedAt: r.denial.deniedAt,
          explanation: s.denialExplanation,
          alternativesConsidered: denialAlternativesOf(s),
          reconsideration: s.denialReconsideration,
          reconsiderBy: r.denial.reconsiderBy,
          consultedOn: r.denial.consultedOn,
          flexibleWorkingGround: r.denial.flexibleWorkingGround,
        })
      : undefined,
  });
}

// ---------------------------------------------------------------------------------------------
// employee's letters: what HR's steps write to the employee (acknowledgment, documentation
// request, alternative, approval). A letter is a file the employee may save, print or forward, so
// it gets less than their own screen: the work facts and dates a letter names, and HR's own words
// written for the employee. Nothing the employee typed, and no note HR kept for itself.

export type EmployeeLetterView = DeepReadonly<{
  reference: string;
  jurisdiction: Jurisdiction;
  /** The employee's zone: a letter's dates are theirs. */
  timeZone: string;
  submittedAt?: string;
  dueAt?: string;
  /** When HR's decision is due (the acknowledgment promises an answer by then). */
  decisionDueAt?: string;
  acknowledgedAt?: string;
  /** The first day of the schedule the employee asked for. */
  requestedStartDate: string;
  /**
   * The sessions' days, times and dates, for the provider form the employee hands their provider
   * to confirm: their own schedule, in their own letter, and nothing about what the sessions are.
   */
  sessions: Pick<TreatmentSchedule, 'days' | 'sessionStart' | 'sessionEnd' | 'startDate' | 'endDate'>;
  /** Whether the process is still waiting on the provider's answer (the form names a return date). */
  awaitingDocumentation: boolean;
  documentation?: {
    items: DocumentationItem[];
    requestedAt: string;
    providerAskedAt?: string;
    receivedAt?: string;
  };
  /** HR's offer, with the explanation HR wrote for the employee, and the employee's answer. */
  alternative?: {
    pattern: WorkingPattern;
    respondBy: string;
    explanation?: string;
    offeredAt: string;
    response?: 'accepted' | 'declined';
    respondedAt?: string;
  };
  approval?: { pattern: WorkingPattern; reviewDate: string };
  /** HR's denial: its reason, and the words HR wrote for the employee's letter. */
  denial?: {
    reason: DenialReason;
    deniedAt: string;
    explanation?: string;
    alternativesConsidered: DenialAlternative[];
    reconsideration?: string;
    reconsiderBy?: string;
    consultedOn?: string;
    flexibleWorkingGround?: FlexibleWorkingGround;
  };
  /** Whether the manager was told the approved pattern (the approval letter says so). */
  managerTold: boolean;
}> &
  Projected<'employee-letter'>;

export function projectForEmployeeLetter(r: AccommodationRequest): EmployeeLetterView {
  return projected<EmployeeLetterView>({
    reference: r.id,
    jurisdiction: r.disclosure.jurisdiction,
    timeZone: r.work.timeZone,
    submittedAt: r.submittedAt,
    dueAt: r.dueAt,
    decisionDueAt: r.hrClock?.decisionDueAt,
    acknowledgedAt: r.acknowledgedAt,
    requestedStartDate: r.schedule.startDate,
    sessions: {
      days: [...r.schedule.days],
      sessionStart: r.schedule.sessionStart,
      sessionEnd: r.schedule.sessionEnd,
      startDate: r.schedule.startDate,
      endDate: r.schedule.endDate,
    },
    awaitingDocumentation: r.status === 'documentation_requested',
    documentation: r.documentation
      ? defined({
          items: [...r.documentation.items],
          requestedAt: r.documentation.requestedAt,
          providerAskedAt: r.documentation.providerAskedAt,
          receivedAt: r.documentation.receivedAt,
        })
      : undefined,
    alternative: r.alternative
      ? defined({
          pattern: copyPattern(r.alternative.pattern),
          respondBy: r.alternative.respondBy,
          explanation: r.sensitive.alternativeExplanation,
          offeredAt: r.alternative.offeredAt,
          response: r.alternative.response,
          respondedAt: r.alternative.respondedAt,
        })
      : undefined,
    approval: r.approval
      ? { pattern: copyPattern(r.approval.pattern), reviewDate: r.approval.reviewDate }
      : undefined,
    denial: r.denial
      ? defined({
          reason: r.denial.reason,
          deniedAt: r.denial.deniedAt,
          explanation: r.sensitive.denialExplanation,
          alternativesConsidered: denialAlternativesOf(r.sensitive),
          reconsideration: r.sensitive.denialReconsideration,
          reconsiderBy: r.denial.reconsiderBy,
          consultedOn: r.denial.consultedOn,
          flexibleWorkingGround: r.denial.flexibleWorkingGround,
        })
      : undefined,
    managerTold: r.managerToldAt !== undefined,
  });
}

// ---------------------------------------------------------------------------------------------
// hr: C0, C1, the disclosure choice and released text. No other free text.

export type HrView = DeepReadonly<
  CaseFacts & {
    decisionDueAt?: string;
    acknowledgedAt?: string;
    decidedAt?: string;
    closedAt?: string;
    /** How much the employee chose to say; the words themselves only if released. */
    reasonChoice: ReasonChoice;
    shareScheduleWithManager: boolean;
    eapMayTrackStatus: boolean;
    jurisdiction: Jurisdiction;
    alternative?: { offeredAt: string };
    approval?: { approvedBy: string };
    denial?: { reason: DenialReason; deniedAt: string; deniedBy: string };
    released: Partial<Record<ReleasableField, ReleasedText>>;
  }
>;

export function projectForHr(r: AccommodationRequest): HrView {
  const facts = caseFactsOf(r);
  return defined({
    ...facts,
    decisionDueAt: r.hrClock?.decisionDueAt,
    acknowledgedAt: r.acknowledgedAt,
    decidedAt: r.decidedAt,
    closedAt: r.closedAt,
    reasonChoice: r.disclosure.reason,
    shareScheduleWithManager: r.disclosure.shareScheduleWithManager,
    eapMayTrackStatus: r.disclosure.eapMayTrackStatus,
    jurisdiction: r.disclosure.jurisdiction,
    alternative:
      facts.alternative && r.alternative
        ? { ...facts.alternative, offeredAt: r.alternative.offeredAt }
        : undefined,
    approval:
      facts.approval && r.approval ? { ...facts.approval, approvedBy: r.approval.approvedBy } : undefined,
    denial: r.denial
      ? { reason: r.denial.reason, deniedAt: r.denial.deniedAt, deniedBy: r.denial.deniedBy }
      : undefined,
    released: releasedText(r),
  });
}

/** The employee's words HR may read: exactly the released fields that hold text. */
export function releasedText(r: AccommodationRequest): Partial<Record<ReleasableField, ReleasedText>> {
  const out: Partial<Record<ReleasableField, ReleasedText>> = {};
  for (const field of r.released ?? []) {
    const text = r.sensitive[field];
    if (hasWords(text)) out[field] = releasedWords(text);
  }
  return out;
}

/**
 * HR's own words (their explanations and notes), for HR's History and the letters HR sends. Kept
 * apart from `HrView` so the request card, which goes to a channel, carries no free text at all.
 */
export type HrWordsView = DeepReadonly<{
  alternativeExplanation?: string;
  denialExplanation?: string;
  denialAlternatives: DenialAlternative[];
  denialReconsideration?: string;
  notes: HrNote[];
}>;

export function projectHrWords(r: AccommodationRequest): HrWordsView {
  const s = r.sensitive;
  return defined({
    alternativeExplanation: s.alternativeExplanation,
    denialExplanation: s.denialExplanation,
    denialAlternatives: denialAlternativesOf(s),
    denialReconsideration: s.denialReconsideration,
    notes: hrNotesOf(s),
  });
}

// ---------------------------------------------------------------------------------------------
// eap: no free text, no reason; a person's row only with their consent.

interface EapFacts {
  status: RequestStatus;
  waitingOn: WaitingOn;
  accommodations: AccommodationType[];
  submittedAt?: string;
  acknowledgedAt?: string;
  decidedAt?: string;
  closedAt?: string;
  dueAt?: string;
  reviewDate?: string;
  /** The approved arrangement's end date, for "active" and "ending soon". */
  endsOn?: string;
  documentationRequested: boolean;
}

/** For counts and ageing only: no id, no reference, nothing that names the person. */
export type EapAggregateRow = DeepReadonly<EapFacts & { consented: false }>;
/** For an employee who agreed to EAP tracking. */
export type EapPersonRow = DeepReadonly<
  EapFacts & { consented: true; reference: string; employeeId: string; statusChangedAt: string }
>;
export type EapView = EapAggregateRow | EapPersonRow;

export function projectForEap(r: AccommodationRequest): EapView {
  const facts: EapFacts = defined({
    status: r.status,
    waitingOn: waitingOnOf(r),
    accommodations: [...r.accommodations],
    submittedAt: r.submittedAt,
    acknowledgedAt: r.acknowledgedAt,
    decidedAt: r.decidedAt,
    closedAt: r.closedAt,
    dueAt: r.dueAt,
    reviewDate: r.approval?.reviewDate,
    endsOn: r.approval?.pattern.endDate,
    documentationRequested: r.documentation !== undefined,
  });
  if (!r.disclosure.eapMayTrackStatus) return { consented: false, ...facts };
  return {
    consented: true,
    ...facts,
    reference: r.id,
    employeeId: r.employeeId,
    statusChangedAt: r.statusChangedAt,
  };
}

// ---------------------------------------------------------------------------------------------
// manager: the approved working pattern and dates, with consent. Never session times or a reason.

/**
 * Where the arrangement a manager was told about stands: still in place, ended (by HR, at its end,
 * or closed), or withdrawn by the employee. A state, never why.
 */
export type ManagerState = 'in_place' | 'ended' | 'withdrawn';

export type { TeamNoteText } from '../privacy/release.js';

export type ManagerView = DeepReadonly<{
  employeeId: string;
  hours: WorkingHours[];
  remoteDays?: Weekday[];
  startDate: string;
  endDate: string;
  /** When HR and the employee look at it again: the approval letter tells the employee the manager hears it. */
  reviewDate: string;
  timeZone: string;
  state: ManagerState;
  /** Only if the employee wrote one and released it to the manager. */
  teamNote?: TeamNoteText;
}> &
  Projected<'manager'>;

/**
 * Null unless the employee agreed, the manager was told an approved pattern, and this is still
 * the manager on record. Nothing the employee or HR typed is here: there is no field for it.
 */
export function projectForManager(r: AccommodationRequest): ManagerView | null {
  if (!r.disclosure.shareScheduleWithManager || r.managerId === undefined || !r.approval) return null;
  if (r.managerToldAt === undefined) return null;
  const pattern = r.approval.pattern;
  return projected<ManagerView>({
    employeeId: r.employeeId,
    hours: pattern.hours.map((entry) => ({ days: [...entry.days], start: entry.start, end: entry.end })),
    remoteDays: pattern.remoteDays ? [...pattern.remoteDays] : undefined,
    startDate: pattern.startDate,
    endDate: pattern.endDate,
    reviewDate: r.approval.reviewDate,
    timeZone: pattern.timeZone,
    state: managerStateOf(r),
    teamNote:
      r.teamNoteReleased && hasWords(r.sensitive.teamNote)
        ? teamNoteForManager(r.sensitive.teamNote)
        : undefined,
  });
}

function managerStateOf(r: AccommodationRequest): ManagerState {
  if (r.managerToldOf === 'withdrawn') return 'withdrawn';
  if (r.managerToldOf === 'ended') return 'ended';
  return r.status === 'approved' || r.status === 'review_due' ? 'in_place' : 'ended';
}

// ---------------------------------------------------------------------------------------------
// channel: routing only (HR's channel thread replies, dead-letter notices).

export type ChannelView = DeepReadonly<{
  reference: string;
  status: RequestStatus;
  waitingOn: WaitingOn;
  dueAt?: string;
  assigneeId?: string;
}>;

export function projectForChannel(r: AccommodationRequest): ChannelView {
  return defined({
    reference: r.id,
    status: r.status,
    waitingOn: waitingOnOf(r),
    dueAt: r.dueAt,
    assigneeId: r.assigneeId,
  });
}

// ---------------------------------------------------------------------------------------------
// model: structure, not stories. No ids, no reason, no treatment format, no words.

export type ModelView = DeepReadonly<{
  schedule: {
    days: Weekday[];
    sessionStart: string;
    sessionEnd: string;
    travelMinutes: number;
    startDate: string;
    endDate: string;
  };
  work: {
    days: Weekday[];
    start: string;
    end: string;
    timeZone: string;
    constraints: WorkPattern['constraints'];
  };
  accommodations: AccommodationType[];
  jurisdiction: Jurisdiction;
}>;

export function projectForModel(r: AccommodationRequest): ModelView {
  return {
    schedule: {
      days: [...r.schedule.days],
      sessionStart: r.schedule.sessionStart,
      sessionEnd: r.schedule.sessionEnd,
      travelMinutes: r.schedule.travelMinutes,
      startDate: r.schedule.startDate,
      endDate: r.schedule.endDate,
    },
    work: copyWork(r.work),
    accommodations: [...r.accommodations],
    jurisdiction: r.disclosure.jurisdiction,
  };
}

// ---------------------------------------------------------------------------------------------
// log: ids and status only.

export type LogView = DeepReadonly<{ requestId: string; teamId: string; status: RequestStatus }>;

export function projectForLog(r: Pick<AccommodationRequest, 'id' | 'teamId' | 'status'>): LogView {
  return { requestId: r.id, teamId: r.teamId, status: r.status };
}

/** Every projection by its audience, for code that picks one by name. */
export const projections = {
  employee: projectForEmployee,
  hr: projectForHr,
  eap: projectForEap,
  manager: projectForManager,
  channel: projectForChannel,
  model: projectForModel,
  log: projectForLog,
} as const;
