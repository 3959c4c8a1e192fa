import type { Draft } from '../../../../domain/draft.js';
import { requestFromDraft } from '../../../../domain/intake.js';
import { checkRelease, checkTeamNote, releaseCandidates } from '../../../../privacy/release.js';
import type { AppServices } from '../../../../services.js';
import { StoreNotDurableError } from '../../../../store/types.js';
import { submitDraft } from '../../../../workflows/submit.js';
import { decodeMetadata } from '../../../intake-metadata.js';
import { intakeScreen, reviewLetter } from '../../../intake-screen.js';
import { personOfView } from '../../../person.js';
import { provisionalProfile } from '../../../profile.js';
import { withNote } from '../../../views/with-note.js';
import type { ViewSubmitArgs } from '../../args.js';

const COULD_NOT_SEND =
  'I couldn’t send your request just now, so nothing has gone to HR yet. Your letter is safe here: please press Send to HR again in a moment.';
/** The request reached Redis, but Redis could not confirm it is safe (REDIS_DURABILITY). */
const SENT_NOT_SAFE =
  'Your request is saved, but I couldn’t yet confirm it is stored safely, so HR may not have it yet. Your letter is still here: please press Send to HR again in a moment to be sure.';

/**
 * "Send to HR" on the review: the request is stored through `decide`, with its effects (HR's card,
 * the employee's DM, the Home tab) in the outbox for the worker to deliver after the ack.
 */
export const sendRequest =
  (services: AppServices) =>
  async ({ ack, body, view }: ViewSubmitArgs): Promise<void> => {
    const { store } = services;
    const person = personOfView(body);
    const metadata = decodeMetadata(view.private_metadata);
    let conversation: Awaited<ReturnType<typeof store.conversations.get>>;
    try {
      conversation = await store.conversations.get(person.teamId, person.userId);
    } catch (error) {
      // The draft can't even be read: nothing was sent. The letter stays on screen as it is.
      services.logger.warn({ err: error }, 'could not read the draft to send it');
      await ack({ response_action: 'update', view: withNote(view, COULD_NOT_SEND) });
      return;
    }
    const draft: Draft | undefined = conversation?.draft;
    // Before the ack only what is remembered: the review already showed the name Slack gave.
    const profile = services.profiles.cached(person) ?? provisionalProfile(draft?.work?.timeZone);
    if (!metadata || !draft || draft.draftId !== metadata.draftId) {
      // A second click of "Send to HR": the first one already sent it.
      await ack({ response_action: 'clear' });
      return;
    }
    const complete = requestFromDraft(draft);
    if (!complete.ok) {
      await ack({
        response_action: 'update',
        view: intakeScreen(services, draft, profile, { step: 'review' }),
      });
      return;
    }
    // A letter that can't be written is never sent: the review says which part doesn't fit.
    if (reviewLetter(services, draft, profile).problem) {
      await ack({
        response_action: 'update',
        view: intakeScreen(services, draft, profile, { step: 'review' }),
      });
      return;
    }
    // Sending is the release: the words in the letter go to HR only if none of them, read alone or
    // together, names a health detail or holds an address. Otherwise the review says so inline.
    const release = checkRelease(releaseCandidates(complete.fields));
    // The note for the team goes to the manager under the same rule; the review says why if not.
    const teamNote = checkTeamNote(complete.fields);
    if (!release.ok || typeof teamNote === 'object') {
      await ack({
        response_action: 'update',
        view: intakeScreen(services, draft, profile, { step: 'review' }),
      });
      return;
    }
    let outcome: Awaited<ReturnType<typeof submitDraft>>;
    try {
      outcome = await submitDraft(services, {
        teamId: person.teamId,
        employee: { role: 'employee', id: person.userId },
        draft,
        fields: complete.fields,
        released: release.fields,
        teamNoteReleased: teamNote === 'ok',
      });
    } catch (error) {
      // Nothing was sent (or it was, but is not yet safe), and the draft is untouched: say which,
      // and keep the letter on screen. Pressing again sends it, or finds it sent and confirms it.
      services.logger.warn({ err: error }, 'could not submit a request');
      const note = error instanceof StoreNotDurableError ? SENT_NOT_SAFE : COULD_NOT_SEND;
      await ack({
        response_action: 'update',
        view: intakeScreen(services, draft, profile, { step: 'review', notes: [note] }),
      });
      return;
    }
    if (outcome.kind === 'refused') {
      await ack({
        response_action: 'update',
        view: intakeScreen(services, draft, profile, { step: 'review', notes: [outcome.message] }),
      });
      return;
    }
    await ack({ response_action: 'clear' });
  };
