export {
  type AnswerResult,
  CLOSEST_TOPICS_TEXT,
  createDrafter,
  type Drafter,
  type DrafterLogger,
  type DrafterOptions,
  type DrafterPrivacy,
  type DraftResult,
  type DraftSource,
  type FallbackReason,
  figuresGrounded,
  OFFLINE_NOTES,
  type TopicRef,
  type UnfitReplyKind,
} from './drafter.js';
export {
  type Article,
  type AssistantAction,
  articleText,
  assistantActions,
  DEFAULT_KNOWLEDGE_DIR,
  type KnowledgeBase,
  loadKnowledge,
  parseArticle,
} from './knowledge.js';
export { MAX_RETRIES_CAP, type ModelFailureKind } from './model-client.js';
export {
  DEFAULT_PROMPTS_DIR,
  loadPromptLibrary,
  PROMPT_VERSION,
  QUESTION_PROMPT_VERSION,
} from './prompt-library.js';
export { CONFIDENCE, createTopicIndex, type TopicIndex, type TopicSearch } from './retrieval.js';
export {
  type ChatTurn,
  GROUNDED_ANSWER_FORMAT_NAME,
  type GroundedAnswer,
  NO_ARTICLE,
  type QuestionInput,
  REASON_TOKEN,
  STATEMENT_FORMAT_NAME,
  type StatementDraft,
  type StatementInput,
  statementInputSchema,
  type TypedChatTurn,
} from './schemas.js';
