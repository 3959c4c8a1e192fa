import type { webApi } from '@slack/bolt';
import { decideDraftNudge } from '../domain/draft-nudge.js';
import { sendingTo } from '../privacy/audience.js';
import type { AppServices } from '../services.js';
import { postingFor } from '../slack/app-posts.js';
import { directMessageChannel } from '../slack/direct-messages.js';
import { draftNudgeMessage } from '../slack/views/draft-nudge.js';
import type { ReminderRef, RemindOutcome } from './effect-queue.js';
import { quietUntil } from './quiet-hours.js';

/** Longer than any draft lives: a draft's nudge is claimed once for good. */
const REMEMBER_SECONDS = 180 * 24 * 3600;

/**
 * The `draft_idle` job: one warm nudge in the employee's DM about a draft left alone, sent at most
 * once per draft however many replicas or retries run the job (an atomic claim in the store), never
 * in their quiet hours (the job moves to their morning), and never once they turned nudges off.
 * It reads the draft and the preference as they are now; the draft's words are never read into it.
 */
export async function nudgeIdleDraft(
  services: AppServices,
  client: webApi.WebClient,
  ref: ReminderRef,
): Promise<RemindOutcome> {
  const { teamId, requestId: draftId, userId } = ref;
  if (!userId) return undefined;
  const [conversation, profile] = await Promise.all([
    services.store.conversations.get(teamId, userId),
    services.store.profiles.get(teamId, userId),
  ]);
  const now = services.now();
  const decision = decideDraftNudge({
    draft: conversation?.draft,
    draftId,
    profile,
    now,
    nudgeDays: services.config.draftNudgeDays,
  });
  if (decision.kind === 'later') return { later: decision.at };
  if (decision.kind === 'none') return undefined;
  const zone = conversation?.draft?.work?.timeZone ?? services.config.clocks.timeZone;
  const quiet = quietUntil(now, zone, services.config.clocks.quietHours);
  if (quiet) return { later: quiet };
  if (
    (await services.store.claimOnce(
      teamId,
      `nudged:draft:${draftId}`,
      now.toISOString(),
      REMEMBER_SECONDS,
    )) !== null
  )
    return undefined;
  const message = draftNudgeMessage();
  const channel = await directMessageChannel(client, userId);
  // Remembered as the employee's, so Delete my data removes it with the rest.
  await sendingTo('employee', () =>
    postingFor({ teamId, userId }, () =>
      client.chat.postMessage({ channel, text: message.text, blocks: message.blocks }),
    ),
  );
  services.logger.info('sent a draft nudge');
  return undefined;
}
