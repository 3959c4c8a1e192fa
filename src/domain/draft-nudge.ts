import type { Draft, EmployeeProfile } from './draft.js';

/**
 * Whether a draft left alone gets its one gentle nudge now. Pure, like `decide`: the job that asks
 * reads the draft and the person's preference as they are when it runs, so a draft saved since
 * (the nudge moves later), sent or deleted (nothing), or nudges turned off (nothing) never gets a
 * nudge meant for an older state. "Once" is the store's claim, per draft.
 */
export type DraftNudgeDecision =
  | { readonly kind: 'send' }
  | { readonly kind: 'later'; readonly at: Date }
  | { readonly kind: 'none'; readonly why: 'draft_gone' | 'turned_off' };

const DAY_MS = 86_400_000;
/** A delayed job may fire a moment early. */
const LEEWAY_MS = 1000;

export function draftNudgeDue(draft: Pick<Draft, 'updatedAt'>, nudgeDays: number): Date {
  return new Date(Date.parse(draft.updatedAt) + nudgeDays * DAY_MS);
}

export function decideDraftNudge(input: {
  readonly draft: Draft | undefined;
  readonly draftId: string;
  readonly profile: EmployeeProfile | null;
  readonly now: Date;
  readonly nudgeDays: number;
}): DraftNudgeDecision {
  const { draft, profile, now } = input;
  if (!draft || draft.draftId !== input.draftId) return { kind: 'none', why: 'draft_gone' };
  if (profile?.draftNudgesOffAt) return { kind: 'none', why: 'turned_off' };
  const due = draftNudgeDue(draft, input.nudgeDays);
  if (now.getTime() + LEEWAY_MS < due.getTime()) return { kind: 'later', at: due };
  return { kind: 'send' };
}

/** The preference "Don't remind me about drafts", kept with the person's other C0 facts. */
export function withDraftNudgesOff(
  profile: EmployeeProfile | null,
  person: { readonly teamId: string; readonly userId: string },
  now: Date,
): EmployeeProfile {
  if (profile?.draftNudgesOffAt) return profile;
  return {
    ...(profile ?? { teamId: person.teamId, userId: person.userId }),
    draftNudgesOffAt: now.toISOString(),
  };
}
