import { draftForItsAuthor } from '../../../../domain/draft.js';
import { requestFromDraft } from '../../../../domain/intake.js';
import { statementOpening } from '../../../../drafting/wording.js';
import { previewRelease } from '../../../../privacy/release.js';
import type { AppServices } from '../../../../services.js';
import { decodeMetadata, encodeMetadata } from '../../../intake-metadata.js';
import { personOfAction } from '../../../person.js';
import { editWordingView } from '../../../views/intake/index.js';
import type { ButtonArgs } from '../../args.js';

/**
 * "Edit wording" on the review: the letter's own-words parts, in a form of their own, pushed over
 * the review (not put in its place), so that its Back button shows the review again as it was.
 */
export const editWording =
  (services: AppServices) =>
  async ({ ack, body, client }: ButtonArgs): Promise<void> => {
    await ack();
    const person = personOfAction(body);
    const metadata = decodeMetadata(body.view?.private_metadata);
    const draft = (await services.store.conversations.get(person.teamId, person.userId))?.draft;
    if (!body.view || !metadata || !draft || draft.draftId !== metadata.draftId) return;
    const complete = requestFromDraft(draft);
    const currentStatement = complete.ok
      ? statementOpening(complete.fields.disclosure.reason, previewRelease(complete.fields))
      : undefined;
    await client.views.push({
      trigger_id: body.trigger_id,
      view: editWordingView({
        draft: draftForItsAuthor(draft),
        privateMetadata: encodeMetadata({ ...metadata, reviewHash: body.view.hash }),
        ...(currentStatement ? { currentStatement } : {}),
      }),
    });
  };
