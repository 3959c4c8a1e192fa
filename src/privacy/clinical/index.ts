export { detectAcrossFields, detectClinical, isClinical, isClinicalAcross } from './detect.js';
export { type Redaction, type RedactOptions, redactClinical } from './redact.js';
export type { ClinicalCategory, ClinicalSpan } from './types.js';
