import type { AppServices } from '../../../../services.js';
import { turnOffDraftNudges } from '../../../../workflows/draft-nudge.js';
import { tellInDm } from '../../../direct-messages.js';
import { personOfAction } from '../../../person.js';
import { DRAFT_NUDGES_OFF_TEXT } from '../../../views/draft-nudge.js';
import type { ButtonArgs } from '../../args.js';

/** "Don't remind me about drafts", on the nudge: the preference is the clicker's own, and said back. */
export const turnOffDraftNudgesButton =
  (services: AppServices) =>
  async ({ ack, body, client }: ButtonArgs): Promise<void> => {
    await ack();
    const person = personOfAction(body);
    await turnOffDraftNudges(services, person);
    await tellInDm(client, person.userId, DRAFT_NUDGES_OFF_TEXT);
  };
