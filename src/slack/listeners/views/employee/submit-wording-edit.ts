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
import { COULD_NOT_SAVE, firstInput, goneView } from './intake-form.js';
import { showReviewWithName } from './show-review-with-name.js';

/** "Save" on the wording form: the edited wording, back on the review. */
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
      await ack({
        response_action: 'update',
        view: saved ? intakeScreen(services, saved, profile, { step: 'review' }) : goneView(),
      });
      if (saved && !cached) await showReviewWithName(services, client, view.id, saved, person);
    } catch (error) {
      services.logger.warn({ err: error }, 'could not save the edited wording');
      await ack({ response_action: 'errors', errors: { [firstInput.wording]: COULD_NOT_SAVE } });
    }
  };
