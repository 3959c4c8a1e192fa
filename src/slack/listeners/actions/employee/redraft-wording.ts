import { reasonWording } from '../../../../domain/disclosure.js';
import type { Draft } from '../../../../domain/draft.js';
import { applyDraftPatch, requestFromDraft } from '../../../../domain/intake.js';
import { typedByPerson } from '../../../../privacy/private-text.js';
import { previewRelease } from '../../../../privacy/release.js';
import type { AppServices } from '../../../../services.js';
import { updateDraft } from '../../../../workflows/drafts.js';
import { decodeMetadata, encodeMetadata } from '../../../intake-metadata.js';
import { intakeScreen, reviewLetter } from '../../../intake-screen.js';
import { type Person, personOfAction } from '../../../person.js';
import { provisionalProfile } from '../../../profile.js';
import { preparingReviewView } from '../../../views/intake/index.js';
import type { ButtonArgs } from '../../args.js';

const COULD_NOT_REDRAFT =
  'I couldn’t redraft the wording just now, so your letter is as it was. Your answers are saved.';
const DID_NOT_FIT =
  'The suggested wording was longer than the letter allows, so I kept yours. You can shorten or change it with *Edit wording*.';

/**
 * "Redraft with the assistant" on the review: a "preparing" screen, then the drafter's wording in
 * the letter. Whatever fails after the "preparing" screen, the person is brought back to the
 * review of what is saved, with a note: the modal is never left on "Putting your letter together".
 */
export const redraftWording =
  (services: AppServices) =>
  async ({ ack, body, client }: ButtonArgs): Promise<void> => {
    await ack();
    const { store } = services;
    const person = personOfAction(body);
    const metadata = decodeMetadata(body.view?.private_metadata);
    if (!body.view || !metadata) return;
    // Whose draft first: a click naming someone else's draft changes no screen at all.
    const draft = (await store.conversations.get(person.teamId, person.userId))?.draft;
    if (!draft || draft.draftId !== metadata.draftId) return;
    const shown = await client.views.update({
      view_id: body.view.id,
      hash: body.view.hash,
      view: preparingReviewView(encodeMetadata(metadata)),
    });
    const viewId = shown.view?.id ?? body.view.id;
    const backToReview = async (draft: Draft, notes: string[]) => {
      const profile = await services.profiles.load(client, person);
      await client.views.update({
        view_id: viewId,
        ...(shown.view?.hash ? { hash: shown.view.hash } : {}),
        view: intakeScreen(services, draft, profile, { step: 'review', notes }),
      });
    };
    try {
      const note = await redraft(services, person, draft);
      const saved = (await store.conversations.get(person.teamId, person.userId))?.draft ?? draft;
      await backToReview(saved, note ? [note] : []);
    } catch (error) {
      services.logger.warn({ err: error }, 'could not redraft the wording');
      await backToReview(draft, [COULD_NOT_REDRAFT]);
    }
  };

/** Drafts new wording and saves it only if the letter can still be written with it. */
async function redraft(services: AppServices, person: Person, draft: Draft): Promise<string | undefined> {
  const { store } = services;
  const complete = requestFromDraft(draft);
  if (!complete.ok) return undefined;
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
    reasonWording: reasonWording(fields.disclosure.reason, previewRelease(fields)),
    jurisdiction: fields.disclosure.jurisdiction,
  });
  const patch = {
    // The drafted wording is the employee's to keep or change: their words from here on.
    sensitive: {
      statementOfNeed: typedByPerson(drafted.statementOfNeed),
      coveragePlan: typedByPerson(drafted.coveragePlan),
    },
  };
  // Saved only if the letter can still be written with it: a draft that can't become a letter
  // would keep failing on every screen that shows it.
  const profile = services.profiles.cached(person) ?? provisionalProfile(draft.work?.timeZone);
  if (reviewLetter(services, applyDraftPatch(draft, patch), profile).problem) return DID_NOT_FIT;
  await updateDraft(store, person.teamId, person.userId, draft.draftId, services.now(), (current) =>
    applyDraftPatch(current, patch),
  );
  return drafted.note;
}
