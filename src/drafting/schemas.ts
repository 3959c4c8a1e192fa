import { z } from 'zod';

/** What the employee chose in the intake; drafting only reads it, the domain owns the flow. */
export const ACCOMMODATION_TYPES = [
  'leave_early_start_late',
  'shifted_hours',
  'compressed_week',
  'remote_on_treatment_days',
  'reduced_hours',
  'intermittent_leave',
  'swap_shifts_oncall',
  'protected_calendar',
  'other',
] as const;
export type AccommodationType = (typeof ACCOMMODATION_TYPES)[number];

export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const clock = z.string().regex(/^\d{2}:\d{2}$/, 'a time like 17:30');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2025-03-01');

export const statementInputSchema = z.object({
  schedule: z.object({
    days: z.array(z.enum(WEEKDAYS)).min(1),
    sessionStart: clock,
    sessionEnd: clock,
    startDate: isoDate,
    /** End or review date; absent while the employee does not know yet. */
    endDate: isoDate.optional(),
    timeZone: z.string().min(1),
  }),
  accommodationTypes: z.array(z.enum(ACCOMMODATION_TYPES)).min(1),
  /** Free words for the `other` type, in work terms. */
  otherAccommodation: z.string().optional(),
  usualHours: z.string().min(1),
  constraints: z.string().optional(),
  coverageNotes: z.string().optional(),
  /** The reason wording the employee chose (C2), e.g. the default that names no condition. */
  reasonWording: z.string().min(1),
  /** The employee's own words, if any; may carry C3 and is always redacted before a prompt. */
  ownWords: z.string().optional(),
});
export type StatementInput = z.infer<typeof statementInputSchema>;

/** Stands in for the reason in the prompt and model output; the chosen wording replaces it after. */
export const REASON_TOKEN = '[[REASON]]';

/**
 * What the model is asked to return. The wire schemas stay plain because OpenAI's strict
 * structured outputs reject some JSON Schema keywords (string lengths among them); the limits the
 * product needs are checked afterwards by the matching `...Checked` schema.
 */
export const STATEMENT_FORMAT_NAME = 'statement_of_need';
export const statementWireSchema = z.object({
  statementOfNeed: z.string(),
  coveragePlan: z.string(),
});
export const statementCheckedSchema = z.object({
  statementOfNeed: z
    .string()
    .trim()
    .min(40)
    .max(2000)
    .refine((text) => text.split(REASON_TOKEN).length === 2, { message: 'names the reason token once' }),
  coveragePlan: z.string().trim().min(20).max(1500),
});
export type StatementDraft = z.infer<typeof statementCheckedSchema>;

export const QUESTION_FORMAT_NAME = 'question_answer';
export const questionWireSchema = z.object({
  answer: z.string(),
  suggestsStartingRequest: z.boolean(),
});
export const questionCheckedSchema = z.object({
  answer: z.string().trim().min(1).max(1500),
  suggestsStartingRequest: z.boolean(),
});
export type QuestionAnswer = z.infer<typeof questionCheckedSchema>;

export const chatTurnSchema = z.object({
  role: z.enum(['user', 'assistant']),
  content: z.string(),
});
export type ChatTurn = z.infer<typeof chatTurnSchema>;

export interface QuestionInput {
  question: string;
  /** Earlier turns, oldest first, already redacted by the chat memory. */
  history: ChatTurn[];
}
