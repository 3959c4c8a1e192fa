import { FormState } from '../../state.js';
import { fixedDenialAlternatives } from './decision-forms.js';
import { documentationConfirmations } from './forms.js';
import { DENIAL_ALTERNATIVE_SLOTS, hrBlocks } from './ids.js';
import { chosenUser } from './inputs.js';
import { type FormReading, patternErrorBlock, readPattern } from './pattern-form.js';

/**
 * HR's submitted forms as command payloads. Shape only: the rules are `decide`'s (zod payloads),
 * whose field errors come back through `errorBlocks` to the field they concern. What the form alone
 * can tell (a half-filled alternative, an end before a start) is found here first.
 */

export function readReassign(values: unknown): FormReading<unknown> {
  const assigneeId = chosenUser(values, hrBlocks.assignee);
  return { value: { assigneeId: assigneeId ?? '' }, errors: {} };
}

export function readRequestDocumentation(values: unknown): FormReading<unknown> {
  const form = new FormState(values);
  const confirmed = form.choices(hrBlocks.confirmations);
  return {
    value: {
      needNotObvious: confirmed.includes(documentationConfirmations.notObvious),
      notAlreadyDocumented: confirmed.includes(documentationConfirmations.notDocumented),
      items: form.choices(hrBlocks.items),
    },
    errors: {},
  };
}

export function readOfferAlternative(values: unknown, timeZone: string): FormReading<unknown> {
  const pattern = readPattern(values, timeZone);
  const explanation = new FormState(values).text(hrBlocks.explanation) ?? '';
  return { value: { pattern: pattern.value, explanation }, errors: pattern.errors };
}

export function readApprove(values: unknown, timeZone: string): FormReading<unknown> {
  const pattern = readPattern(values, timeZone);
  const form = new FormState(values);
  const reviewDate = form.date(hrBlocks.reviewDate);
  const managerId = chosenUser(values, hrBlocks.manager);
  const errors = { ...pattern.errors };
  if (!reviewDate) errors[hrBlocks.reviewDate] = 'Please choose a review date.';
  return {
    value: { pattern: pattern.value, reviewDate, ...(managerId ? { managerId } : {}) },
    errors,
  };
}

export function readDeny(values: unknown): FormReading<unknown> {
  const form = new FormState(values);
  const errors: Record<string, string> = {};
  const alternativesConsidered: { kind: string; alternative: string; whyNot: string }[] = [];
  const fixed = [
    ['leave', hrBlocks.whyNotLeave],
    ['reassignment', hrBlocks.whyNotReassignment],
  ] as const;
  for (const [kind, block] of fixed) {
    const whyNot = form.text(block)?.trim() ?? '';
    if (whyNot) alternativesConsidered.push({ kind, alternative: fixedDenialAlternatives[kind], whyNot });
  }
  for (let n = 1; n <= DENIAL_ALTERNATIVE_SLOTS; n++) {
    const alternative = form.text(hrBlocks.alternative(n))?.trim() ?? '';
    const whyNot = form.text(hrBlocks.whyNot(n))?.trim() ?? '';
    if (!alternative && !whyNot) continue;
    if (!alternative) errors[hrBlocks.alternative(n)] = 'Please name the alternative this explains.';
    else if (!whyNot) errors[hrBlocks.whyNot(n)] = 'Please say why this alternative would not work.';
    else alternativesConsidered.push({ kind: 'other', alternative, whyNot });
  }
  const reason = form.choice(hrBlocks.reason);
  if (!reason) errors[hrBlocks.reason] = 'Please choose the reason for the denial.';
  const reconsiderBy = form.date(hrBlocks.reconsiderBy);
  if (!reconsiderBy) errors[hrBlocks.reconsiderBy] = 'Please choose the last day to ask for reconsideration.';
  const consultedOn = form.date(hrBlocks.consultedOn);
  const ground = form.choice(hrBlocks.flexibleWorkingGround);
  return {
    value: {
      reason,
      explanation: form.text(hrBlocks.explanation) ?? '',
      alternativesConsidered,
      reconsideration: form.text(hrBlocks.reconsideration) ?? '',
      ...(reconsiderBy ? { reconsiderBy } : {}),
      ...(consultedOn ? { consultedOn } : {}),
      ...(ground ? { flexibleWorkingGround: ground } : {}),
    },
    errors,
  };
}

export function readExtend(values: unknown): FormReading<unknown> {
  const form = new FormState(values);
  return {
    value: { endDate: form.date(hrBlocks.endDate), reviewDate: form.date(hrBlocks.reviewDate) },
    errors: {},
  };
}

/** The Adjust form as `extend`'s payload: new hours (and days from home) with the new dates. */
export function readAdjust(values: unknown): FormReading<unknown> {
  const form = new FormState(values);
  const days = form.choices(hrBlocks.days);
  const start = form.time(hrBlocks.start);
  const end = form.time(hrBlocks.end);
  const errors: Record<string, string> = {};
  if (days.length === 0) errors[hrBlocks.days] = 'Please choose at least one day.';
  if (!start) errors[hrBlocks.start] = 'Please choose when work starts.';
  if (!end) errors[hrBlocks.end] = 'Please choose when work ends.';
  else if (start && end <= start) errors[hrBlocks.end] = 'Please choose an end time after the start time.';
  return {
    value: {
      endDate: form.date(hrBlocks.endDate),
      reviewDate: form.date(hrBlocks.reviewDate),
      hours: [{ days, start, end }],
      remoteDays: form.choices(hrBlocks.remoteDays),
    },
    errors,
  };
}

export function readNote(values: unknown): FormReading<unknown> {
  return { value: { text: new FormState(values).text(hrBlocks.note) ?? '' }, errors: {} };
}

/** Where each of `decide`'s field errors (keyed by payload path) is shown in HR's forms. */
export function errorBlock(path: string): string {
  const pattern = patternErrorBlock(path);
  if (pattern) return pattern;
  const top = path.split('.')[0] ?? path;
  const blocks: Record<string, string> = {
    assigneeId: hrBlocks.assignee,
    needNotObvious: hrBlocks.confirmations,
    notAlreadyDocumented: hrBlocks.confirmations,
    items: hrBlocks.items,
    explanation: hrBlocks.explanation,
    reason: hrBlocks.reason,
    alternativesConsidered: hrBlocks.alternative(1),
    reconsideration: hrBlocks.reconsideration,
    reconsiderBy: hrBlocks.reconsiderBy,
    consultedOn: hrBlocks.consultedOn,
    flexibleWorkingGround: hrBlocks.flexibleWorkingGround,
    reviewDate: hrBlocks.reviewDate,
    endDate: hrBlocks.endDate,
    managerId: hrBlocks.manager,
    text: hrBlocks.note,
  };
  return blocks[top] ?? hrBlocks.explanation;
}

/** `decide`'s field errors as Slack's response_action "errors", one message per block. */
export function errorsByBlock(fieldErrors: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fieldErrors)) {
    const block = errorBlock(path);
    out[block] ??= message;
  }
  return out;
}
