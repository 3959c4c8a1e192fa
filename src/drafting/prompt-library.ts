import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bumped with the file names, so a change in wording is a visible, reviewable step. */
export const PROMPT_VERSION = 'v1';
/** The question prompt changed on its own when answers became grounded in the knowledge base. */
export const QUESTION_PROMPT_VERSION = 'v2';

export interface PromptLibrary {
  readonly version: string;
  /** System prompt for statements: static text, never holds user words. */
  readonly statementSystem: string;
  /** System prompt for questions: static text; the articles go in the user message. */
  readonly questionSystem: string;
}

export const DEFAULT_PROMPTS_DIR = fileURLToPath(new URL('../../prompts/', import.meta.url));

function readPromptFile(dir: string, name: string): string {
  try {
    return readFileSync(join(dir, name), 'utf8');
  } catch {
    throw new Error(
      `Prompt file ${name} could not be read from ${dir}: restore it from the repository's prompts/ folder or point promptsDir at a folder that has it.`,
    );
  }
}

/** Read once at start, so a missing or broken file stops start-up rather than a conversation. */
export function loadPromptLibrary(dir: string = DEFAULT_PROMPTS_DIR): PromptLibrary {
  return {
    version: PROMPT_VERSION,
    statementSystem: readPromptFile(dir, `statement-system.${PROMPT_VERSION}.txt`).trim(),
    questionSystem: readPromptFile(dir, `question-system.${QUESTION_PROMPT_VERSION}.txt`).trim(),
  };
}
