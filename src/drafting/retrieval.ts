import { createRequire } from 'node:module';
import MiniSearch from 'minisearch';
import { stemmer } from 'stemmer';
import type { Jurisdiction } from '../domain/request.js';
import { detectIntent } from './intents.js';
import { type Article, type AssistantAction, appliesTo, type KnowledgeBase } from './knowledge.js';

/**
 * Offline topic search over the knowledge base: full-text (BM25, MiniSearch) over each article as
 * the employee's country reads it, with shared synonyms and stemming, and a confidence rule. Below
 * the rule nothing is answered: the closest topics are offered instead.
 */

/**
 * Set on test/fixtures/assistant/questions-tuning.json and on held-out sets 1 to 12, each once it had
 * been measured (the README gives each set's first measure, the honest one). A wrong answer costs
 * more than a button: below the rule the right topic is still one click away.
 */
export const CONFIDENCE = {
  /**
   * Evidence is the sum of ln(articles / articles with the word) over the words the best topic
   * matched: one word found in most articles ("time", "who") is not enough to answer on. Coverage is
   * that evidence over what all the question's words weigh (a word no article has weighs like the
   * rarest), so a question mostly about something else ("when is payday this month") is not
   * answered. Lead is the best topic's score over the second's.
   */
  usual: { minEvidence: 1.6, minCoverage: 0.6, minLead: 1.25 },
  /**
   * A topic far ahead of every other may cover less of the question, when the question's most
   * specific word is in that topic alone ("relapse"; not "month", which three topics have).
   */
  clearLead: { minEvidence: 2.5, minCoverage: 0.3, minLead: 2.5 },
  /**
   * Below this lead an answer must also survive dropping any one word of the question that is not
   * its point: if another topic then becomes sure, the question mixes two topics.
   */
  standsAlone: 2,
} as const;

type Rule = { readonly minEvidence: number; readonly minCoverage: number; readonly minLead: number };
const passes = (rule: Rule, evidence: number, coverage: number, lead: number): boolean =>
  evidence >= rule.minEvidence && coverage >= rule.minCoverage && lead >= rule.minLead;

/**
 * Ordinary English words ("someone", "take", "different", "after"): a topic found on them alone is
 * a guess. They still count in the search; they are only passed over when picking the question's
 * most specific word (see `mostSpecific`), unless the question has no other.
 */
const ORDINARY_WORDS: readonly string[] = (
  createRequire(import.meta.url)('stopwords-iso') as { en: string[] }
).en;

export const CLOSEST_TOPICS = 3;
/** Offered when a question matches almost nothing: where most people start. */
const STARTING_TOPICS = ['what-to-ask-for', 'who-sees-it', 'disclosure', 'starting-a-request'];

const STOP_WORDS = new Set(
  `a an the and or but if so of to in on at by for from with about as into than then
   i i'm im i've ive i'd id me my mine myself we us our you your yours they them their it its it's
   is are was were be been being am do does did doing done have has had having
   can could will would shall should may might must
   what which that this these those there here how
   just even still yet also too very really any some all again ever
   get got gets getting go going want wanted like please ok okay hi hello hey thanks
   something anything thing things`.split(/\s+/),
);

export interface TopicSearch {
  /** Whether the best topic is sure enough to answer from. */
  readonly confident: boolean;
  /** The best topic; only answered from when confident. */
  readonly best?: Article;
  /** Up to three topics, best first, for buttons when not confident (and for the model's ground). */
  readonly closest: readonly Article[];
  /** The button the message asks for, if it is a wish to act. */
  readonly action?: AssistantAction;
  /** For the figures script. */
  readonly scores: readonly {
    readonly id: string;
    readonly score: number;
    readonly evidence: number;
    readonly coverage: number;
    /** The question's words this topic matched, as searched (folded and stemmed). */
    readonly matched: readonly string[];
  }[];
  /** The question's most specific words the knowledge base knows; the best topic must have them all. */
  readonly specific: readonly string[];
  /**
   * Set when the message is plainly not about asking for time for treatment: a job for the
   * assistant, or the employer's own policy. No article answers it, and no model is asked.
   */
  readonly outOfScope?: 'task' | 'company_policy';
}

export interface SearchOptions {
  /**
   * Whether a word is a health detail (a medicine, a diagnosis). One the articles do not have says
   * what the person lives with, not what they ask, so it does not count against an answer.
   */
  readonly isHealthWord?: (word: string) => boolean;
}

interface ReadOptions extends SearchOptions {
  /** Read the words only, as if the message were not a wish to act. */
  readonly ignoreIntent?: boolean;
}

/**
 * A message that asks the assistant to do a job for the person ("can you write my performance
 * review", "summarise this"), not a question about asking for time for treatment: the words may
 * match a topic, but no article is the answer. The app's own actions are wishes, found first.
 */
const ASKS_FOR_A_TASK =
  /^\s*(?:(?:can|could|would|will) (?:you|u)\s+(?:please\s+)?|please\s+)?(?:write|draft|rewrite|proofread|summari[sz]e|translate|book|remind|calculate|fill (?:in|out)|review|check|fix|email|find me|tell me a joke|explain this)\b/i;

/**
 * A question about the employer's own policies and plans ("what does our health insurance cover",
 * "what's the company policy on pets"): the articles hold the law and the app, not any employer's
 * handbook, so HR is the one to ask (the closest-topics message says so). Unless it is about the
 * request itself ("does our policy let me ask for this?").
 */
const COMPANY_POLICY =
  /\b(?:our|company'?s)\s+\w+|\b(?:polic(?:y|ies)|handbook|enrol(?:l)?(?:ment|ing)?|plan)\b/i;
const ABOUT_THE_REQUEST =
  /\b(?:this|it|request|accommodation|arrangement|adjustment|treatment|sessions?|program(?:me)?)\b/i;
const asksAboutCompanyPolicy = (question: string): boolean =>
  COMPANY_POLICY.test(question) && !ABOUT_THE_REQUEST.test(question);

/** Not sure: nothing answered, the closest topics offered, with the other contender first. */
function undecided(found: TopicSearch, contender?: Article): TopicSearch {
  const { action: _notOffered, ...rest } = found;
  const closest = contender
    ? [...new Set([found.best, contender, ...found.closest])].filter((article) => article !== undefined)
    : found.closest;
  return { ...rest, confident: false, closest: closest.slice(0, CLOSEST_TOPICS) };
}

export interface TopicIndex {
  search(question: string, jurisdiction: Jurisdiction, options?: SearchOptions): TopicSearch;
  article(id: string): Article | undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Lower case without accents ("diagnóstico" is "diagnostico"), and one kind of apostrophe. */
const plain = (text: string): string =>
  text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/[’‘]/g, "'");

/** Plain text, and every synonym read as its group's first word. */
function synonymFolder(groups: KnowledgeBase['synonyms']): (text: string) => string {
  const canonical = new Map<string, string>();
  for (const [first = '', ...rest] of groups) {
    const keep = plain(first).replace(/\s+/g, '_');
    canonical.set(plain(first), keep);
    for (const variant of rest) canonical.set(plain(variant), keep);
  }
  const variants = [...canonical.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(?<![a-z0-9_'])(?:${variants.map(escapeRegExp).join('|')})(?![a-z0-9_])`, 'g');
  return (text) => plain(text).replace(pattern, (found) => canonical.get(found) ?? found);
}

export function createTopicIndex(knowledge: KnowledgeBase): TopicIndex {
  const fold = synonymFolder([...knowledge.synonyms, ...knowledge.searchOnlySynonyms]);
  const terms = (text: string): string[] =>
    fold(text)
      .split(/[^a-z0-9_']+/)
      .map((word) => word.replace(/^'+|'+$/g, ''))
      .filter((word) => word.length > 1 && !STOP_WORDS.has(word) && !/^\d+$/.test(word))
      .map((word) => (word.includes('_') ? word : stemmer(word.replace(/'/g, ''))));

  const byId = new Map(knowledge.articles.map((article) => [article.id, article]));
  type Doc = { id: string; articleId: string; jurisdiction: Jurisdiction; [field: string]: string };
  const index = new MiniSearch<Doc>({
    fields: ['title', 'asked', 'search', 'common', 'local'],
    storeFields: ['articleId', 'jurisdiction'],
    tokenize: terms,
    // Terms are already folded and stemmed by tokenize.
    processTerm: (term) => term,
    searchOptions: { boost: { title: 2, asked: 2, search: 2.5, common: 1, local: 0.7 }, combineWith: 'OR' },
  });
  const docs: Doc[] = [];
  for (const article of knowledge.articles) {
    for (const jurisdiction of ['us', 'uk', 'ca'] as const) {
      if (!appliesTo(article, jurisdiction)) continue;
      docs.push({
        id: `${article.id}:${jurisdiction}`,
        articleId: article.id,
        jurisdiction,
        title: article.title,
        search: article.search.join(' . '),
        asked: article.asked.join(' . '),
        common: article.common,
        local: article.byJurisdiction[jurisdiction] ?? '',
      });
    }
  }
  index.addAll(docs);

  // In how many articles each search term appears: a rare word is strong evidence, a common one weak.
  const articlesWith = new Map<string, number>();
  for (const article of knowledge.articles) {
    const text = [
      article.title,
      ...article.search,
      ...article.asked,
      article.common,
      ...Object.values(article.byJurisdiction),
    ];
    for (const term of new Set(terms(text.join(' . '))))
      articlesWith.set(term, (articlesWith.get(term) ?? 0) + 1);
  }
  // A word no article has weighs like the rarest: a question mostly about something else is not ours.
  const weight = (term: string): number =>
    Math.log(knowledge.articles.length / Math.max(1, articlesWith.get(term) ?? 1));
  const evidence = (matched: readonly string[]): number =>
    matched.reduce((sum, term) => sum + weight(term), 0);

  const ordinary = new Set(ORDINARY_WORDS.map((word) => stemmer(word.replace(/'/g, ''))));
  /**
   * The words of the question that say most about which topic it is: of those some article has, the
   * rarest across articles, leaving out ordinary English words when there are others. "Is it legal
   * to demote someone" is about "demote", not "someone", though one article's title has "someone".
   */
  const mostSpecific = (questionTerms: readonly string[]): string[] => {
    const known = questionTerms.filter((term) => articlesWith.has(term));
    const telling = known.filter((term) => !ordinary.has(term));
    const pool = telling.length > 0 ? telling : known;
    const top = Math.max(...pool.map(weight));
    return pool.filter((term) => weight(term) === top);
  };

  const read = (question: string, jurisdiction: Jurisdiction, options: ReadOptions): TopicSearch => {
    const hits = index.search(question, {
      filter: (hit) => hit.jurisdiction === jurisdiction,
    });
    const health = new Set(
      options.isHealthWord
        ? question
            .split(/[^\p{L}\p{N}'’-]+/u)
            .filter((word) => word && options.isHealthWord?.(word))
            .flatMap((word) => terms(word))
        : [],
    );
    const questionTerms = [...new Set(terms(question))].filter(
      (term) => articlesWith.has(term) || !health.has(term),
    );
    const asked = evidence(questionTerms);
    // Coverage is also read on the uncommon words alone: "where do I submit my expenses" is
    // mostly about expenses, however much "where" weighs.
    const askedTelling = evidence(questionTerms.filter((term) => !ordinary.has(term)));
    const specific = mostSpecific(questionTerms);
    const strange = questionTerms.some((term) => !articlesWith.has(term) && !ordinary.has(term));
    const ranked = hits.flatMap((hit) => {
      const article = byId.get(String(hit.articleId));
      if (!article) return [];
      const found = evidence(hit.queryTerms);
      const telling = evidence(hit.queryTerms.filter((term) => !ordinary.has(term)));
      return [
        {
          article,
          matched: hit.queryTerms,
          score: hit.score,
          evidence: found,
          coverage: Math.min(asked > 0 ? found / asked : 0, askedTelling > 0 ? telling / askedTelling : 1),
          telling,
          // Every one of them: "can I refuse a drug test" has two (refuse, drug test) and is not
          // answered from the topic that has only one.
          hasSpecific: specific.length > 0 && specific.every((term) => hit.queryTerms.includes(term)),
          ownsSpecific: specific.some(
            (term) => hit.queryTerms.includes(term) && articlesWith.get(term) === 1,
          ),
        },
      ];
    });
    const scores = ranked.map(({ article, score, evidence, coverage, matched }) => ({
      id: article.id,
      score,
      evidence,
      coverage,
      matched,
    }));
    const intent = options.ignoreIntent ? undefined : detectIntent(question);
    const intentArticle = intent ? byId.get(intent.topic) : undefined;

    const closest: Article[] = [];
    const add = (article: Article | undefined) => {
      if (article && closest.length < CLOSEST_TOPICS && !closest.includes(article)) closest.push(article);
    };
    add(intentArticle);
    for (const { article } of ranked) add(article);
    for (const id of STARTING_TOPICS) add(byId.get(id));

    if (intent && intentArticle) {
      return {
        confident: true,
        best: intentArticle,
        closest,
        action: intent.action,
        scores,
        specific,
      };
    }
    const [first, second] = ranked;
    const lead = first && second ? first.score / second.score : Number.POSITIVE_INFINITY;
    const confident =
      // A word no article has and not ordinary English ("dental", "timesheet") may be what the
      // question is about: the closest topics are offered, never an answer.
      !strange &&
      first?.hasSpecific === true &&
      // A topic behind it on score that has more of the question's evidence, and no less of what
      // its uncommon words weigh: the lead came from how often words recur, not from what was
      // asked. (Not "during" alone: "what if I relapse during the program?" is about relapse.)
      !ranked
        .slice(1)
        .some((other) => other.evidence > first.evidence + 1e-9 && other.telling >= first.telling - 1e-9) &&
      (passes(CONFIDENCE.usual, first.evidence, first.coverage, lead) ||
        (first.ownsSpecific && passes(CONFIDENCE.clearLead, first.evidence, first.coverage, lead)));
    return {
      confident,
      ...(first ? { best: first.article } : {}),
      closest,
      ...(confident && first?.article.offers ? { action: first.article.offers } : {}),
      scores,
      specific,
    };
  };

  return {
    article: (id) => byId.get(id),
    search(question, jurisdiction, options = {}) {
      const found = read(question, jurisdiction, options);
      if (detectIntent(question)) {
        // A wish to act, and a search sure of another topic ("has HR looked at my request yet?" reads
        // like a refusal's "look at it again"): neither topic is answered, both are offered, and
        // the wish keeps its button.
        const searched = read(question, jurisdiction, { ...options, ignoreIntent: true });
        if (!searched.confident || searched.best === found.best) return found;
        return { ...undecided(found, searched.best), ...(found.action ? { action: found.action } : {}) };
      }
      if (ASKS_FOR_A_TASK.test(question)) return { ...undecided(found), outOfScope: 'task' };
      if (asksAboutCompanyPolicy(question)) return { ...undecided(found), outOfScope: 'company_policy' };
      if (!found.confident) return found;
      // Sure only if no other word decides it: drop any one word that is not the question's point,
      // and no other topic may become sure. "can I work 10-6:30 instead of 9-5:30 on group days"
      // matched the refusals topic on "instead"; without it, it is what to ask for.
      // A topic at least twice as strong as the next is not overturned by one word: "do I have to
      // tell HR that my appointments are why?" is about why, though without it, it would be news
      // for HR about new session times.
      const [first, second] = found.scores;
      if (first && second && first.score >= CONFIDENCE.standsAlone * second.score) return found;
      const words = fold(question)
        .split(/[^a-z0-9_']+/)
        .filter(Boolean);
      for (let i = 0; i < words.length; i += 1) {
        const dropped = terms(words[i] ?? '');
        if (dropped.length === 0 || dropped.some((term) => found.specific.includes(term))) continue;
        const without = read([...words.slice(0, i), ...words.slice(i + 1)].join(' '), jurisdiction, options);
        if (without.confident && without.best && without.best !== found.best) {
          return undecided(found, without.best);
        }
      }
      return found;
    },
  };
}
