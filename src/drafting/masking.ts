import { isCommonWord } from '../privacy/common-words.js';
import type { KnowledgeBase } from './knowledge.js';

/** What a masked word becomes in a prompt; the prompt tells the model never to repeat it. */
export const RARE_WORD_PLACEHOLDER = '[private word]';

/**
 * Rare-word masking for prompts (DESIGN.md 2.5): after redaction, every word outside the
 * common-English allowlist and the app's own vocabulary (the knowledge base's words) becomes a
 * placeholder, so a name the detector does not know ("Harborlight", a clinician, a street) never
 * reaches the model. Placeholders already in the text ("[health detail 1]") are left as they are.
 */
export function rareWordMasker(knowledge: KnowledgeBase): (text: string) => string {
  const own = new Set<string>();
  const addWords = (text: string) => {
    for (const word of text.toLowerCase().match(/[a-z][a-z'’-]*/g) ?? []) own.add(word.replaceAll('’', "'"));
  };
  for (const article of knowledge.articles) {
    for (const text of [article.title, article.common, article.help, ...article.search, ...article.asked])
      addWords(text);
    for (const text of Object.values(article.byJurisdiction)) addWords(text);
  }
  for (const group of knowledge.synonyms) for (const phrase of group) addWords(phrase);

  const known = (word: string) => own.has(word.toLowerCase().replaceAll('’', "'")) || isCommonWord(word);
  return (text) =>
    text
      .split(/(\[[^[\]\n]{1,60}\])/)
      .map((part, index) =>
        // Odd parts are placeholders the redactor put in: kept whole.
        index % 2 === 1
          ? part
          : part.replace(/[A-Za-z][A-Za-z'’-]*/g, (word) => (known(word) ? word : RARE_WORD_PLACEHOLDER)),
      )
      .join('');
}
