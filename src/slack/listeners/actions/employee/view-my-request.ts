import { projectForHr } from '../../../../domain/projections.js';
import { statusLabels } from '../../../../domain/status.js';
import type { AppServices } from '../../../../services.js';
import { hrLetterText } from '../../../hr-letter.js';
import { personOfAction } from '../../../person.js';
import { requestLetterView } from '../../../views/my-data.js';
import type { ButtonArgs } from '../../args.js';
import { ownRequest } from './own-request.js';

/** "View" on one of the employee's requests: the letter exactly as HR received it. */
export const viewMyRequest =
  (services: AppServices) =>
  async ({ ack, body, action, client }: ButtonArgs): Promise<void> => {
    await ack();
    const person = personOfAction(body);
    const request = await ownRequest(services, person, action.value);
    if (!request) return;
    const profile = await services.profiles.load(client, person);
    await client.views.open({
      trigger_id: body.trigger_id,
      view: requestLetterView({
        reference: request.id,
        statusLabel: statusLabels[request.status],
        letterText: hrLetterText(services, projectForHr(request), profile.name),
        footnote: 'This is the letter HR received. Your private note is not part of it.',
      }),
    });
  };
