import { DateTime } from 'luxon';
import { reasonWording, reasonWordings } from '../domain/disclosure.js';
import {
  type AccommodationType,
  type ReasonChoice,
  type Weekday,
  type WorkPattern,
  weekdayNames,
  weekdays,
} from '../domain/request.js';

type WorkConstraint = WorkPattern['constraints'][number];

/** Each accommodation type in work terms, first person, as the end of "I'm asking ...". */
export const ACCOMMODATION_ASKS: Record<AccommodationType, string> = {
  leave_early_start_late: 'to start later or leave earlier on those days',
  shifted_hours: 'to shift my working hours on those days',
  compressed_week: 'to work my usual hours over fewer, longer days',
  remote_on_treatment_days: 'to work remotely on those days',
  reduced_hours: 'to work reduced hours for this period',
  intermittent_leave: 'to take time off in separate blocks when I need to',
  swap_shifts_oncall: 'to swap shifts or on-call duty that fall at those times',
  protected_calendar: 'to keep those times free of meetings in my calendar',
  other: 'for a change to my working pattern',
};

/** How the work stays covered for each type, in the employee's voice. */
export const COVERAGE_COMMITMENTS: Record<AccommodationType, string> = {
  leave_early_start_late:
    "I'll make up the time earlier or later in the week, whichever suits the team best.",
  shifted_hours:
    "I'll keep my core hours overlapping with the team's and make sure handovers happen in time.",
  compressed_week: "I'll fit my usual hours into my other working days, so my total hours stay the same.",
  remote_on_treatment_days: "On those days I'll be reachable on the usual channels during my working hours.",
  reduced_hours: "I'll agree priorities with my manager so the most important work is covered first.",
  intermittent_leave:
    "I'll hand over anything time-sensitive before I'm away and give as much notice as I can.",
  swap_shifts_oncall:
    "I'll arrange swaps ahead of time and confirm them with my manager, so no shift goes uncovered.",
  protected_calendar: "I'll book meetings outside those times and keep my calendar up to date for the team.",
  other: "I'll plan ahead so my work is covered.",
};

const WEEK_ORDER: readonly Weekday[] = weekdays;

function inWeekOrder(days: Weekday[]): Weekday[] {
  return [...new Set(days)].sort((a, b) => WEEK_ORDER.indexOf(a) - WEEK_ORDER.indexOf(b));
}

/** "A", "A and B", "A, B and C". */
export function listInWords(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Recurring days: "Mondays, Wednesdays and Thursdays". */
export function weekdaysInWords(days: Weekday[]): string {
  return listInWords(inWeekOrder(days).map((day) => `${weekdayNames[day]}s`));
}

/** A working week: runs of three or more days read as a range, "Monday to Friday". */
export function workDaysInWords(days: Weekday[]): string {
  const runs: Weekday[][] = [];
  for (const day of inWeekOrder(days)) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (run && last && WEEK_ORDER.indexOf(day) === WEEK_ORDER.indexOf(last) + 1) run.push(day);
    else runs.push([day]);
  }
  const parts = runs.flatMap((run) => {
    const first = run[0];
    const last = run.at(-1);
    if (!first || !last) return [];
    return run.length >= 3
      ? [`${weekdayNames[first]} to ${weekdayNames[last]}`]
      : run.map((day) => weekdayNames[day]);
  });
  return listInWords(parts);
}

const WORK_CONSTRAINTS: Record<WorkConstraint, string> = {
  recurring_meetings: 'recurring meetings',
  on_call: 'on-call duty',
  customer_hours: 'customer-facing hours',
  shift_work: 'shift work',
};

export function workConstraintsInWords(constraints: WorkConstraint[]): string {
  return listInWords(constraints.map((constraint) => WORK_CONSTRAINTS[constraint]));
}

/** "3 March 2025": day-first with the month in words reads the same in the US, UK and Canada. */
export function dateInWords(isoDate: string): string {
  const date = DateTime.fromISO(isoDate, { locale: 'en' });
  return date.isValid ? date.toFormat('d MMMM yyyy') : isoDate;
}

/** Ends a sentence with a full stop unless it already has closing punctuation. */
export function asSentence(text: string): string {
  const trimmed = text.trim().replace(/\.{2}$/, '.');
  if (!trimmed) return '';
  const capitalised = trimmed[0]?.toUpperCase() + trimmed.slice(1);
  return /[.!?…)"”’]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

/**
 * The opening the Edit wording box starts from when the employee has not written one: the app's
 * phrase inside a sentence, or the employee's own sentences after it, each ended exactly once.
 */
export function statementOpening(
  choice: ReasonChoice | undefined,
  words: { readonly reasonOwnWords?: string | undefined },
): string {
  const wording = reasonWording(choice, words);
  const ask = 'I am asking for a temporary change to my working hours';
  if ((Object.values(reasonWordings) as string[]).includes(wording))
    return `${ask} so that I can attend ${wording}.`;
  return `${ask}. ${asSentence(wording)}`;
}

/**
 * Text as points of at most `limit` characters each: a line break starts a new point, a long
 * point is cut between sentences, and a sentence longer than a point between words.
 */
export function fitLines(texts: readonly string[], limit: number): string[] {
  const out: string[] = [];
  for (const text of texts) {
    for (const line of text
      .split(/\n+/)
      .map((part) => part.trim())
      .filter(Boolean)) {
      let current = '';
      for (const piece of splitToFit(line, limit)) {
        if (current && `${current} ${piece}`.length <= limit) current = `${current} ${piece}`;
        else {
          if (current) out.push(current);
          current = piece;
        }
      }
      if (current) out.push(current);
    }
  }
  return out;
}

function splitToFit(line: string, limit: number): string[] {
  const sentences = line
    .match(/[^.!?]+(?:[.!?]+["”’)]*|$)\s*/g)
    ?.map((s) => s.trim())
    .filter(Boolean) ?? [line];
  return sentences.flatMap((sentence) => {
    if (sentence.length <= limit) return [sentence];
    const words: string[] = [];
    let current = '';
    for (const word of sentence.split(/\s+/)) {
      const chunk = word.length > limit ? word.slice(0, limit) : word;
      if (current && `${current} ${chunk}`.length > limit) {
        words.push(current);
        current = chunk;
      } else current = current ? `${current} ${chunk}` : chunk;
    }
    if (current) words.push(current);
    return words;
  });
}
