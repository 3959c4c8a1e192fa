import { maskForModel } from '../privacy/mask.js';
import type { KnowledgeBase } from './knowledge.js';

/**
 * Rare-word masking for the assistant's prompts (DESIGN.md 2.5), by the privacy layer's own
 * `maskForModel`: after redaction, every word outside the common-English allowlist and the app's
 * vocabulary becomes `[word n]`. The knowledge base's own words are kept too ("FMLA", "Acas",
 * "probation"), so a question is masked no harder than the articles it is matched against.
 */
export function rareWordMasker(knowledge: KnowledgeBase): (text: string) => string {
  const own = new Set<string>();
  const addWords = (text: string) => {
    for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu) ?? []) own.add(word);
  };
  for (const article of knowledge.articles) {
    for (const text of [article.title, article.common, article.help, ...article.search, ...article.asked])
      addWords(text);
    for (const text of Object.values(article.byJurisdiction)) addWords(text);
  }
  for (const group of knowledge.synonyms) for (const phrase of group) addWords(phrase);
  return (text) => maskForModel(text, { keep: own }).text;
}
