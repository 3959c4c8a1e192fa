import type { AuthorDraft } from '../../../domain/draft.js';
import type {
  AccommodationType,
  Jurisdiction,
  ReasonChoice,
  treatmentFormats,
  Weekday,
  WorkPattern,
} from '../../../domain/request.js';

/**
 * The words on every choice in the intake, keyed by the domain's values. Option texts stay within
 * Slack's 75 characters; the tests hold them to it.
 */

export interface Choice<V extends string = string> {
  readonly value: V;
  readonly text: string;
  readonly description?: string;
}

export const dayChoices: readonly Choice<Weekday>[] = [
  { value: 'mon', text: 'Monday' },
  { value: 'tue', text: 'Tuesday' },
  { value: 'wed', text: 'Wednesday' },
  { value: 'thu', text: 'Thursday' },
  { value: 'fri', text: 'Friday' },
  { value: 'sat', text: 'Saturday' },
  { value: 'sun', text: 'Sunday' },
];

export const travelMinuteChoices: readonly number[] = [0, 15, 30, 45, 60, 90];

export function travelChoice(minutes: number): Choice {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const text =
    minutes === 0
      ? 'None'
      : [hours ? `${hours} ${hours === 1 ? 'hour' : 'hours'}` : '', rest ? `${rest} minutes` : '']
          .filter(Boolean)
          .join(' ');
  return { value: String(minutes), text };
}

export const formatChoices: readonly Choice<(typeof treatmentFormats)[number]>[] = [
  { value: 'in_person', text: 'In person' },
  { value: 'virtual', text: 'Online' },
  { value: 'hybrid', text: 'A mix of both' },
];

export const constraintChoices: readonly Choice<WorkPattern['constraints'][number]>[] = [
  { value: 'recurring_meetings', text: 'Recurring meetings I need to be in' },
  { value: 'on_call', text: 'On-call duty' },
  { value: 'customer_hours', text: 'Customer or client hours' },
  { value: 'shift_work', text: 'Shift work' },
];

/** Employee's words for each arrangement (the letter has its own wording for HR). */
export const accommodationChoices: readonly Choice<AccommodationType>[] = [
  {
    value: 'leave_early_start_late',
    text: 'Leave early or start late on session days, and make up the hours',
  },
  { value: 'shifted_hours', text: 'Shift my working hours earlier or later' },
  { value: 'compressed_week', text: 'A compressed week: my usual hours over fewer days' },
  { value: 'remote_on_treatment_days', text: 'Work from home on session days' },
  { value: 'reduced_hours', text: 'Work fewer hours for a while' },
  { value: 'intermittent_leave', text: 'Time off in blocks when I need it (intermittent leave)' },
  { value: 'swap_shifts_oncall', text: 'Swap shifts or on-call duty' },
  { value: 'protected_calendar', text: 'Calendar blocks kept free of meetings' },
  { value: 'other', text: 'Something else' },
];

/** Short labels for cards and lists, where a full sentence would crowd the view. */
export const accommodationShortLabels: Readonly<Record<AccommodationType, string>> = {
  leave_early_start_late: 'Leave early or start late, with make-up hours',
  shifted_hours: 'Shifted hours',
  compressed_week: 'Compressed week',
  remote_on_treatment_days: 'Remote work on those days',
  reduced_hours: 'Temporarily reduced hours',
  intermittent_leave: 'Intermittent leave',
  swap_shifts_oncall: 'Swapped shifts or on-call',
  protected_calendar: 'Protected calendar blocks',
  other: 'Something else (see the request)',
};

export const reasonWordingChoices: readonly Choice<ReasonChoice>[] = [
  {
    value: 'functional',
    text: "Don't name anything",
    description: 'HR reads: “a scheduled outpatient medical treatment program”',
  },
  {
    value: 'program',
    text: "Say it's an intensive outpatient program",
    description: 'HR reads: “an intensive outpatient program”',
  },
  { value: 'own_words', text: 'In my own words', description: 'Write it in the box below' },
];

export const jurisdictionChoices: readonly Choice<Jurisdiction>[] = [
  { value: 'us', text: 'United States' },
  { value: 'uk', text: 'United Kingdom' },
  { value: 'ca', text: 'Canada' },
];

/** Values of the yes/no radios, read back by src/slack/state.ts. */
export const yesNo = { yes: 'yes', no: 'no' } as const;

/**
 * Common IANA zones for the places the app serves (US, UK, Canada) and a few beyond. A zone from
 * the Slack profile that is not listed is added at the top, so the pre-filled answer is always
 * one of the options (Slack refuses an initial option that is not offered).
 */
export const commonTimeZones: readonly Choice[] = [
  { value: 'America/New_York', text: 'Eastern time (New York)' },
  { value: 'America/Toronto', text: 'Eastern time (Toronto)' },
  { value: 'America/Chicago', text: 'Central time (Chicago)' },
  { value: 'America/Winnipeg', text: 'Central time (Winnipeg)' },
  { value: 'America/Regina', text: 'Central time, no daylight saving (Regina)' },
  { value: 'America/Denver', text: 'Mountain time (Denver)' },
  { value: 'America/Edmonton', text: 'Mountain time (Edmonton)' },
  { value: 'America/Phoenix', text: 'Mountain time, no daylight saving (Phoenix)' },
  { value: 'America/Los_Angeles', text: 'Pacific time (Los Angeles)' },
  { value: 'America/Vancouver', text: 'Pacific time (Vancouver)' },
  { value: 'America/Anchorage', text: 'Alaska time (Anchorage)' },
  { value: 'Pacific/Honolulu', text: 'Hawaii time (Honolulu)' },
  { value: 'America/Halifax', text: 'Atlantic time (Halifax)' },
  { value: 'America/St_Johns', text: 'Newfoundland time (St. John’s)' },
  { value: 'Europe/London', text: 'UK time (London)' },
  { value: 'Europe/Dublin', text: 'Irish time (Dublin)' },
  { value: 'Europe/Paris', text: 'Central European time (Paris, Berlin)' },
  { value: 'Asia/Kolkata', text: 'India time (Kolkata)' },
  { value: 'Australia/Sydney', text: 'Eastern Australia time (Sydney)' },
  { value: 'UTC', text: 'UTC' },
];

/** The zone list with `zone` (the draft's or the profile's) guaranteed to be in it. */
export function timeZoneChoices(zone: string | undefined): readonly Choice[] {
  if (!zone || commonTimeZones.some((choice) => choice.value === zone)) return commonTimeZones;
  return [{ value: zone, text: zone.replace(/_/g, ' ').slice(0, 75) }, ...commonTimeZones];
}

/** The travel choices with the draft's value guaranteed to be in them. */
export function travelChoices(draft: AuthorDraft | undefined): readonly Choice[] {
  const saved = draft?.schedule?.travelMinutes;
  const minutes =
    saved !== undefined && !travelMinuteChoices.includes(saved)
      ? [...travelMinuteChoices, saved].sort((a, b) => a - b)
      : travelMinuteChoices;
  return minutes.map(travelChoice);
}
