/** The modal's private_metadata: which draft it edits, and whether to come back to review after. */
export interface IntakeMetadata {
  readonly draftId: string;
  readonly backToReview?: boolean;
}

export function encodeMetadata(metadata: IntakeMetadata): string {
  return JSON.stringify({ d: metadata.draftId, ...(metadata.backToReview ? { r: 1 } : {}) });
}

export function decodeMetadata(raw: string | undefined): IntakeMetadata | undefined {
  try {
    const parsed = JSON.parse(raw ?? '') as { d?: unknown; r?: unknown };
    return typeof parsed.d === 'string' ? { draftId: parsed.d, backToReview: parsed.r === 1 } : undefined;
  } catch {
    return undefined;
  }
}
