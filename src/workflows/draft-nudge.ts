import type { Draft } from '../domain/draft.js';
import { draftNudgeDue, withDraftNudgesOff } from '../domain/draft-nudge.js';
import type { AppServices } from '../services.js';

interface Person {
  readonly teamId: string;
  readonly userId: string;
}

/**
 * Moves the draft's one nudge to DRAFT_NUDGE_DAYS after its last save: one delayed job per draft
 * (its id is the draft's), so saving again moves it rather than adding another. The job decides
 * when it runs whether a nudge is still called for (domain/draft-nudge.ts).
 */
export async function scheduleDraftNudge(
  services: Pick<AppServices, 'effects' | 'config' | 'now'>,
  person: Person,
  draft: Pick<Draft, 'draftId' | 'updatedAt'>,
): Promise<void> {
  const due = draftNudgeDue(draft, services.config.draftNudgeDays);
  // The due time is on the app's clock; the job queue waits on the wall clock.
  const wall = new Date(Date.now() + (due.getTime() - services.now().getTime()));
  await services.effects.scheduleReminder(
    { teamId: person.teamId, requestId: draft.draftId, reminder: 'draft_idle', userId: person.userId },
    wall,
  );
}

/**
 * The same, for a listener after its ack: a nudge that could not be scheduled is not worth failing
 * the save for, so it is logged (no content) and the draft stays as saved.
 */
export function scheduleDraftNudgeQuietly(
  services: Pick<AppServices, 'effects' | 'config' | 'now' | 'logger'>,
  person: Person,
  draft: Pick<Draft, 'draftId' | 'updatedAt'> | null | undefined,
): Promise<void> {
  if (!draft) return Promise.resolve();
  return scheduleDraftNudge(services, person, draft).catch((error: unknown) =>
    services.logger.warn({ code: (error as Error)?.name }, 'could not schedule the draft nudge'),
  );
}

/** "Don't remind me about drafts": kept on the person's profile; the nudge job reads it. */
export async function turnOffDraftNudges(
  services: Pick<AppServices, 'store' | 'now'>,
  person: Person,
): Promise<void> {
  const profile = await services.store.profiles.get(person.teamId, person.userId);
  const next = withDraftNudgesOff(profile, person, services.now());
  if (next !== profile) await services.store.profiles.save(next);
}
