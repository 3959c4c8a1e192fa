export {
  type AnswerResult,
  createDrafter,
  type Drafter,
  type DrafterLogger,
  type DrafterOptions,
  type DrafterPrivacy,
  type DraftResult,
  type DraftSource,
  type FallbackReason,
  OFFLINE_NOTES,
  type UnfitReplyKind,
} from './drafter.js';
export { type FaqEntry, matchFaq, parseFaq } from './faq.js';
export { MAX_RETRIES_CAP, type ModelFailureKind } from './model-client.js';
export { DEFAULT_PROMPTS_DIR, loadPromptLibrary, PROMPT_VERSION } from './prompt-library.js';
export {
  type ChatTurn,
  QUESTION_FORMAT_NAME,
  type QuestionAnswer,
  type QuestionInput,
  REASON_TOKEN,
  STATEMENT_FORMAT_NAME,
  type StatementDraft,
  type StatementInput,
  statementInputSchema,
} from './schemas.js';
