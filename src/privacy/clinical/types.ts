/** The kinds of clinical detail (class C3) the detector tells apart. */
export type ClinicalCategory =
  | 'condition'
  | 'substance_use'
  | 'medication'
  | 'treatment'
  | 'provider'
  | 'symptom'
  | 'support_group'
  | 'crisis'
  /** An email or web address: not a health detail by itself, but never released. */
  | 'contact';

/** A run of clinical detail in a text: UTF-16 offsets (JavaScript string indices), end exclusive. */
export interface ClinicalSpan {
  start: number;
  end: number;
  category: ClinicalCategory;
}
