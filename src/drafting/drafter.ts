import { matchFaq } from './faq.js';
import { createModelClient, type ModelFailureKind, type StructuredModel } from './model-client.js';
import { draftOfflineStatement } from './offline-statement.js';
import { loadPromptLibrary } from './prompt-library.js';
import { questionMessages, statementMessages } from './prompt-messages.js';
import {
  QUESTION_FORMAT_NAME,
  type QuestionInput,
  questionCheckedSchema,
  questionWireSchema,
  REASON_TOKEN,
  STATEMENT_FORMAT_NAME,
  type StatementDraft,
  type StatementInput,
  statementCheckedSchema,
  statementInputSchema,
  statementWireSchema,
} from './schemas.js';

export interface DrafterPrivacy {
  /** Replaces clinical detail with placeholders; applied to every string bound for a prompt. */
  redact(text: string): string;
  /** True when the text holds clinical detail; model output that does is not used. */
  isClinical(text: string): boolean;
}

export interface DrafterLogger {
  warn(obj: object, msg: string): void;
}

export interface DrafterOptions {
  apiKey?: string;
  /** Any OpenAI-compatible server, including /v1. */
  baseURL?: string;
  model: string;
  /** Per attempt; the SDK retries timeouts too, up to maxRetries. */
  timeoutMs: number;
  /** Retries after the first attempt, capped at MAX_RETRIES_CAP. */
  maxRetries: number;
  promptsDir?: string;
  privacy: DrafterPrivacy;
  logger?: DrafterLogger;
}

export type DraftSource = 'model' | 'offline';
/** A model reply that arrived well formed but is not fit to show. */
export type UnfitReplyKind = 'clinical_output' | 'echoed_placeholder';
/** Why the offline wording was used: not configured, the call failed, or the reply was unfit. */
export type FallbackReason = 'not_configured' | ModelFailureKind | UnfitReplyKind;

export interface DraftResult {
  statementOfNeed: string;
  coveragePlan: string;
  source: DraftSource;
  /** Shown to the employee whenever the offline wording was used. */
  note?: string;
  fallback?: FallbackReason;
}

export interface AnswerResult {
  answer: string;
  suggestsStartingRequest: boolean;
  source: DraftSource;
  note?: string;
  fallback?: FallbackReason;
}

export interface Drafter {
  draftStatement(input: StatementInput): Promise<DraftResult>;
  answerQuestion(input: QuestionInput): Promise<AnswerResult>;
}

export const OFFLINE_NOTES = {
  statementUnreachable:
    "I couldn't reach the writing assistant just now, so this is a standard draft built from your answers. It's a good starting point, and you can change any of it.",
  statementNotConfigured: 'This is a standard draft built from your answers. You can change any of it.',
  answerUnreachable:
    "I couldn't reach the writing assistant just now, so this answer comes from our short guide. Ask again any time.",
  answerNotConfigured: 'This answer comes from our short guide.',
  statementUnfit:
    'The writing assistant’s draft didn’t fit what’s needed here, so this is a standard draft built from your answers. You can change any of it.',
  answerUnfit:
    'The writing assistant’s answer didn’t fit what’s needed here, so this one comes from our short guide.',
} as const;

/** Only failures to get any answer are "couldn't reach"; an answer that was not fit to use says so. */
const unreachableKinds: ReadonlySet<FallbackReason> = new Set(['timeout', 'http_error', 'connection']);

function fallbackNote(task: 'statement' | 'answer', fallback: FallbackReason): string {
  if (fallback === 'not_configured') {
    return task === 'statement' ? OFFLINE_NOTES.statementNotConfigured : OFFLINE_NOTES.answerNotConfigured;
  }
  if (unreachableKinds.has(fallback)) {
    return task === 'statement' ? OFFLINE_NOTES.statementUnreachable : OFFLINE_NOTES.answerUnreachable;
  }
  return task === 'statement' ? OFFLINE_NOTES.statementUnfit : OFFLINE_NOTES.answerUnfit;
}

/**
 * Builds the drafter once at start: prompts are read here, so a missing prompt stops start-up.
 * With neither an API key nor a base URL it never opens a connection and answers offline.
 */
export function createDrafter(options: DrafterOptions): Drafter {
  const prompts = loadPromptLibrary(options.promptsDir);
  const { privacy, logger } = options;
  const model: StructuredModel | undefined =
    options.apiKey || options.baseURL ? createModelClient(options) : undefined;

  const noteFallback = (
    task: 'statement' | 'question',
    kind: Exclude<FallbackReason, 'not_configured'>,
    status?: number,
  ): void => {
    // Only the kind of failure: never the prompt, the reply or the error message.
    logger?.warn(
      { task, failure: kind, ...(status ? { status } : {}) },
      'drafting fell back to offline wording',
    );
  };

  /**
   * Redacts as the privacy layer does and remembers the placeholders it introduced, so a reply
   * that repeats one ("[health detail 1]") can be caught: it would read as broken to the employee.
   */
  const trackingRedact = () => {
    const placeholders = new Set<string>();
    const redact = (text: string): string => {
      const redacted = privacy.redact(text);
      for (const [bracketed] of redacted.matchAll(/\[[^[\]\n]{1,60}\]/g)) {
        if (!text.includes(bracketed)) placeholders.add(bracketed);
      }
      return redacted;
    };
    const echoedIn = (...texts: string[]) =>
      [...placeholders].some((placeholder) => texts.some((text) => text.includes(placeholder)));
    return { redact, echoedIn };
  };

  const withReason = (draft: StatementDraft, reasonWording: string): StatementDraft => ({
    statementOfNeed: draft.statementOfNeed.replace(REASON_TOKEN, () => reasonWording.trim()),
    coveragePlan: draft.coveragePlan,
  });

  return {
    async draftStatement(rawInput) {
      const parsed = statementInputSchema.safeParse(rawInput);
      if (!parsed.success) {
        const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || '(root)'))];
        throw new Error(`draftStatement was given invalid answers in: ${fields.join(', ')}`);
      }
      const input = parsed.data;
      const offline = (fallback: FallbackReason): DraftResult => ({
        ...withReason(draftOfflineStatement(input, privacy.isClinical), input.reasonWording),
        source: 'offline',
        note: fallbackNote('statement', fallback),
        fallback,
      });
      if (!model) return offline('not_configured');

      const redaction = trackingRedact();
      const outcome = await model.complete({
        schema: statementWireSchema,
        name: STATEMENT_FORMAT_NAME,
        messages: statementMessages(prompts.statementSystem, input, redaction.redact),
      });
      if (!outcome.ok) {
        noteFallback('statement', outcome.kind, outcome.status);
        return offline(outcome.kind);
      }
      const checked = statementCheckedSchema.safeParse(outcome.value);
      if (!checked.success) {
        noteFallback('statement', 'invalid_output');
        return offline('invalid_output');
      }
      // Scanned before the reason goes in: the employee's chosen disclosure is theirs to make.
      if (privacy.isClinical(checked.data.statementOfNeed) || privacy.isClinical(checked.data.coveragePlan)) {
        noteFallback('statement', 'clinical_output');
        return offline('clinical_output');
      }
      if (redaction.echoedIn(checked.data.statementOfNeed, checked.data.coveragePlan)) {
        noteFallback('statement', 'echoed_placeholder');
        return offline('echoed_placeholder');
      }
      return { ...withReason(checked.data, input.reasonWording), source: 'model' };
    },

    async answerQuestion({ question, history }) {
      const offline = (fallback: FallbackReason): AnswerResult => {
        // Matched in memory on the words as typed: nothing leaves the process, and redaction could hide
        // the very word ("diagnosis") that picks the right answer.
        const entry = matchFaq(prompts.faq, question);
        return {
          answer: entry.answer,
          suggestsStartingRequest: entry.suggestsStartingRequest,
          source: 'offline',
          note: fallbackNote('answer', fallback),
          fallback,
        };
      };
      if (!model) return offline('not_configured');

      const redaction = trackingRedact();
      const outcome = await model.complete({
        schema: questionWireSchema,
        name: QUESTION_FORMAT_NAME,
        messages: questionMessages(prompts.questionSystem, question, history, redaction.redact),
      });
      if (!outcome.ok) {
        noteFallback('question', outcome.kind, outcome.status);
        return offline(outcome.kind);
      }
      const checked = questionCheckedSchema.safeParse(outcome.value);
      if (!checked.success) {
        noteFallback('question', 'invalid_output');
        return offline('invalid_output');
      }
      if (privacy.isClinical(checked.data.answer)) {
        noteFallback('question', 'clinical_output');
        return offline('clinical_output');
      }
      if (redaction.echoedIn(checked.data.answer)) {
        noteFallback('question', 'echoed_placeholder');
        return offline('echoed_placeholder');
      }
      return { ...checked.data, source: 'model' };
    },
  };
}
