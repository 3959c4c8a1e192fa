import { z } from 'zod';
import {
  AccommodationType,
  Jurisdiction,
  TreatmentSchedule,
  TypedText,
  WorkPattern,
} from '../domain/request.js';
import type { PrivateText } from '../privacy/private-text.js';

/**
 * What drafting needs from the intake: the domain's own work facts (C1), the reason wording the
 * employee chose (C2) and their free text (`PrivateText`). The free text never goes to the model:
 * the prompt says only whether it was given, and the employee's own coverage notes are put back in
 * front of the model's plan afterwards (see `StatementFacts`).
 */
export const statementInputSchema = z.object({
  schedule: TreatmentSchedule,
  work: WorkPattern,
  accommodations: z.array(AccommodationType).min(1),
  /** Free words for the `other` type. */
  otherAccommodation: TypedText.optional(),
  constraintsNote: TypedText.optional(),
  coverageNotes: TypedText.optional(),
  /** E.g. the default that names no condition: "a scheduled outpatient medical treatment program". */
  reasonWording: z.string().trim().min(1),
  /** The employee's own words about what would help, if any. */
  ownWords: TypedText.optional(),
  /** Whose letter it is: sets how times are written (5:30 PM, 5:30 p.m., 17:30). Defaults to the US. */
  jurisdiction: Jurisdiction.optional(),
});
export type StatementInput = z.infer<typeof statementInputSchema>;

/** The free-text parts of a statement's input: the employee's words, kept out of every prompt. */
export const statementWordFields = [
  'otherAccommodation',
  'constraintsNote',
  'coverageNotes',
  'ownWords',
] as const;
export type StatementWordField = (typeof statementWordFields)[number];

/**
 * What the statement prompt is built from: the structured answers, and for each free-text part
 * only whether the employee wrote one. A prompt builder cannot be handed their words.
 */
export type StatementFacts = Omit<StatementInput, StatementWordField> & {
  readonly wordsGiven: Readonly<Record<StatementWordField, boolean>>;
};

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

/**
 * A question's answer: the model picks one of the articles it was given and answers from it only,
 * or says `none` when no article answers the question. The id is checked against the articles sent.
 */
export const GROUNDED_ANSWER_FORMAT_NAME = 'grounded_answer';
export const NO_ARTICLE = 'none';
export const groundedAnswerWireSchema = z.object({
  articleId: z.string(),
  answer: z.string(),
  whenToAskForHelp: z.string(),
});
/** Who the answer must point to for what the guide cannot settle. */
export const HELP_PATTERN = /\b(HR|EAP|lawyer|legal aid|Acas|union)\b/i;
/** An answer that cites an article must say something, briefly, and say who to ask beyond it. */
export const groundedAnswerCheckedSchema = z
  .object({
    articleId: z.string().trim().min(1),
    answer: z.string().trim().max(1200),
    whenToAskForHelp: z.string().trim().max(400),
  })
  .refine((reply) => reply.articleId === NO_ARTICLE || reply.answer.length > 0, {
    message: 'an answer is needed',
    path: ['answer'],
  })
  .refine((reply) => reply.articleId === NO_ARTICLE || HELP_PATTERN.test(reply.whenToAskForHelp), {
    message: 'names HR, the EAP or a lawyer',
    path: ['whenToAskForHelp'],
  });
export type GroundedAnswer = z.infer<typeof groundedAnswerWireSchema>;

export const chatTurnSchema = z.object({
  role: z.enum(['user', 'assistant']),
  content: z.string(),
});
export type ChatTurn = z.infer<typeof chatTurnSchema>;

/** A turn of the chat as the employee's conversation holds it: typed text until it is masked. */
export interface TypedChatTurn {
  readonly role: ChatTurn['role'];
  readonly content: PrivateText;
}

export interface QuestionInput {
  /** The employee's message as typed: searched in memory, masked before any prompt. */
  question: PrivateText;
  /** Earlier turns, oldest first, already redacted by the chat memory. */
  history: readonly TypedChatTurn[];
  /** Where the employee works: the articles are read for that country. Defaults to the US. */
  jurisdiction?: Jurisdiction;
}
