/** The modal's private_metadata: which draft it edits, and whether to come back to review after. */
export interface IntakeMetadata {
  readonly draftId: string;
  readonly backToReview?: boolean;
  /**
   * On the wording editor, pushed over the review: the review's hash when the editor opened, so
   * the review is updated only if nothing else changed it meanwhile.
   */
  readonly reviewHash?: string;
}

export function encodeMetadata(metadata: IntakeMetadata): string {
  return JSON.stringify({
    d: metadata.draftId,
    ...(metadata.backToReview ? { r: 1 } : {}),
    ...(metadata.reviewHash ? { h: metadata.reviewHash } : {}),
  });
}

export function decodeMetadata(raw: string | undefined): IntakeMetadata | undefined {
  try {
    const parsed = JSON.parse(raw ?? '') as { d?: unknown; r?: unknown; h?: unknown };
    if (typeof parsed.d !== 'string') return undefined;
    return {
      draftId: parsed.d,
      backToReview: parsed.r === 1,
      ...(typeof parsed.h === 'string' ? { reviewHash: parsed.h } : {}),
    };
  } catch {
    return undefined;
  }
}
