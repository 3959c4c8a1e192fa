import { reasonWording } from '../../../../domain/disclosure.js';
import { applyDraftPatch, requestFromDraft } from '../../../../domain/intake.js';
import type { AppServices } from '../../../../services.js';
import { updateDraft } from '../../../../workflows/drafts.js';
import { decodeMetadata, encodeMetadata } from '../../../intake-metadata.js';
import { intakeScreen } from '../../../intake-screen.js';
import { personOfAction } from '../../../person.js';
import { preparingReviewView } from '../../../views/intake/index.js';
import type { ButtonArgs } from '../../args.js';

/** "Draft it for me" on the review: a "preparing" screen, then the drafter's wording in the letter. */
export const redraftWording =
  (services: AppServices) =>
  async ({ ack, body, client }: ButtonArgs): Promise<void> => {
    await ack();
    const { store } = services;
    const person = personOfAction(body);
    const metadata = decodeMetadata(body.view?.private_metadata);
    if (!body.view || !metadata) return;
    const shown = await client.views.update({
      view_id: body.view.id,
      view: preparingReviewView(encodeMetadata(metadata)),
    });
    const viewId = shown.view?.id ?? body.view.id;
    const draft = (await store.conversations.get(person.teamId, person.userId))?.draft;
    const profile = await services.profiles.load(client, person);
    if (!draft || draft.draftId !== metadata.draftId) return;
    const complete = requestFromDraft(draft);
    if (!complete.ok) {
      await client.views.update({
        view_id: viewId,
        view: intakeScreen(services, draft, profile, { step: 'review' }),
      });
      return;
    }
    const { fields } = complete;
    const drafted = await services.drafter.draftStatement({
      schedule: fields.schedule,
      work: fields.work,
      accommodations: fields.accommodations,
      ...(fields.sensitive.otherAccommodation
        ? { otherAccommodation: fields.sensitive.otherAccommodation }
        : {}),
      ...(fields.sensitive.constraintsNote ? { constraintsNote: fields.sensitive.constraintsNote } : {}),
      ...(fields.sensitive.coveragePlan ? { coverageNotes: fields.sensitive.coveragePlan } : {}),
      reasonWording: reasonWording(fields.disclosure.reason, fields.sensitive),
      jurisdiction: fields.disclosure.jurisdiction,
    });
    const saved = await updateDraft(
      store,
      person.teamId,
      person.userId,
      draft.draftId,
      services.now(),
      (current) =>
        applyDraftPatch(current, {
          sensitive: { statementOfNeed: drafted.statementOfNeed, coveragePlan: drafted.coveragePlan },
        }),
    );
    if (!saved) return;
    await client.views.update({
      view_id: viewId,
      view: intakeScreen(services, saved, profile, {
        step: 'review',
        ...(drafted.note ? { notes: [drafted.note] } : {}),
      }),
    });
  };
