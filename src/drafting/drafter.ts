import type { Jurisdiction } from '../domain/request.js';
import { forInMemoryMatching, hasWords, type PrivateText } from '../privacy/private-text.js';
import { type Article, type AssistantAction, articleText, loadKnowledge } from './knowledge.js';
import { rareWordMasker } from './masking.js';
import { createModelClient, type ModelFailureKind, type StructuredModel } from './model-client.js';
import { coverageWithOwnNotes, draftOfflineStatement } from './offline-statement.js';
import { loadPromptLibrary } from './prompt-library.js';
import {
  type GroundArticle,
  groundedQuestionMessages,
  HISTORY_TURNS_KEPT,
  statementMessages,
} from './prompt-messages.js';
import { createTopicIndex, type TopicSearch } from './retrieval.js';
import {
  GROUNDED_ANSWER_FORMAT_NAME,
  groundedAnswerCheckedSchema,
  groundedAnswerWireSchema,
  NO_ARTICLE,
  type QuestionInput,
  REASON_TOKEN,
  STATEMENT_FORMAT_NAME,
  type StatementDraft,
  type StatementFacts,
  type StatementInput,
  statementCheckedSchema,
  statementInputSchema,
  statementWireSchema,
} from './schemas.js';

/** The statement's input as the prompt may see it: structure, and whether words were written. */
function factsOf(input: StatementInput): StatementFacts {
  const { otherAccommodation, constraintsNote, coverageNotes, ownWords, ...facts } = input;
  return {
    ...facts,
    wordsGiven: {
      otherAccommodation: hasWords(otherAccommodation),
      constraintsNote: hasWords(constraintsNote),
      coverageNotes: hasWords(coverageNotes),
      ownWords: hasWords(ownWords),
    },
  };
}

export interface DrafterPrivacy {
  /**
   * Replaces clinical detail with placeholders; applied to every string bound for a prompt. It is the
   * redactor, so typed text (a chat turn) may be handed to it: what comes out is text.
   */
  redact(text: string | PrivateText): string;
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
  /** The knowledge base folder; the repository's knowledge/ by default. */
  knowledgeDir?: string;
  privacy: DrafterPrivacy;
  logger?: DrafterLogger;
}

export type DraftSource = 'model' | 'offline';
/**
 * A model reply that arrived well formed but is not fit to show: clinical words, a placeholder
 * repeated, an article id that was not among those given, or a figure the cited article lacks.
 */
export type UnfitReplyKind =
  | 'clinical_output'
  | 'echoed_placeholder'
  | 'uncited_output'
  | 'ungrounded_output';
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

/** A knowledge-base topic as the employee sees it on a button or under an answer. */
export interface TopicRef {
  readonly id: string;
  readonly title: string;
}

interface AnswerCommon {
  /** What the employee reads. */
  readonly answer: string;
  readonly source: DraftSource;
  /** Shown to the employee whenever the model was not used. */
  readonly note?: string;
  readonly fallback?: FallbackReason;
  /** The button the message asked for, when it was a wish to act on a request. */
  readonly action?: AssistantAction;
}

export type AnswerResult =
  /** Answered from one article, which is named under the answer. */
  | (AnswerCommon & {
      readonly kind: 'answer';
      readonly article: TopicRef & { readonly reviewed: string };
      /**
       * The other close topics, offered under a searched answer: word matching can pick the wrong
       * topic, and then the right one is a click away. None under a topic the employee picked.
       */
      readonly related?: readonly TopicRef[];
    })
  /** Not sure enough to answer: the closest topics, as buttons. */
  | (AnswerCommon & { readonly kind: 'topics'; readonly topics: readonly TopicRef[] });

export interface Drafter {
  draftStatement(input: StatementInput): Promise<DraftResult>;
  answerQuestion(input: QuestionInput): Promise<AnswerResult>;
  /** One topic the employee picked from the closest topics: the article itself, no model. */
  answerTopic(topicId: string, jurisdiction?: Jurisdiction): AnswerResult | undefined;
}

/** Said above the closest topics: never a bare "not sure", always somewhere to go next. */
export const CLOSEST_TOPICS_TEXT =
  'I don’t want to guess on that one. These topics are the closest I have; pick one and I’ll answer from it. ' +
  'For anything else, HR can explain company policy, and the EAP, if you have one, offers free, private support.';

const DEFAULT_JURISDICTION: Jurisdiction = 'us';

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
  const knowledge = loadKnowledge(options.knowledgeDir);
  const topics = createTopicIndex(knowledge);
  const maskRareWords = rareWordMasker(knowledge);
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
  const trackingRedact = (mask: (text: string) => string = (text) => text) => {
    const placeholders = new Set<string>();
    const redact = (text: string | PrivateText): string => {
      const redacted = mask(privacy.redact(text));
      // Whether the person typed the placeholder themselves: a match in memory, nothing kept.
      const typed = typeof text === 'string' ? text : forInMemoryMatching(text);
      for (const [bracketed] of redacted.matchAll(/\[[^[\]\n]{1,60}\]/g)) {
        if (!typed.includes(bracketed)) placeholders.add(bracketed);
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
        messages: statementMessages(prompts.statementSystem, factsOf(input), redaction.redact),
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
      // The employee's coverage notes were kept out of the prompt: they lead the plan as they wrote them.
      const coveragePlan = coverageWithOwnNotes(
        input.coverageNotes,
        checked.data.coveragePlan.split(/\n+/),
        privacy.isClinical,
      );
      return { ...withReason({ ...checked.data, coveragePlan }, input.reasonWording), source: 'model' };
    },

    async answerQuestion({ question, history, jurisdiction = DEFAULT_JURISDICTION }) {
      // Searched in memory on the words as typed: nothing leaves the process, and redaction could hide
      // the very word ("diagnosis") that picks the right topic.
      const found = topics.search(forInMemoryMatching(question), jurisdiction, {
        isHealthWord: (word) => privacy.isClinical(word),
      });
      const offline = (fallback: FallbackReason): AnswerResult => ({
        ...offlineAnswer(found, jurisdiction),
        note: fallbackNote('answer', fallback),
        fallback,
      });
      if (!model) return offline('not_configured');
      // A job for the assistant or the employer's own policy: no article holds the answer, so a
      // model would only be invited to invent one.
      if (found.outOfScope) return offlineAnswer(found, jurisdiction);

      // The ground: the best topic first when the search is sure, else the closest topics.
      const ground = groundFor(found);
      // The question and history are redacted, then rare words are masked: only structure and
      // everyday words reach the model (DESIGN.md 2.5). This is where the chat's typed text becomes
      // text, through the redactor and the masking; the prompt builder takes text only, so it is
      // handed the masked words and only caps them.
      const redaction = trackingRedact(maskRareWords);
      const masked = {
        question: redaction.redact(question),
        history: history
          .slice(-HISTORY_TURNS_KEPT)
          .map(({ role, content }) => ({ role, content: redaction.redact(content) })),
      };
      const alreadyMasked = (text: string) => text;
      const outcome = await model.complete({
        schema: groundedAnswerWireSchema,
        name: GROUNDED_ANSWER_FORMAT_NAME,
        messages: groundedQuestionMessages(
          prompts.questionSystem,
          ground.map((article) => groundArticle(article, jurisdiction)),
          masked.question,
          masked.history,
          alreadyMasked,
        ),
      });
      if (!outcome.ok) {
        noteFallback('question', outcome.kind, outcome.status);
        return offline(outcome.kind);
      }
      const checked = groundedAnswerCheckedSchema.safeParse(outcome.value);
      if (!checked.success) {
        noteFallback('question', 'invalid_output');
        return offline('invalid_output');
      }
      const reply = checked.data;
      const action = found.action ? { action: found.action } : {};
      if (reply.articleId === NO_ARTICLE) {
        // The model found nothing to stand on: the closest topics, never an invented answer.
        return {
          kind: 'topics',
          answer: CLOSEST_TOPICS_TEXT,
          topics: ground.map(topicRef),
          source: 'model',
          ...action,
        };
      }
      const cited = ground.find((article) => article.id === reply.articleId);
      if (!cited) {
        noteFallback('question', 'uncited_output');
        return offline('uncited_output');
      }
      const text = `${reply.answer}\n\n${reply.whenToAskForHelp}`;
      if (!figuresGrounded(text, articleText(cited, jurisdiction))) {
        noteFallback('question', 'ungrounded_output');
        return offline('ungrounded_output');
      }
      if (privacy.isClinical(text)) {
        noteFallback('question', 'clinical_output');
        return offline('clinical_output');
      }
      if (redaction.echoedIn(text)) {
        noteFallback('question', 'echoed_placeholder');
        return offline('echoed_placeholder');
      }
      return {
        kind: 'answer',
        answer: text,
        article: articleRef(cited),
        source: 'model',
        ...relatedTo(cited, ground, found),
        ...action,
      };
    },

    answerTopic(topicId, jurisdiction = DEFAULT_JURISDICTION) {
      const article = topics.article(topicId);
      if (!article) return undefined;
      return {
        kind: 'answer',
        answer: articleText(article, jurisdiction),
        article: articleRef(article),
        source: 'offline',
        ...(article.offers ? { action: article.offers } : {}),
      };
    },
  };
}

const topicRef = (article: Article): TopicRef => ({ id: article.id, title: article.title });

/** At most two: an answer with its alternatives, not a menu. */
const RELATED_TOPICS = 2;

/** The other close topics for a searched answer; none when the message was a wish to act. */
function relatedTo(
  answered: Article | TopicRef,
  closest: readonly Article[],
  found: TopicSearch,
): { related?: readonly TopicRef[] } {
  if (found.action) return {};
  const related = closest
    .filter((article) => article.id !== answered.id)
    .slice(0, RELATED_TOPICS)
    .map(topicRef);
  return related.length > 0 ? { related } : {};
}
const articleRef = (article: Article) => ({ ...topicRef(article), reviewed: article.reviewed });

function groundArticle(article: Article, jurisdiction: Jurisdiction): GroundArticle {
  return { id: article.id, title: article.title, text: articleText(article, jurisdiction) };
}

function groundFor(found: TopicSearch): Article[] {
  const first = found.confident && found.best ? [found.best] : [];
  return [...first, ...found.closest.filter((article) => !first.includes(article))].slice(0, 3);
}

/** The offline answer: the article when the search is sure, else the closest topics as buttons. */
function offlineAnswer(found: TopicSearch, jurisdiction: Jurisdiction): AnswerResult {
  const action = found.action ? { action: found.action } : {};
  if (found.confident && found.best) {
    return {
      kind: 'answer',
      answer: articleText(found.best, jurisdiction),
      article: articleRef(found.best),
      source: 'offline',
      ...relatedTo(found.best, found.closest, found),
      ...action,
    };
  }
  return {
    kind: 'topics',
    answer: CLOSEST_TOPICS_TEXT,
    topics: found.closest.map(topicRef),
    source: 'offline',
    ...action,
  };
}

/**
 * Every figure in the answer (days, weeks, phone lines, sums) must be in the article it cites: the
 * cheapest sure sign that a model stayed within its ground rather than recalling a rule of its own.
 */
export function figuresGrounded(answer: string, article: string): boolean {
  // A placeholder's number ("[word 1]") is not a figure; repeating a placeholder is caught apart.
  const figures = (text: string) =>
    new Set(text.replace(/\[[^[\]\n]{1,60}\]/g, ' ').match(/\d+(?:[.,:]\d+)*/g) ?? []);
  const known = figures(article);
  return [...figures(answer)].every((figure) => known.has(figure));
}
