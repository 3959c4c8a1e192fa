import type { AppServices } from '../../../../services.js';
import { openDraft } from '../../../../workflows/drafts.js';
import { intakeScreen } from '../../../intake-screen.js';
import { personOfAction } from '../../../person.js';
import { publishHome } from '../../../publish-home.js';
import type { ButtonArgs } from '../../args.js';

/** "I understand" on the privacy notice: remember it, and go straight on to the first step. */
export const acceptPrivacyNotice =
  (services: AppServices) =>
  async ({ ack, body, client }: ButtonArgs): Promise<void> => {
    await ack();
    const { store } = services;
    const person = personOfAction(body);
    const now = services.now();
    const profile = (await store.profiles.get(person.teamId, person.userId)) ?? person;
    await store.profiles.save({ ...profile, noticeAcceptedAt: now.toISOString() });
    const [{ draft }, slack] = await Promise.all([
      openDraft(store, person.teamId, person.userId, now),
      services.profiles.load(client, person),
    ]);
    if (body.view)
      await client.views.update({
        view_id: body.view.id,
        hash: body.view.hash,
        view: intakeScreen(services, draft, slack),
      });
    await publishHome(services, client, person);
  };
