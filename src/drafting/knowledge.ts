import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { type Jurisdiction, jurisdictions } from '../domain/request.js';

/** What an answer can turn into: a button that opens one of the employee's own flows. */
export const assistantActions = ['start', 'status', 'withdraw', 'change', 'extension'] as const;
export type AssistantAction = (typeof assistantActions)[number];

/** Slack's button text limit; a title is shown on a topic button. */
const MAX_TITLE_CHARS = 75;

const frontMatterSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase words joined by hyphens'),
  title: z.string().trim().min(3).max(MAX_TITLE_CHARS),
  jurisdictions: z.array(z.enum([...jurisdictions, 'all'])).min(1),
  search: z.array(z.string().trim().min(1)).default([]),
  asked: z.array(z.string().trim().min(5)).default([]),
  offers: z.enum(assistantActions).optional(),
  reviewed: z.iso.date(),
  sources: z.array(z.object({ title: z.string().trim().min(3), url: z.url({ protocol: /^https$/ }) })).min(1),
});

/** One topic the assistant can answer from, in the project's own words (knowledge/*.md). */
export interface Article {
  readonly id: string;
  readonly title: string;
  readonly jurisdictions: readonly (Jurisdiction | 'all')[];
  /** Extra words people use for the topic; searched, never shown. */
  readonly search: readonly string[];
  /** How people usually ask about it, written by the team; searched, never shown. */
  readonly asked: readonly string[];
  readonly offers?: AssistantAction;
  readonly reviewed: string;
  readonly sources: readonly { readonly title: string; readonly url: string }[];
  /** What everyone reads. */
  readonly common: string;
  /** What only people working in one country read. */
  readonly byJurisdiction: Readonly<Partial<Record<Jurisdiction, string>>>;
  /** When to ask HR, the EAP or a lawyer. */
  readonly help: string;
}

export interface KnowledgeBase {
  readonly articles: readonly Article[];
  /** Groups of words that mean the same; the first of each is the one search keeps. */
  readonly synonyms: readonly (readonly string[])[];
  /**
   * Spanish words read as the English word first in each group; search only. Not the knowledge
   * base's own words, so a model's prompt masks them like any rare word.
   */
  readonly searchOnlySynonyms: readonly (readonly string[])[];
}

export const DEFAULT_KNOWLEDGE_DIR = fileURLToPath(new URL('../../knowledge/', import.meta.url));

const sectionNames = new Set<string>([...jurisdictions, 'help']);

/**
 * Articles are wrapped for editors; Slack would show every line break. Lines of a paragraph are
 * joined with a space; a list item ("- ") keeps its own line.
 */
function unwrap(text: string): string {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => line.trim())
        .reduce(
          (joined, line) => (joined === '' ? line : `${joined}${line.startsWith('- ') ? '\n' : ' '}${line}`),
          '',
        ),
    )
    .join('\n\n');
}

/** Parses one article; throws naming the file and what is wrong, so a bad edit stops start-up. */
export function parseArticle(fileName: string, text: string): Article {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text.replace(/\r\n/g, '\n'));
  if (!match) throw new Error(`knowledge/${fileName} needs front matter between two --- lines.`);
  const [, yamlText = '', body = ''] = match;
  const parsed = frontMatterSchema.safeParse(parseYaml(yamlText));
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
    throw new Error(`knowledge/${fileName} front matter: ${problems.join('; ')}`);
  }
  const meta = parsed.data;
  if (`${meta.id}.md` !== fileName) throw new Error(`knowledge/${fileName} must be named ${meta.id}.md.`);

  const [common = '', ...sections] = body.split(/^## /m);
  const byJurisdiction: Partial<Record<Jurisdiction, string>> = {};
  let help = '';
  for (const section of sections) {
    const [heading = '', ...lines] = section.split('\n');
    const name = heading.trim();
    const content = unwrap(lines.join('\n'));
    if (!sectionNames.has(name) || !content) {
      throw new Error(`knowledge/${fileName}: "## ${name}" must be us, uk, ca or help, with text under it.`);
    }
    if (name === 'help') help = content;
    else byJurisdiction[name as Jurisdiction] = content;
  }
  if (!common.trim()) throw new Error(`knowledge/${fileName} needs text before its first ## section.`);
  if (!/\b(HR|EAP|lawyer)\b/.test(help)) {
    throw new Error(
      `knowledge/${fileName} needs a "## help" section saying when to ask HR, the EAP or a lawyer.`,
    );
  }
  return { ...meta, common: unwrap(common), byJurisdiction, help };
}

const synonymsSchema = z.array(z.array(z.string().trim().min(1)).min(2));

/** Read once at start: a missing or broken article stops start-up rather than a conversation. */
export function loadKnowledge(dir: string = DEFAULT_KNOWLEDGE_DIR): KnowledgeBase {
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((name) => name.endsWith('.md') && name !== 'README.md')
      .sort();
  } catch {
    throw new Error(`The knowledge folder ${dir} could not be read: restore it from the repository.`);
  }
  if (files.length === 0) throw new Error(`The knowledge folder ${dir} has no articles.`);
  const articles = files.map((name) => parseArticle(name, readFileSync(join(dir, name), 'utf8')));
  return {
    articles,
    synonyms: readSynonyms(dir, 'synonyms.yaml'),
    searchOnlySynonyms: readSynonyms(dir, 'synonyms-es.yaml'),
  };
}

function readSynonyms(dir: string, fileName: string): string[][] {
  const synonyms = synonymsSchema.safeParse(parseYaml(readFileSync(join(dir, fileName), 'utf8')));
  if (!synonyms.success)
    throw new Error(`knowledge/${fileName} must be a list of word groups (two or more each).`);
  return synonyms.data.map((group) => group.map((word) => word.toLowerCase()));
}

/** Whether an article speaks to someone working in this country. */
export function appliesTo(article: Article, jurisdiction: Jurisdiction): boolean {
  return article.jurisdictions.includes('all') || article.jurisdictions.includes(jurisdiction);
}

/** The article as one employee reads it: the common part, their country's part, and who can help. */
export function articleText(article: Article, jurisdiction: Jurisdiction): string {
  const local = article.byJurisdiction[jurisdiction];
  return [article.common, local, article.help].filter(Boolean).join('\n\n');
}
