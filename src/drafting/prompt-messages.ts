import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { ChatTurn, StatementFacts } from './schemas.js';
import { ACCOMMODATION_ASKS } from './wording.js';

type Redact = (text: string) => string;

/** Keeps prompts small and predictable however long a conversation runs. */
export const HISTORY_TURNS_KEPT = 10;
export const MAX_TURN_CHARS = 2000;

/** Redact the whole text first, then cut: cutting first could split a term the redactor knows. */
function redactAndCap(redact: Redact, text: string): string {
  return redact(text).slice(0, MAX_TURN_CHARS);
}

/** Stands where the employee wrote something in their own words: the words never reach the model. */
export const OWN_WORDS_KEPT_OUT = 'written in their own words (kept out of this request)';

/**
 * The statement request as one user message, from structure and placeholders only: the employee's
 * own words are never sent (the prompt says only that they wrote some). Every string still passes
 * `redact`, labels included. The reason wording is left out on purpose: the model writes a token
 * and the employee's chosen words are put in afterwards.
 */
export function statementMessages(
  systemPrompt: string,
  input: StatementFacts,
  redact: Redact,
): ChatCompletionMessageParam[] {
  const r = (text: string) => redactAndCap(redact, text);
  const { schedule, work } = input;
  const facts = {
    sessionDays: schedule.days.map(r),
    sessionTimes: `${r(schedule.sessionStart)}-${r(schedule.sessionEnd)}`,
    travelMinutesEachWay: schedule.travelMinutes,
    startDate: r(schedule.startDate),
    endOrReviewDate: r(schedule.endDate),
    usualWorkDays: work.days.map(r),
    usualHours: `${r(work.start)}-${r(work.end)}`,
    timeZone: r(work.timeZone),
    roleIncludes: work.constraints.map(r),
    askingFor: input.accommodations.map((type) =>
      type === 'other' && input.wordsGiven.otherAccommodation
        ? `another arrangement, ${OWN_WORDS_KEPT_OUT}`
        : r(ACCOMMODATION_ASKS[type]),
    ),
    otherThingsToKnow: input.wordsGiven.constraintsNote ? OWN_WORDS_KEPT_OUT : 'none given',
    coverageNotes: input.wordsGiven.coverageNotes
      ? `${OWN_WORDS_KEPT_OUT}; they come first in the plan, so add only what they may not cover`
      : 'none given',
    inTheirOwnWords: input.wordsGiven.ownWords ? OWN_WORDS_KEPT_OUT : 'none given',
  };
  return [
    { role: 'system', content: systemPrompt },
    {
      role: 'user',
      content: `Write the statement of need and coverage plan from these answers:\n${JSON.stringify(facts, null, 2)}`,
    },
  ];
}

/** One article as the model sees it: the text the employee's country reads, and nothing else. */
export interface GroundArticle {
  readonly id: string;
  readonly title: string;
  readonly text: string;
}

/** The articles are the app's own wording; only they and the redacted question go to the model. */
export function groundingBlock(articles: readonly GroundArticle[]): string {
  return articles
    .map((article) => `<article id="${article.id}" title="${article.title}">\n${article.text}\n</article>`)
    .join('\n\n');
}

/**
 * The question with recent history and the articles that are its only ground. Both are text: the
 * chat is typed text (`PrivateText`) until the drafter has redacted and masked it (history again,
 * though memory stores it redacted), so every string here passes `redact` and is capped.
 */
export function groundedQuestionMessages(
  systemPrompt: string,
  articles: readonly GroundArticle[],
  question: string,
  history: ChatTurn[],
  redact: Redact,
): ChatCompletionMessageParam[] {
  const recent = history.slice(-HISTORY_TURNS_KEPT).map(
    (turn): ChatCompletionMessageParam => ({
      role: turn.role,
      content: redactAndCap(redact, turn.content),
    }),
  );
  return [
    { role: 'system', content: systemPrompt },
    ...recent,
    {
      role: 'user',
      content: `The articles you may answer from:\n\n${groundingBlock(articles)}\n\nThe question: ${redactAndCap(redact, question)}`,
    },
  ];
}
