import type { AppServices } from '../../../../services.js';
import { noticeView } from '../../../open-start.js';
import { personOfAction } from '../../../person.js';
import type { ButtonArgs } from '../../args.js';

/** "Privacy notice" on Home: the notice again, marked as accepted when it was. */
export const readPrivacyNotice =
  (services: AppServices) =>
  async ({ ack, body, client }: ButtonArgs): Promise<void> => {
    await ack();
    const person = personOfAction(body);
    const profile = await services.store.profiles.get(person.teamId, person.userId);
    await client.views.open({
      trigger_id: body.trigger_id,
      view: noticeView(services, Boolean(profile?.noticeAcceptedAt)),
    });
  };
