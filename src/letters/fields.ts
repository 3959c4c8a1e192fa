import { IANAZone } from 'luxon';
import { z } from 'zod';
import {
  AccommodationType,
  ClockTime,
  IsoDate,
  Jurisdiction,
  Weekday,
  workConstraints,
} from '../domain/request.js';
import { characterCount, textLimits } from '../domain/text-limits.js';
import { CanadianLaw } from './law.js';

/**
 * The building blocks every letter's data is made of. Messages name what is expected, because
 * they reach whoever wrote the data file, one line per bad field.
 */

export { AccommodationType, CanadianLaw, Jurisdiction, Weekday };

export const WorkConstraint = z.enum(workConstraints, { error: `one of ${workConstraints.join(', ')}` });

/** Letters are written in English; the locale only chooses date, time and list style. */
export const letterLocales = ['en-US', 'en-GB', 'en-CA'] as const;
export const LetterLocale = z.enum(letterLocales, { error: `one of ${letterLocales.join(', ')}` });
export type LetterLocale = z.infer<typeof LetterLocale>;

/** A message for a value of the wrong type only; range checks keep their own words. */
export const typeError = (expected: string) => ({
  error: (issue: { code: string }) => (issue.code === 'invalid_type' ? expected : undefined),
});

/**
 * One line of text. Line breaks are folded into spaces so that text supplied as data can never
 * start a heading or a list item of its own in the rendered letter.
 */
export const Line = z
  .string(typeError('text'))
  .transform((value) => collapseDoubleStops(value.replace(/\s+/g, ' ').trim()))
  .pipe(
    z
      .string()
      .min(1, 'text (not empty)')
      .refine((line) => characterCount(line) <= textLimits.line, `at most ${textLimits.line} characters`),
  );

/** A paragraph of prose, same folding as `Line`, longer limit. */
export const Prose = z
  .string(typeError('text'))
  .transform((value) => collapseDoubleStops(value.replace(/\s+/g, ' ').trim()))
  .pipe(
    z
      .string()
      .min(1, 'text (not empty)')
      .refine(
        (prose) => characterCount(prose) <= textLimits.paragraph,
        `at most ${textLimits.paragraph.toLocaleString('en-US')} characters`,
      ),
  );

/** Several lines kept as lines, e.g. a signature block; given as one string with line breaks or a list. */
export const Lines = z
  .union([z.string(), z.array(z.string())], typeError('text, or a list of lines'))
  .transform((value) =>
    (Array.isArray(value) ? value : value.split(/\r?\n/))
      .map((line) => line.replace(/\s+/g, ' ').trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().max(200, 'at most 200 characters a line')).min(1, 'at least one line').max(8));

export const CalendarDate = z
  .string(typeError('a date as YYYY-MM-DD'))
  .pipe(IsoDate)
  .refine((value) => isRealDate(value), 'a real calendar date as YYYY-MM-DD');
export const Time = z.string(typeError('a time as HH:mm (24-hour)')).pipe(ClockTime);

export const TimeZone = z
  .string({ error: 'an IANA time zone like America/New_York' })
  .refine((zone) => IANAZone.isValidZone(zone), 'an IANA time zone like America/New_York');

export const Url = z.url({ error: 'a web address starting with https://' });

export const Reference = z
  .string({ error: 'a reference like ACC-2026-0042' })
  .regex(/^[A-Z]{2,6}-\d{4}-\d{3,8}$/, 'a reference like ACC-2026-0042');

/**
 * Optional fields come out as `null` rather than missing: templates run in strict mode, and an
 * explicit null keeps `{{#if}}` honest while a typo in a template still fails loudly.
 */
export function optional<T extends z.ZodType>(schema: T) {
  return schema.nullable().default(null);
}

export const Organisation = z.strictObject({
  companyName: Line,
  /** Letterhead address, one line each. */
  address: optional(Lines),
  signatureBlock: optional(Lines),
  policyUrl: optional(Url),
});

export const Person = z.strictObject({
  name: Line,
  jobTitle: optional(Line),
});

/** HR's side: a named person, or just the team when nobody is named yet. */
export const HrContact = z.strictObject({
  name: optional(Line),
  jobTitle: optional(Line),
  email: optional(z.email({ error: 'an email address' })),
});

export const Schedule = z
  .object({
    days: z
      .array(Weekday, typeError(`a list of days from ${Weekday.options.join(', ')}`))
      .min(1, 'at least one day')
      .refine((days) => new Set(days).size === days.length, 'each day once'),
    sessionStart: Time,
    sessionEnd: Time,
    /** Minutes each way between work and the session; widens the time away from work. */
    travelMinutes: z
      .number(typeError('a whole number of minutes'))
      .int('a whole number of minutes')
      .min(0, 'zero or more minutes')
      .max(240, 'at most 240 minutes')
      .default(0),
    startDate: CalendarDate,
    endDate: optional(CalendarDate),
    reviewDate: optional(CalendarDate),
    timeZone: TimeZone,
  })
  .superRefine((schedule, ctx) => {
    if (schedule.sessionEnd <= schedule.sessionStart) {
      ctx.addIssue({ code: 'custom', path: ['sessionEnd'], message: 'a time after sessionStart' });
    }
    if (!schedule.endDate && !schedule.reviewDate) {
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'an end date or a reviewDate (or both)' });
    }
    for (const key of ['endDate', 'reviewDate'] as const) {
      const value = schedule[key];
      if (value && value < schedule.startDate) {
        ctx.addIssue({ code: 'custom', path: [key], message: 'a date on or after startDate' });
      }
    }
  });
export type Schedule = z.output<typeof Schedule>;

/** Fields every letter has. */
export const letterBase = {
  org: Organisation,
  reference: Reference,
  /** The date the letter is dated. */
  date: CalendarDate,
  /** Defaults to the jurisdiction's usual English (en-US, en-GB, en-CA). */
  locale: optional(LetterLocale),
  employee: Person,
  hr: HrContact.default({ name: null, jobTitle: null, email: null }),
  /** Canada only: whose human rights law applies, so letters name it. */
  humanRightsLaw: optional(CanadianLaw),
};

/**
 * "4:45 p.m.." (an abbreviation's stop followed by a sentence's) reads as a typo in a letter; an
 * ellipsis of three stops is left alone.
 */
export function collapseDoubleStops(text: string): string {
  return text.replace(/(?<!\.)\.\.(?!\.)/g, '.');
}

/** Only judges well-formed dates; a malformed one already has its own problem reported. */
function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return true;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
