import { permit } from '../../../../domain/lifecycle/decide.js';
import type { AppServices } from '../../../../services.js';
import { lifecyclePolicy } from '../../../../workflows/lifecycle-policy.js';
import { tellInDm } from '../../../direct-messages.js';
import { personOfAction } from '../../../person.js';
import { extensionRequestView } from '../../../views/extension-request.js';
import type { ButtonArgs } from '../../args.js';
import { ownRequest } from './own-request.js';

/**
 * "Ask for an extension", from the review message or the Home tab: the form opens only when
 * sending it could work (the clicker's own arrangement, in place, no extension already waiting);
 * otherwise the DM says why, in decide's words.
 */
export const askForExtension =
  (services: AppServices) =>
  async ({ ack, body, action, client }: ButtonArgs): Promise<void> => {
    await ack();
    const person = personOfAction(body);
    const request = await ownRequest(services, person, action.value);
    if (!request) return;
    const refused = permit(
      request,
      'request_extension',
      { role: 'employee', id: person.userId },
      services.now(),
      lifecyclePolicy(services.config),
    );
    if (refused) {
      await tellInDm(client, person.userId, refused.message);
      return;
    }
    await client.views.open({
      trigger_id: body.trigger_id,
      view: extensionRequestView(request.id, request.approval?.pattern.endDate ?? request.schedule.endDate),
    });
  };
