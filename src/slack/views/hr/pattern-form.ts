import type { Weekday, WorkingPattern } from '../../../domain/request.js';
import { FormState } from '../../state.js';
import type { KnownBlock } from '../blocks.js';
import { checkboxesInput, dateInput, timeInput } from '../intake/inputs.js';
import { dayChoices } from '../intake/options.js';
import { hrBlocks } from './ids.js';

/**
 * The working pattern as structured fields, shared by "Offer an alternative" and "Approve": which
 * days, the hours on those days, the dates, and days from home. Other days keep their usual hours.
 * No free text, so nothing here can carry a reason.
 */
export interface PatternDefaults {
  readonly days: readonly Weekday[];
  readonly start: string;
  readonly end: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly remoteDays?: readonly Weekday[];
}

export function patternInputs(defaults: PatternDefaults): KnownBlock[] {
  return [
    checkboxesInput({
      id: hrBlocks.days,
      label: 'Days with changed hours',
      hint: 'Other days keep the employee’s usual hours.',
      choices: dayChoices,
      selected: defaults.days,
    }),
    timeInput({ id: hrBlocks.start, label: 'Work starts at', initial: defaults.start }),
    timeInput({ id: hrBlocks.end, label: 'Work ends at', initial: defaults.end }),
    dateInput({ id: hrBlocks.startDate, label: 'From', initial: defaults.startDate }),
    dateInput({ id: hrBlocks.endDate, label: 'Until', initial: defaults.endDate }),
    checkboxesInput({
      id: hrBlocks.remoteDays,
      label: 'Days from home',
      choices: dayChoices,
      selected: defaults.remoteDays ?? [],
      optional: true,
    }),
  ];
}

/** The defaults for a request: the session days, the usual hours, the program's dates. */
export function defaultsFrom(
  source: {
    readonly schedule: {
      readonly days: readonly Weekday[];
      readonly startDate: string;
      readonly endDate: string;
    };
    readonly work: { readonly start: string; readonly end: string };
  },
  pattern?:
    | WorkingPattern
    | {
        readonly hours: readonly { days: readonly Weekday[]; start: string; end: string }[];
        readonly startDate: string;
        readonly endDate: string;
        readonly remoteDays?: readonly Weekday[];
      },
): PatternDefaults {
  const first = pattern?.hours[0];
  if (pattern && first)
    return {
      days: first.days,
      start: first.start,
      end: first.end,
      startDate: pattern.startDate,
      endDate: pattern.endDate,
      ...(pattern.remoteDays ? { remoteDays: pattern.remoteDays } : {}),
    };
  return {
    days: source.schedule.days,
    start: source.work.start,
    end: source.work.end,
    startDate: source.schedule.startDate,
    endDate: source.schedule.endDate,
  };
}

export interface FormReading<T> {
  readonly value: T;
  /** Problems the form itself finds, by block id, before `decide` looks. */
  readonly errors: Record<string, string>;
}

/** Reads the pattern; `decide` checks it again (zod) and its errors map back by `patternErrorBlock`. */
export function readPattern(values: unknown, timeZone: string): FormReading<unknown> {
  const form = new FormState(values);
  const days = form.choices(hrBlocks.days);
  const start = form.time(hrBlocks.start);
  const end = form.time(hrBlocks.end);
  const remoteDays = form.choices(hrBlocks.remoteDays);
  const errors: Record<string, string> = {};
  if (days.length === 0) errors[hrBlocks.days] = 'Please choose at least one day.';
  if (!start) errors[hrBlocks.start] = 'Please choose when work starts.';
  if (!end) errors[hrBlocks.end] = 'Please choose when work ends.';
  else if (start && end <= start) errors[hrBlocks.end] = 'Please choose an end time after the start time.';
  if (!form.date(hrBlocks.startDate)) errors[hrBlocks.startDate] = 'Please choose the first day.';
  if (!form.date(hrBlocks.endDate)) errors[hrBlocks.endDate] = 'Please choose the last day.';
  return {
    value: {
      hours: [{ days, start, end }],
      ...(remoteDays.length > 0 ? { remoteDays } : {}),
      startDate: form.date(hrBlocks.startDate),
      endDate: form.date(hrBlocks.endDate),
      timeZone,
    },
    errors,
  };
}

/** Where an error `decide` found in `pattern.*` is shown. */
export function patternErrorBlock(path: string): string | undefined {
  if (!path.startsWith('pattern')) return undefined;
  if (/\.start$/.test(path)) return hrBlocks.start;
  if (/\.end$/.test(path)) return hrBlocks.end;
  if (path.endsWith('startDate')) return hrBlocks.startDate;
  if (path.endsWith('endDate')) return hrBlocks.endDate;
  if (path.includes('remoteDays')) return hrBlocks.remoteDays;
  return hrBlocks.days;
}
