import { applyDraftPartial, applyDraftPatch } from '../../../../domain/intake.js';
import type { AppServices } from '../../../../services.js';
import { scheduleDraftNudgeQuietly } from '../../../../workflows/draft-nudge.js';
import { updateDraft } from '../../../../workflows/drafts.js';
import { todayIn } from '../../../../workflows/request-letter.js';
import { decodeMetadata } from '../../../intake-metadata.js';
import { personOfView } from '../../../person.js';
import { publishHome } from '../../../publish-home.js';
import type { ViewClosedArgs } from '../../args.js';
import { type FormStep, forms } from './intake-form.js';

/** "Save for later" (or the close button): keep whatever was typed in the open form. */
export const saveIntakeStep =
  (services: AppServices, step: FormStep) =>
  async ({ ack, body, view, client }: ViewClosedArgs): Promise<void> => {
    await ack();
    const metadata = decodeMetadata(view.private_metadata);
    if (!metadata) return;
    const person = personOfView(body);
    const profile = await services.profiles.load(client, person);
    const now = services.now();
    const saved = await updateDraft(
      services.store,
      person.teamId,
      person.userId,
      metadata.draftId,
      now,
      (current) => {
        const result = forms[step](view.state.values, {
          today: todayIn(profile.timeZone, now),
          draft: current,
          employeeId: person.userId,
        });
        return result.ok
          ? applyDraftPatch(current, result.patch)
          : applyDraftPartial(current, result.partial);
      },
    );
    await scheduleDraftNudgeQuietly(services, person, saved);
    await publishHome(services, client, person);
  };
