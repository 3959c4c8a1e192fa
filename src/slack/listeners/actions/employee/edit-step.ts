import type { IntakeStep } from '../../../../domain/draft.js';
import type { AppServices } from '../../../../services.js';
import { decodeMetadata } from '../../../intake-metadata.js';
import { intakeScreen } from '../../../intake-screen.js';
import { personOfAction } from '../../../person.js';
import type { ButtonArgs } from '../../args.js';

/** "Change" next to a step on the review: that step's form, coming back to the review after. */
export const editStep =
  (services: AppServices, step: Exclude<IntakeStep, 'review'>) =>
  async ({ ack, body, client }: ButtonArgs): Promise<void> => {
    await ack();
    const person = personOfAction(body);
    const metadata = decodeMetadata(body.view?.private_metadata);
    const draft = (await services.store.conversations.get(person.teamId, person.userId))?.draft;
    if (!body.view || !metadata || !draft || draft.draftId !== metadata.draftId) return;
    const profile = await services.profiles.load(client, person);
    await client.views.update({
      view_id: body.view.id,
      hash: body.view.hash,
      view: intakeScreen(services, draft, profile, { step, backToReview: true }),
    });
  };
