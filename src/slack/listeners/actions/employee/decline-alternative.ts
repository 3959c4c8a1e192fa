import { permit } from '../../../../domain/lifecycle/decide.js';
import type { AppServices } from '../../../../services.js';
import { lifecyclePolicy } from '../../../../workflows/lifecycle-policy.js';
import { tellInDm } from '../../../direct-messages.js';
import { personOfAction } from '../../../person.js';
import { declineAlternativeView } from '../../../views/decline-alternative.js';
import type { ButtonArgs } from '../../args.js';

/** "Decline" on HR's suggestion: a form for an optional comment, if declining can still work. */
export const declineAlternative =
  (services: AppServices) =>
  async ({ ack, body, action, client }: ButtonArgs): Promise<void> => {
    await ack();
    const person = personOfAction(body);
    const request = await services.store.requests.get(person.teamId, action.value ?? '');
    const refused = permit(
      request,
      'decline_alternative',
      { role: 'employee', id: person.userId },
      services.now(),
      lifecyclePolicy(services.config),
    );
    if (refused || !request) {
      await tellInDm(client, person.userId, refused?.message ?? 'That request no longer exists.');
      return;
    }
    await client.views.open({ trigger_id: body.trigger_id, view: declineAlternativeView(request.id) });
  };
