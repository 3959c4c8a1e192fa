import { crisisCountryForTimeZone } from '../../../../domain/country.js';
import { applyDraftPatch, validateWordingEdit } from '../../../../domain/intake.js';
import { crisisReply, detectCrisis } from '../../../../privacy/crisis.js';
import type { AppServices } from '../../../../services.js';
import { updateDraft } from '../../../../workflows/drafts.js';
import { todayIn } from '../../../../workflows/request-letter.js';
import { decodeMetadata } from '../../../intake-metadata.js';
import { intakeScreen } from '../../../intake-screen.js';
import { personOfView } from '../../../person.js';
import { slackProfile } from '../../../profile.js';
import { readWordingEdit } from '../../../state.js';
import type { ViewSubmitArgs } from '../../args.js';
import { COULD_NOT_SAVE, crisisView, firstInput, goneView, typedValues } from './intake-form.js';

/** "Save" on the wording form: the edited wording, back on the review. */
export const submitWordingEdit =
  (services: AppServices) =>
  async ({ ack, body, view, client }: ViewSubmitArgs): Promise<void> => {
    const { store } = services;
    const person = personOfView(body);
    const metadata = decodeMetadata(view.private_metadata);
    const profile = await slackProfile(client, person.userId);
    if (typedValues(view).some(detectCrisis)) {
      await ack({
        response_action: 'push',
        view: crisisView(crisisReply(crisisCountryForTimeZone(profile.timeZone))),
      });
      return;
    }
    const now = services.now();
    try {
      const draft = (await store.conversations.get(person.teamId, person.userId))?.draft;
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
    } catch (error) {
      services.logger.warn({ err: error }, 'could not save the edited wording');
      await ack({ response_action: 'errors', errors: { [firstInput.wording]: COULD_NOT_SAVE } });
    }
  };
