import type { ReasonChoice } from './request.js';

/** The wording each disclosure choice puts in the letter. The default names no condition. */
export const reasonWordings: Readonly<Record<Exclude<ReasonChoice, 'own_words'>, string>> = {
  functional: 'a scheduled outpatient medical treatment program',
  program: 'an intensive outpatient program',
};

/** The reason as the letter will say it: the employee's own words only when they chose that. */
export function reasonWording(
  choice: ReasonChoice | undefined,
  words: { readonly reasonOwnWords?: string | undefined },
): string {
  if (choice === 'own_words' && words.reasonOwnWords?.trim()) return words.reasonOwnWords.trim();
  if (choice === 'program') return reasonWordings.program;
  return reasonWordings.functional;
}
