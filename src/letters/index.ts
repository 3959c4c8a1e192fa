export { type ComposedLetter, composeLetter } from './compose.js';
export type { LetterBlock, LetterDocument } from './document.js';
export { type Jurisdiction, type LetterLocale, letterLocales } from './fields.js';
export { defaultLocale } from './format.js';
export {
  isLetterKind,
  type LetterData,
  type LetterKind,
  type LetterValues,
  letterKinds,
  letterSchemas,
} from './kinds.js';
export { type CanadianLaw, canadianLaws, lawFacts } from './law.js';
export { builtInTemplatesDir, type LoadTemplatesOptions, loadLetterTemplates } from './load-templates.js';
export { approvalForManager, type ManagerNotice, managerNoticeLines } from './manager.js';
export {
  type LetterFormat,
  letterFormats,
  type RenderedLetter,
  type RenderOptions,
  renderLetter,
} from './render.js';
export { escapeSlackText } from './slack-escape.js';
export {
  compileLetterTemplates,
  type LetterTemplates,
  TemplateCompileError,
  type TemplateSource,
} from './templates.js';
export {
  type FieldProblem,
  formatProblems,
  LetterDataError,
  parseLetterData,
  validateLetterData,
} from './validation.js';
