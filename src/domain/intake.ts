import { hasWords, type PrivateText, typedByPerson } from '../privacy/private-text.js';
import { type Draft, type IntakeStep, intakeSteps } from './draft.js';
import { disclosureFields, helpFields, scheduleFields, wordingFields, workFields } from './intake-fields.js';
import {
  AccommodationRequest,
  type AccommodationType,
  accommodationTypes,
  Disclosure,
  jurisdictions,
  reasonChoices,
  type SensitiveFields,
  TreatmentSchedule,
  treatmentFormats,
  WorkPattern,
  weekdays,
  workConstraints,
} from './request.js';
import {
  endDateFromWeeks,
  inWeekOrder,
  isCalendarDate,
  isClockTime,
  minutesOfDay,
  pluralDayList,
  sessionFit,
} from './schedule-math.js';
import { characterCount, textLimits } from './text-limits.js';

/**
 * The guided intake's rules, one function per step. Input is the plain values the Slack layer
 * read from the form (src/slack/state.ts); output is either the draft update to save or errors
 * keyed by the field ids, which are the form's block_ids. Pure: `today` comes in as a date.
 */

/** Text limits in characters. Where a field ends up in the request letter, the letter's own limit. */
export const intakeLimits = {
  /** The letter's reason statement is one line. */
  ownWords: textLimits.line,
  privateNote: 1500,
  /** Read by the manager beside the pattern: a line or two. */
  teamNote: 280,
  /** "Anything else about your work": one line of the letter, as its hint says. */
  constraintsNote: textLimits.line,
  /** The letter describes "other" in one line. */
  otherAccommodation: textLimits.line,
  coveragePlan: 2000,
  /** The letter's statement of need is one paragraph. */
  statementOfNeed: textLimits.paragraph,
  maxWeeks: 52,
  defaultWeeks: 10,
} as const;
export type IntakeLimits = { readonly [K in keyof typeof intakeLimits]: number };

export interface IntakeContext {
  /** The employee's today, `YYYY-MM-DD`: start dates before it are in the past. */
  readonly today: string;
  /** The draft as saved so far: the other steps' answers feed the notes. */
  readonly draft?: Draft;
  /** Who is filling the form in: they cannot name themselves as their manager. */
  readonly employeeId?: string;
  readonly limits?: Partial<IntakeLimits>;
}

// ---- What the form gives us, as plain values (empty inputs are undefined or []) ----

export interface ScheduleStepValues {
  readonly days: readonly string[];
  readonly sessionStart?: string;
  readonly sessionEnd?: string;
  readonly travelMinutes?: string;
  readonly startDate?: string;
  readonly endDate?: string;
  readonly weeks?: string;
  readonly format?: string;
}

export interface WorkStepValues {
  readonly days: readonly string[];
  readonly start?: string;
  readonly end?: string;
  readonly timeZone?: string;
  readonly constraints: readonly string[];
  readonly note?: string;
}

export interface HelpStepValues {
  readonly accommodations: readonly string[];
  readonly other?: string;
  readonly coveragePlan?: string;
}

export interface DisclosureStepValues {
  readonly reason?: string;
  readonly ownWords?: string;
  readonly shareWithManager?: boolean;
  /** The manager picked (a Slack user id). */
  readonly managerId?: string;
  readonly teamNote?: string;
  readonly eapMayTrack?: boolean;
  readonly jurisdiction?: string;
  readonly privateNote?: string;
}

export interface WordingValues {
  readonly statementOfNeed?: string;
  readonly coveragePlan?: string;
}

// ---- What a step gives back ----

/** An update to a draft. A step replaces its own part whole; `sensitive` keys set to undefined are cleared. */
export interface DraftPatch {
  readonly schedule?: NonNullable<Draft['schedule']>;
  readonly work?: NonNullable<Draft['work']>;
  readonly accommodations?: AccommodationType[];
  readonly disclosure?: NonNullable<Draft['disclosure']>;
  /** The manager named in step 4; null when the employee cleared it. */
  readonly managerId?: string | null;
  /** The words typed, as `PrivateText` from the moment they enter. */
  readonly sensitive?: { readonly [K in keyof SensitiveFields]?: SensitiveFields[K] | undefined };
}

/**
 * `partial` on failure is everything well-formed that was typed, for saving when the employee
 * closes the form with errors still showing ("Save for later"), so nothing typed is lost.
 */
export type StepResult =
  | { readonly ok: true; readonly patch: DraftPatch; readonly notes: string[] }
  | { readonly ok: false; readonly errors: Record<string, string>; readonly partial: DraftPatch };

// ---- Step 1: treatment schedule ----

export function validateScheduleStep(values: ScheduleStepValues, context: IntakeContext): StepResult {
  const limits = limitsOf(context);
  const errors: Record<string, string> = {};
  const notes: string[] = [];

  const days = onlyKnown(values.days, weekdays);
  if (days.length === 0) errors[scheduleFields.days] = 'Pick at least one day you have sessions.';

  const sessionStart = clock(values.sessionStart);
  const sessionEnd = clock(values.sessionEnd);
  if (!sessionStart) errors[scheduleFields.sessionStart] = 'Add the time your sessions start.';
  if (!sessionEnd) errors[scheduleFields.sessionEnd] = 'Add the time your sessions end.';
  if (sessionStart && sessionEnd) {
    const order = minutesOfDay(sessionEnd) - minutesOfDay(sessionStart);
    if (order === 0) {
      errors[scheduleFields.sessionEnd] = 'The end time is the same as the start time: please check it.';
    } else if (order < 0) {
      errors[scheduleFields.sessionEnd] = 'The end time is before the start time: please check it.';
    }
  }

  let travelMinutes: number | undefined = 0;
  if (present(values.travelMinutes)) {
    travelMinutes = wholeNumber(values.travelMinutes);
    if (travelMinutes === undefined || travelMinutes < 0 || travelMinutes > 240) {
      travelMinutes = undefined;
      errors[scheduleFields.travelMinutes] = 'Pick how much travel time you need each way.';
    }
  }

  const startDate = calendarDate(values.startDate);
  if (!present(values.startDate)) {
    errors[scheduleFields.startDate] = 'Add the date your sessions start.';
  } else if (!startDate) {
    errors[scheduleFields.startDate] = notADate;
  } else if (startDate < context.today) {
    errors[scheduleFields.startDate] =
      "The start date is in the past. If your sessions have already started, pick today's date.";
  }

  const endDateTyped = calendarDate(values.endDate);
  if (present(values.endDate) && !endDateTyped) errors[scheduleFields.endDate] = notADate;
  if (endDateTyped && startDate && endDateTyped < startDate) {
    errors[scheduleFields.endDate] = 'The end date is before the start date: please check it.';
  }

  // An end date, when given, is what the employee knows; the number of weeks is the fallback.
  let weeks: number | undefined;
  if (!endDateTyped && present(values.weeks)) {
    weeks = wholeNumber(values.weeks);
    if (weeks === undefined || weeks < 1 || weeks > limits.maxWeeks) {
      weeks = undefined;
      errors[scheduleFields.weeks] = `Enter a number of weeks from 1 to ${limits.maxWeeks}.`;
    }
  } else if (!endDateTyped && !present(values.endDate)) {
    weeks = limits.defaultWeeks;
    notes.push(
      `I've planned for ${limits.defaultWeeks} weeks, a common length. You can change it any time before you send.`,
    );
  }
  const endDate = endDateTyped ?? (startDate && weeks ? endDateFromWeeks(startDate, weeks) : undefined);

  const format = oneOf(values.format, treatmentFormats);
  if (!format) errors[scheduleFields.format] = 'Pick how you attend: in person, online, or a mix of both.';

  const schedule = withoutUndefined({
    days: days.length > 0 ? days : undefined,
    sessionStart,
    sessionEnd,
    travelMinutes,
    startDate,
    endDate,
    format,
  });
  if (hasErrors(errors)) return { ok: false, errors, partial: { schedule } };

  const full = TreatmentSchedule.parse(schedule);
  const work = WorkPattern.safeParse(context.draft?.work);
  if (work.success) notes.push(...scheduleNotes(full, work.data));
  return { ok: true, patch: { schedule: full }, notes };
}

// ---- Step 2: work today ----

export function validateWorkStep(values: WorkStepValues, context: IntakeContext): StepResult {
  const limits = limitsOf(context);
  const errors: Record<string, string> = {};
  const notes: string[] = [];

  const days = onlyKnown(values.days, weekdays);
  if (days.length === 0) errors[workFields.days] = 'Pick at least one day you usually work.';

  const start = clock(values.start);
  const end = clock(values.end);
  if (!start) errors[workFields.start] = 'Add the time your workday usually starts.';
  if (!end) errors[workFields.end] = 'Add the time your workday usually ends.';
  if (start && end && start === end) {
    errors[workFields.end] = 'Your workday starts and ends at the same time: please check the times.';
  }

  const timeZone = present(values.timeZone) && isTimeZone(values.timeZone) ? values.timeZone : undefined;
  if (!timeZone) errors[workFields.timeZone] = 'Pick your time zone.';

  const constraints = onlyKnown(values.constraints, workConstraints);
  const note = text(values.note);
  checkLength(errors, workFields.note, note, limits.constraintsNote);

  const work = withoutUndefined({
    days: days.length > 0 ? days : undefined,
    start,
    end,
    timeZone,
    constraints,
  });
  const sensitive = { constraintsNote: typedByPerson(note) };
  if (hasErrors(errors)) {
    const typed = withoutRefused(errors, { constraintsNote: [workFields.note, sensitive.constraintsNote] });
    return { ok: false, errors, partial: { work, sensitive: typed } };
  }

  const full = WorkPattern.parse(work);
  if (minutesOfDay(full.end) < minutesOfDay(full.start)) {
    notes.push(
      "Your workday ends the next morning, like an overnight shift. If that's not right, please check the times.",
    );
  }
  const schedule = TreatmentSchedule.safeParse(context.draft?.schedule);
  if (schedule.success) notes.push(...scheduleNotes(schedule.data, full));
  return { ok: true, patch: { work: full, sensitive }, notes };
}

// ---- Step 3: what would help ----

export function validateHelpStep(values: HelpStepValues, context: IntakeContext): StepResult {
  const limits = limitsOf(context);
  const errors: Record<string, string> = {};
  const notes: string[] = [];

  const accommodations = onlyKnown(values.accommodations, accommodationTypes);
  const other = text(values.other);
  const coveragePlan = text(values.coveragePlan);
  // Describing another arrangement without ticking "other" is taken as meaning it, not as a slip.
  if (other && !accommodations.includes('other')) {
    accommodations.push('other');
    notes.push("I've added the other arrangement you described to your request.");
  }
  if (accommodations.length === 0) {
    errors[helpFields.accommodations] = 'Pick at least one thing that would help. You can change it later.';
  }
  if (accommodations.includes('other') && !other) {
    errors[helpFields.other] = 'Say in a few words what the other arrangement is.';
  }
  checkLength(errors, helpFields.other, other, limits.otherAccommodation);
  checkLength(errors, helpFields.coveragePlan, coveragePlan, limits.coveragePlan);

  const patch: DraftPatch = {
    accommodations: inListOrder(accommodations, accommodationTypes),
    sensitive: { otherAccommodation: typedByPerson(other), coveragePlan: typedByPerson(coveragePlan) },
  };
  if (hasErrors(errors)) {
    const typed = withoutRefused(errors, {
      otherAccommodation: [helpFields.other, typedByPerson(other)],
      coveragePlan: [helpFields.coveragePlan, typedByPerson(coveragePlan)],
    });
    return { ok: false, errors, partial: { ...patch, sensitive: typed } };
  }
  return { ok: true, patch, notes };
}

// ---- Step 4: disclosure and sharing ----

export function validateDisclosureStep(values: DisclosureStepValues, context: IntakeContext): StepResult {
  const limits = limitsOf(context);
  const errors: Record<string, string> = {};

  const reason = oneOf(values.reason, reasonChoices);
  if (!reason) errors[disclosureFields.reason] = "Pick how you'd like the reason worded.";
  const ownWords = text(values.ownWords);
  if (reason === 'own_words' && !ownWords) {
    errors[disclosureFields.ownWords] =
      'Write a sentence or two in your own words, or pick one of the other wordings.';
  }
  checkLength(errors, disclosureFields.ownWords, ownWords, limits.ownWords);

  const jurisdiction = oneOf(values.jurisdiction, jurisdictions);
  if (!jurisdiction) errors[disclosureFields.jurisdiction] = 'Pick the country you work in.';

  const privateNote = text(values.privateNote);
  checkLength(errors, disclosureFields.privateNote, privateNote, limits.privateNote);

  // Naming someone is not consent: only "Yes" tells them anything. "No" forgets who it was.
  const shareWithManager = values.shareWithManager ?? false;
  if (values.managerId !== undefined && values.managerId === context.employeeId)
    errors[disclosureFields.manager] = 'Please choose your manager, not yourself.';
  const managerId = shareWithManager && !errors[disclosureFields.manager] ? (values.managerId ?? null) : null;
  const teamNote = text(values.teamNote);
  checkLength(errors, disclosureFields.teamNote, teamNote, limits.teamNote);

  // Sharing is opt-in: an unanswered question means "no".
  const disclosure = withoutUndefined({
    reason,
    shareScheduleWithManager: shareWithManager,
    eapMayTrackStatus: values.eapMayTrack ?? false,
    jurisdiction,
  });
  const sensitive = {
    reasonOwnWords: typedByPerson(ownWords),
    privateNote: typedByPerson(privateNote),
    teamNote: typedByPerson(teamNote),
  };
  if (hasErrors(errors)) {
    const typed = withoutRefused(errors, {
      reasonOwnWords: [disclosureFields.ownWords, sensitive.reasonOwnWords],
      privateNote: [disclosureFields.privateNote, sensitive.privateNote],
      teamNote: [disclosureFields.teamNote, sensitive.teamNote],
    });
    return { ok: false, errors, partial: { disclosure, managerId, sensitive: typed } };
  }
  return { ok: true, patch: { disclosure: Disclosure.parse(disclosure), managerId, sensitive }, notes: [] };
}

// ---- Step 5: the review's "Edit wording" form ----

export function validateWordingEdit(values: WordingValues, context: IntakeContext): StepResult {
  const limits = limitsOf(context);
  const errors: Record<string, string> = {};
  const statementOfNeed = text(values.statementOfNeed);
  const coveragePlan = text(values.coveragePlan);
  checkLength(errors, wordingFields.statementOfNeed, statementOfNeed, limits.statementOfNeed);
  checkLength(errors, wordingFields.coveragePlan, coveragePlan, limits.coveragePlan);
  const typedWords = {
    statementOfNeed: typedByPerson(statementOfNeed),
    coveragePlan: typedByPerson(coveragePlan),
  };
  const patch: DraftPatch = { sensitive: typedWords };
  if (hasErrors(errors)) {
    const typed = withoutRefused(errors, {
      statementOfNeed: [wordingFields.statementOfNeed, typedWords.statementOfNeed],
      coveragePlan: [wordingFields.coveragePlan, typedWords.coveragePlan],
    });
    return { ok: false, errors, partial: { sensitive: typed } };
  }
  return { ok: true, patch, notes: [] };
}

// ---- Drafts ----

/** The draft with a step's update applied; cleared or emptied private fields are removed. */
/**
 * What a refused form saves: each part the employee got right, field by field, over what was saved
 * before. A refused field is absent from `partial` (see `withoutRefused`), so its saved value stays:
 * a refused "number of weeks" never clears the saved end date, and a refused 40,000 characters never
 * replaces the saved note. An empty text field is present as `undefined`: the employee cleared it.
 */
export function applyDraftPartial(draft: Draft, partial: DraftPatch): Draft {
  const merged = <T extends object>(saved: T | undefined, typed: Partial<T> | undefined) =>
    typed && Object.keys(typed).length > 0 ? ({ ...saved, ...typed } as T) : saved;
  const sensitive: Record<string, unknown> = { ...draft.sensitive, ...partial.sensitive };
  const kept = Object.fromEntries(
    Object.entries(sensitive).filter((entry) => Boolean(entry[1])),
  ) as SensitiveFields;
  const schedule = merged(draft.schedule, partial.schedule);
  const work = merged(draft.work, partial.work);
  const disclosure = merged(draft.disclosure, partial.disclosure);
  return {
    ...draft,
    ...(schedule ? { schedule } : {}),
    ...(work ? { work } : {}),
    ...(partial.accommodations && partial.accommodations.length > 0
      ? { accommodations: partial.accommodations }
      : {}),
    ...(disclosure ? { disclosure } : {}),
    ...(partial.managerId ? { managerId: partial.managerId } : {}),
    sensitive: kept,
  };
}

/** The typed texts of a refused form without the ones refused, so their saved values stay. */
function withoutRefused<T extends Record<string, PrivateText | undefined>>(
  errors: Record<string, string>,
  texts: { readonly [K in keyof T]: readonly [field: string, value: T[K]] },
): Partial<T> {
  const kept: Partial<T> = {};
  for (const key of Object.keys(texts) as (keyof T)[]) {
    const [field, value] = texts[key];
    if (!(field in errors)) kept[key] = value;
  }
  return kept;
}

export function applyDraftPatch(draft: Draft, patch: DraftPatch): Draft {
  const sensitive: Record<string, unknown> = { ...draft.sensitive, ...patch.sensitive };
  const kept = Object.fromEntries(
    Object.entries(sensitive).filter((entry) => Boolean(entry[1])),
  ) as SensitiveFields;
  const { managerId: _before, ...unnamed } = draft;
  const manager = patch.managerId === undefined ? draft.managerId : (patch.managerId ?? undefined);
  return {
    ...unnamed,
    ...(manager ? { managerId: manager } : {}),
    ...(patch.schedule ? { schedule: patch.schedule } : {}),
    ...(patch.work ? { work: patch.work } : {}),
    ...(patch.accommodations ? { accommodations: patch.accommodations } : {}),
    ...(patch.disclosure ? { disclosure: patch.disclosure } : {}),
    sensitive: kept,
  };
}

/** The step after `step`; review is the last. */
export function nextIntakeStep(step: IntakeStep): IntakeStep {
  const index = intakeSteps.indexOf(step);
  return intakeSteps[Math.min(index + 1, intakeSteps.length - 1)] ?? 'review';
}

/** Step number as the employee sees it: "Step 2 of 5". */
export function stepNumber(step: IntakeStep): number {
  return intakeSteps.indexOf(step) + 1;
}

// ---- Notes ----

/**
 * Friendly observations from the schedule and the workday together: sessions that, with travel,
 * sit wholly outside working hours, and session days that are not work days. Never errors: the
 * employee may still want travel time or protected time.
 */
export function scheduleNotes(
  schedule: Pick<TreatmentSchedule, 'days' | 'sessionStart' | 'sessionEnd' | 'travelMinutes'>,
  work: Pick<WorkPattern, 'days' | 'start' | 'end'>,
): string[] {
  const notes: string[] = [];
  const shared = inWeekOrder(schedule.days.filter((day) => work.days.includes(day)));
  const offDays = inWeekOrder(schedule.days.filter((day) => !work.days.includes(day)));
  const fit = sessionFit(
    { start: schedule.sessionStart, end: schedule.sessionEnd, travelMinutes: schedule.travelMinutes },
    work,
  );
  const withTravel = schedule.travelMinutes > 0 ? ', with travel,' : '';
  const stillAsk = 'You can still ask for travel time or protected time.';
  if (shared.length > 0 && fit === 'before_work') {
    notes.push(
      `On ${pluralDayList(shared)} your sessions${withTravel} end before your workday starts, ` +
        `so you may not need a change on those days. ${stillAsk}`,
    );
  } else if (shared.length > 0 && fit === 'after_work') {
    notes.push(
      `On ${pluralDayList(shared)} your sessions${withTravel} start after your workday ends, ` +
        `so you may not need a change on those days. ${stillAsk}`,
    );
  }
  if (offDays.length > 0) {
    notes.push(
      `You don't usually work on ${pluralDayList(offDays)}, so sessions on those days shouldn't clash with work.`,
    );
  }
  return notes;
}

// ---- Review ----

export interface ReviewReadiness {
  readonly ready: boolean;
  /** Steps still to finish, in order, so submit can send the employee back to the first. */
  readonly missing: Exclude<IntakeStep, 'review'>[];
}

export function reviewReadiness(draft: Draft): ReviewReadiness {
  const missing: Exclude<IntakeStep, 'review'>[] = [];
  if (!completeSchedule(draft)) missing.push('schedule');
  if (!WorkPattern.safeParse(draft.work).success) missing.push('work');
  if (!completeHelp(draft)) missing.push('help');
  if (!completeDisclosure(draft)) missing.push('disclosure');
  return { ready: missing.length === 0, missing };
}

/** The parts of a request the employee wrote, as the request schema checks them. */
export type RequestFields = Pick<
  AccommodationRequest,
  'schedule' | 'work' | 'accommodations' | 'disclosure' | 'sensitive'
>;

const RequestFieldsSchema = AccommodationRequest.pick({
  schedule: true,
  work: true,
  accommodations: true,
  disclosure: true,
  sensitive: true,
});

/**
 * The complete request fields from a finished draft, or the steps still missing. Words the
 * employee typed for a choice they later dropped (own words with the default wording picked,
 * "other" text with "other" unticked) stay in the draft but do not go into the request.
 */
export function requestFromDraft(
  draft: Draft,
): { ok: true; fields: RequestFields } | { ok: false; missing: Exclude<IntakeStep, 'review'>[] } {
  const readiness = reviewReadiness(draft);
  if (!readiness.ready) return { ok: false, missing: readiness.missing };
  const { reasonOwnWords, otherAccommodation, ...rest } = draft.sensitive;
  const sensitive: SensitiveFields = {
    ...rest,
    ...(draft.disclosure?.reason === 'own_words' ? { reasonOwnWords } : {}),
    ...(draft.accommodations?.includes('other') ? { otherAccommodation } : {}),
  };
  const parsed = RequestFieldsSchema.safeParse({
    schedule: draft.schedule,
    work: draft.work,
    accommodations: draft.accommodations,
    disclosure: draft.disclosure,
    sensitive: withoutUndefined(sensitive),
  });
  // Readiness checked every part against the same schemas, so this only fails on a new rule.
  if (!parsed.success) return { ok: false, missing: ['schedule', 'work', 'help', 'disclosure'] };
  return { ok: true, fields: parsed.data };
}

function completeSchedule(draft: Draft): boolean {
  const parsed = TreatmentSchedule.safeParse(draft.schedule);
  if (!parsed.success) return false;
  const schedule = parsed.data;
  return (
    minutesOfDay(schedule.sessionEnd) > minutesOfDay(schedule.sessionStart) &&
    schedule.endDate >= schedule.startDate
  );
}

function completeHelp(draft: Draft): boolean {
  const chosen = draft.accommodations ?? [];
  if (chosen.length === 0) return false;
  return !chosen.includes('other') || hasWords(draft.sensitive.otherAccommodation);
}

function completeDisclosure(draft: Draft): boolean {
  const parsed = Disclosure.safeParse(draft.disclosure);
  if (!parsed.success) return false;
  return parsed.data.reason !== 'own_words' || hasWords(draft.sensitive.reasonOwnWords);
}

// ---- Small helpers ----

const notADate = "That doesn't look like a date: please pick one from the calendar.";

function limitsOf(context: IntakeContext): IntakeLimits {
  return { ...intakeLimits, ...context.limits };
}

function present(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

function text(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function clock(value: string | undefined): string | undefined {
  return present(value) && isClockTime(value) ? value : undefined;
}

function calendarDate(value: string | undefined): string | undefined {
  return present(value) && isCalendarDate(value) ? value : undefined;
}

function wholeNumber(value: string): number | undefined {
  return /^\s*\d+\s*$/.test(value) ? Number(value) : undefined;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  return allowed.find((item) => item === value);
}

function onlyKnown<T extends string>(values: readonly string[], allowed: readonly T[]): T[] {
  return allowed.filter((item) => values.includes(item));
}

function inListOrder<T extends string>(values: readonly T[], order: readonly T[]): T[] {
  return order.filter((item) => values.includes(item));
}

/** Zones already found valid: building an `Intl.DateTimeFormat` to check one is slow, and few are in use. */
const knownZones = new Set<string>();

function isTimeZone(zone: string): boolean {
  if (knownZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    return false;
  }
  if (knownZones.size >= 1000) knownZones.clear();
  knownZones.add(zone);
  return true;
}

function hasErrors(errors: Record<string, string>): boolean {
  return Object.keys(errors).length > 0;
}

/** Too long: says by how much and what the limit is, so the fix is clear. */
function checkLength(
  errors: Record<string, string>,
  field: string,
  value: string | undefined,
  limit: number,
): void {
  if (!value) return;
  const over = characterCount(value) - limit;
  if (over <= 0) return;
  errors[field] =
    `That's ${thousands(over)} ${over === 1 ? 'character' : 'characters'} over the limit of ` +
    `${thousands(limit)}: please shorten it a little.`;
}

function thousands(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Drops absent values, so a saved draft holds only what was actually given. */
function withoutUndefined<T extends Record<string, unknown>>(
  value: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
