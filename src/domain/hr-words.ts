import { z } from 'zod';
import { DenialAlternative } from './commands.js';
import type { SensitiveFields } from './request.js';

/**
 * HR's own words, kept under `sensitive` so the store seals them like the employee's. A list is one
 * sealed JSON value: the store seals string fields one by one, and a denial's alternatives belong
 * together. These helpers are the only readers and writers of those values.
 */

export const HrNote = z.object({ at: z.string(), by: z.string(), text: z.string() });
export type HrNote = z.infer<typeof HrNote>;

const HrNotes = z.array(HrNote);
const DenialAlternatives = z.array(DenialAlternative);

function parseList<T>(schema: z.ZodType<T[]>, raw: string | undefined): T[] {
  if (raw === undefined) return [];
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    // A value this module did not write is not shown rather than half shown.
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

export function hrNotesOf(sensitive: SensitiveFields): HrNote[] {
  return parseList(HrNotes, sensitive.hrNotes);
}

export function withHrNote(sensitive: SensitiveFields, note: HrNote): SensitiveFields {
  return { ...sensitive, hrNotes: JSON.stringify([...hrNotesOf(sensitive), note]) };
}

export function denialAlternativesOf(sensitive: SensitiveFields): DenialAlternative[] {
  return parseList(DenialAlternatives, sensitive.denialAlternatives);
}

export function encodeDenialAlternatives(alternatives: readonly DenialAlternative[]): string {
  return JSON.stringify(alternatives);
}
