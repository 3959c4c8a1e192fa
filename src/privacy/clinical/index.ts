export {
  type DetectOptions,
  detectAcrossFields,
  detectClinical,
  detectPrivate,
  isClinical,
  isClinicalAcross,
  isPrivateAcross,
} from './detect.js';
export { type Redaction, type RedactOptions, redactClinical } from './redact.js';
export type { ClinicalCategory, ClinicalSpan } from './types.js';
