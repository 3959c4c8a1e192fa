import type { IntakeStep } from '../../../../domain/draft.js';
import { applyDraftPartial, applyDraftPatch, nextIntakeStep } from '../../../../domain/intake.js';
import type { AppServices } from '../../../../services.js';
import { scheduleDraftNudgeQuietly } from '../../../../workflows/draft-nudge.js';
import { updateDraft } from '../../../../workflows/drafts.js';
import { todayIn } from '../../../../workflows/request-letter.js';
import { decodeMetadata } from '../../../intake-metadata.js';
import { intakeScreen } from '../../../intake-screen.js';
import { personOfView } from '../../../person.js';
import { provisionalProfile } from '../../../profile.js';
import type { ViewSubmitArgs } from '../../args.js';
import { couldNotSave, type FormStep, firstInput, forms, furthest, goneView } from './intake-form.js';
import { showReviewWithName } from './show-review-with-name.js';

/** "Next" on one of the four intake forms: check it, save it, and show the next step (or errors). */
export const submitIntakeStep =
  (services: AppServices, step: FormStep) =>
  async ({ ack, body, view, client }: ViewSubmitArgs): Promise<void> => {
    const { store } = services;
    const person = personOfView(body);
    // Crisis language never reaches this handler: the crisis middleware answers it first.
    const metadata = decodeMetadata(view.private_metadata);
    const now = services.now();
    try {
      const conversation = await store.conversations.get(person.teamId, person.userId);
      const draft = conversation?.draft;
      // Before the ack only what is remembered: Slack is asked for the profile afterwards.
      const cached = services.profiles.cached(person);
      const profile = cached ?? provisionalProfile(draft?.work?.timeZone);
      if (!metadata || !draft || draft.draftId !== metadata.draftId) {
        await ack({ response_action: 'update', view: goneView() });
        return;
      }
      const result = forms[step](view.state.values, {
        today: todayIn(profile.timeZone, now),
        draft,
        employeeId: person.userId,
      });
      if (!result.ok) {
        // Keep what was typed even though it is not finished, in case the form is closed now.
        await updateDraft(store, person.teamId, person.userId, draft.draftId, now, (current) =>
          applyDraftPartial(current, result.partial),
        );
        await ack({ response_action: 'errors', errors: result.errors });
        return;
      }
      const next: IntakeStep = metadata.backToReview ? 'review' : nextIntakeStep(step);
      const saved = await updateDraft(store, person.teamId, person.userId, draft.draftId, now, (current) => ({
        ...applyDraftPatch(current, result.patch),
        step: furthest(current.step, next),
      }));
      if (!saved) {
        await ack({ response_action: 'update', view: goneView() });
        return;
      }
      await ack({
        response_action: 'update',
        view: intakeScreen(services, saved, profile, { step: next, notes: result.notes }),
      });
      // Saved now: its one nudge moves to DRAFT_NUDGE_DAYS from now.
      await scheduleDraftNudgeQuietly(services, person, saved);
      if (!cached && next === 'review') {
        await showReviewWithName(services, client, view.id, saved, person, result.notes);
      }
    } catch (error) {
      services.logger.warn({ err: error, step }, 'could not save an intake step');
      await ack({ response_action: 'errors', errors: { [firstInput[step]]: couldNotSave(error) } });
    }
  };
