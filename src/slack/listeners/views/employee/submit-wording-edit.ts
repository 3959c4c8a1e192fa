import type { webApi } from '@slack/bolt';
import { applyDraftPatch, validateWordingEdit } from '../../../../domain/intake.js';
import type { AppServices } from '../../../../services.js';
import { updateDraft } from '../../../../workflows/drafts.js';
import { todayIn } from '../../../../workflows/request-letter.js';
import { decodeMetadata } from '../../../intake-metadata.js';
import { intakeScreen } from '../../../intake-screen.js';
import { personOfView } from '../../../person.js';
import { provisionalProfile } from '../../../profile.js';
import { readWordingEdit } from '../../../state.js';
import type { ViewSubmitArgs } from '../../args.js';
import { couldNotSave, firstInput, goneView } from './intake-form.js';
import { showReviewWithName } from './show-review-with-name.js';

/** "Save" on the wording form: the edited wording, back on the review it was opened from. */
export const submitWordingEdit =
  (services: AppServices) =>
  async ({ ack, body, view, client }: ViewSubmitArgs): Promise<void> => {
    const { store } = services;
    const person = personOfView(body);
    const metadata = decodeMetadata(view.private_metadata);
    // Crisis language never reaches this handler: the crisis middleware answers it first.
    const now = services.now();
    try {
      const draft = (await store.conversations.get(person.teamId, person.userId))?.draft;
      // Before the ack only what is remembered: Slack is asked for the profile afterwards.
      const cached = services.profiles.cached(person);
      const profile = cached ?? provisionalProfile(draft?.work?.timeZone);
      if (!metadata || !draft || draft.draftId !== metadata.draftId) {
        await ack({ response_action: 'update', view: goneView() });
        return;
      }
      const result = validateWordingEdit(readWordingEdit(view.state.values), {
        today: todayIn(profile.timeZone, now),
        draft,
      });
      if (!result.ok) {
        await ack({ response_action: 'errors', errors: result.errors });
        return;
      }
      const saved = await updateDraft(store, person.teamId, person.userId, draft.draftId, now, (current) =>
        applyDraftPatch(current, result.patch),
      );
      const review = view.previous_view_id;
      if (!saved || !review) {
        // An editor from before it was pushed over the review: it takes the review's place.
        await ack({
          response_action: 'update',
          view: saved ? intakeScreen(services, saved, profile, { step: 'review' }) : goneView(),
        });
        if (saved && !cached) await showReviewWithName(services, client, view.id, saved, person);
        return;
      }
      // The editor closes, uncovering the review below it, which then shows the new wording.
      await ack();
      try {
        const named = cached ?? (await services.profiles.load(client, person));
        await updateReview(
          client,
          review,
          metadata.reviewHash,
          intakeScreen(services, saved, named, { step: 'review' }),
        );
      } catch (error) {
        // The wording is saved: the review shows it the next time it is opened.
        services.logger.warn({ err: error }, 'could not show the review again after the wording was saved');
      }
    } catch (error) {
      services.logger.warn({ err: error }, 'could not save the edited wording');
      await ack({ response_action: 'errors', errors: { [firstInput.wording]: couldNotSave(error) } });
    }
  };

/**
 * The review under the editor, shown again from the draft just saved. With the hash it had when the
 * editor opened; if something changed the review since, it is shown again all the same, since
 * nothing is newer than the draft just saved.
 */
async function updateReview(
  client: webApi.WebClient,
  viewId: string,
  hash: string | undefined,
  view: ReturnType<typeof intakeScreen>,
): Promise<void> {
  try {
    await client.views.update({ view_id: viewId, view, ...(hash ? { hash } : {}) });
  } catch (error) {
    if (!hash || (error as { data?: { error?: unknown } }).data?.error !== 'hash_conflict') throw error;
    await client.views.update({ view_id: viewId, view });
  }
}
