import type { App, ViewOutput } from '@slack/bolt';
import type { AppServices } from '../../../app.js';
import { crisisCountryForTimeZone } from '../../../domain/country.js';
import { type Draft, type IntakeStep, intakeSteps } from '../../../domain/draft.js';
import {
  applyDraftPatch,
  type IntakeContext,
  nextIntakeStep,
  requestFromDraft,
  type StepResult,
  validateDisclosureStep,
  validateHelpStep,
  validateScheduleStep,
  validateWordingEdit,
  validateWorkStep,
} from '../../../domain/intake.js';
import { crisisReply, detectCrisis } from '../../../privacy/crisis.js';
import { updateDraft } from '../../../workflows/drafts.js';
import { deleteMyData } from '../../../workflows/my-data.js';
import { todayIn } from '../../../workflows/request-letter.js';
import { submitDraft } from '../../../workflows/submit.js';
import { applyEvent, TransitionRefusedError } from '../../../workflows/transitions.js';
import {
  readDisclosureStep,
  readHelpStep,
  readScheduleStep,
  readWordingEdit,
  readWorkStep,
} from '../../state.js';
import { modal, section, type View } from '../../views/blocks.js';
import { hrRequestCard } from '../../views/hr-card.js';
import { intakeCallbackIds, intakeInputIds } from '../../views/intake/index.js';
import { submittedMessage } from '../../views/messages.js';
import { myDataIds } from '../../views/my-data.js';
import {
  decodeMetadata,
  directMessageChannel,
  hrDestinations,
  intakeScreen,
  type Person,
  postSentence,
  publishHome,
  slackProfile,
  tellInDm,
} from '../journey.js';

type FormStep = Exclude<IntakeStep, 'review'>;

/** Each form step: how to read its inputs and check them. Pure functions from the domain. */
const forms: Record<FormStep, (values: unknown, context: IntakeContext) => StepResult> = {
  schedule: (values, context) => validateScheduleStep(readScheduleStep(values), context),
  work: (values, context) => validateWorkStep(readWorkStep(values), context),
  help: (values, context) => validateHelpStep(readHelpStep(values), context),
  disclosure: (values, context) => validateDisclosureStep(readDisclosureStep(values), context),
};

/** Where a "could not save" message goes: the first input of the form, so Slack shows it inline. */
const firstInput: Record<FormStep | 'wording', string> = {
  schedule: intakeInputIds.schedule.days,
  work: intakeInputIds.work.days,
  help: intakeInputIds.help.accommodations,
  disclosure: intakeInputIds.disclosure.reason,
  wording: intakeInputIds.wording.statementOfNeed,
};

const COULD_NOT_SAVE =
  'I couldn’t save that just now. Everything you typed is still here: please press the button again in a moment.';

const COULD_NOT_SEND =
  'I couldn’t send your request just now, so nothing has gone to HR yet. Your letter is safe here: please press Send to HR again in a moment.';

const goneView = (): View =>
  modal({
    callbackId: 'intake_gone',
    title: 'Already sent',
    close: 'Close',
    blocks: [
      section(
        'This draft has already been sent or deleted, so there’s nothing more to do here. ' +
          'Your requests are on the Home tab.',
      ),
    ],
  });

const crisisView = (reply: string): View =>
  modal({ callbackId: 'crisis_support', title: 'You’re not alone', close: 'Back', blocks: [section(reply)] });

function typedValues(view: ViewOutput): string[] {
  return Object.values(view.state.values).flatMap((block) =>
    Object.values(block).flatMap((element) => (typeof element.value === 'string' ? [element.value] : [])),
  );
}

export function register(app: App, services: AppServices): void {
  const { store } = services;

  for (const step of Object.keys(forms) as FormStep[]) {
    app.view(intakeCallbackIds[step], async ({ ack, body, view, client }) => {
      const person: Person = { teamId: body.team?.id ?? '', userId: body.user.id };
      const profile = await slackProfile(client, person.userId);
      // Crisis language is answered before anything else, and that text is never saved.
      if (typedValues(view).some(detectCrisis)) {
        await ack({
          response_action: 'push',
          view: crisisView(crisisReply(crisisCountryForTimeZone(profile.timeZone))),
        });
        return;
      }
      const metadata = decodeMetadata(view.private_metadata);
      const now = services.now();
      try {
        const conversation = await store.conversations.get(person.teamId, person.userId);
        const draft = conversation?.draft;
        if (!metadata || !draft || draft.draftId !== metadata.draftId) {
          await ack({ response_action: 'update', view: goneView() });
          return;
        }
        const result = forms[step](view.state.values, { today: todayIn(profile.timeZone, now), draft });
        if (!result.ok) {
          // Keep what was typed even though it is not finished, in case the form is closed now.
          await updateDraft(store, person.teamId, person.userId, draft.draftId, now, (current) =>
            applyDraftPatch(current, result.partial),
          );
          await ack({ response_action: 'errors', errors: result.errors });
          return;
        }
        const next: IntakeStep = metadata.backToReview ? 'review' : nextIntakeStep(step);
        const saved = await updateDraft(
          store,
          person.teamId,
          person.userId,
          draft.draftId,
          now,
          (current) => ({
            ...applyDraftPatch(current, result.patch),
            step: furthest(current.step, next),
          }),
        );
        if (!saved) {
          await ack({ response_action: 'update', view: goneView() });
          return;
        }
        await ack({
          response_action: 'update',
          view: intakeScreen(services, saved, profile, { step: next, notes: result.notes }),
        });
      } catch (error) {
        services.logger.warn({ err: error, step }, 'could not save an intake step');
        await ack({ response_action: 'errors', errors: { [firstInput[step]]: COULD_NOT_SAVE } });
      }
    });

    // "Save for later" (or the close button): keep whatever was typed in the open form.
    app.view(
      { callback_id: intakeCallbackIds[step], type: 'view_closed' },
      async ({ ack, body, view, client }) => {
        await ack();
        if (typedValues(view).some(detectCrisis)) return;
        const metadata = decodeMetadata(view.private_metadata);
        if (!metadata) return;
        const person: Person = { teamId: body.team?.id ?? '', userId: body.user.id };
        const profile = await slackProfile(client, person.userId);
        const now = services.now();
        await updateDraft(store, person.teamId, person.userId, metadata.draftId, now, (current) => {
          const result = forms[step](view.state.values, {
            today: todayIn(profile.timeZone, now),
            draft: current,
          });
          return applyDraftPatch(current, result.ok ? result.patch : result.partial);
        });
        await publishHome(services, client, person);
      },
    );
  }

  // Closing the review (or the moment while the letter is prepared) loses nothing: every step is saved.
  for (const callbackId of [intakeCallbackIds.review, intakeCallbackIds.preparing]) {
    app.view({ callback_id: callbackId, type: 'view_closed' }, async ({ ack, body, client }) => {
      await ack();
      await publishHome(services, client, { teamId: body.team?.id ?? '', userId: body.user.id });
    });
  }

  app.view(intakeCallbackIds.editWording, async ({ ack, body, view, client }) => {
    const person: Person = { teamId: body.team?.id ?? '', userId: body.user.id };
    const metadata = decodeMetadata(view.private_metadata);
    const profile = await slackProfile(client, person.userId);
    if (typedValues(view).some(detectCrisis)) {
      await ack({
        response_action: 'push',
        view: crisisView(crisisReply(crisisCountryForTimeZone(profile.timeZone))),
      });
      return;
    }
    const now = services.now();
    try {
      const draft = (await store.conversations.get(person.teamId, person.userId))?.draft;
      if (!metadata || !draft || draft.draftId !== metadata.draftId) {
        await ack({ response_action: 'update', view: goneView() });
        return;
      }
      const result = validateWordingEdit(readWordingEdit(view.state.values), {
        today: todayIn(profile.timeZone, now),
        draft,
      });
      if (!result.ok) {
        await ack({ response_action: 'errors', errors: result.errors });
        return;
      }
      const saved = await updateDraft(store, person.teamId, person.userId, draft.draftId, now, (current) =>
        applyDraftPatch(current, result.patch),
      );
      await ack({
        response_action: 'update',
        view: saved ? intakeScreen(services, saved, profile, { step: 'review' }) : goneView(),
      });
    } catch (error) {
      services.logger.warn({ err: error }, 'could not save the edited wording');
      await ack({ response_action: 'errors', errors: { [firstInput.wording]: COULD_NOT_SAVE } });
    }
  });

  app.view(intakeCallbackIds.review, async ({ ack, body, view, client }) => {
    const person: Person = { teamId: body.team?.id ?? '', userId: body.user.id };
    const metadata = decodeMetadata(view.private_metadata);
    const [profile, conversation] = await Promise.all([
      slackProfile(client, person.userId),
      store.conversations.get(person.teamId, person.userId),
    ]);
    const draft: Draft | undefined = conversation?.draft;
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
    let outcome: Awaited<ReturnType<typeof submitDraft>>;
    try {
      outcome = await submitDraft(store, {
        teamId: person.teamId,
        employee: { role: 'employee', id: person.userId },
        draft,
        fields: complete.fields,
        now: services.now(),
      });
    } catch (error) {
      // Nothing was sent, and the draft is untouched: say so, and keep the letter on screen.
      services.logger.warn({ err: error }, 'could not submit a request');
      await ack({
        response_action: 'update',
        view: intakeScreen(services, draft, profile, { step: 'review', notes: [COULD_NOT_SEND] }),
      });
      return;
    }
    await ack({ response_action: 'clear' });
    if (outcome.kind !== 'submitted') return;
    const { request } = outcome;
    const confirmation = submittedMessage({ reference: request.id });
    const channel = await directMessageChannel(client, person.userId);
    await client.chat.postMessage({ channel, text: confirmation.text, blocks: confirmation.blocks });
    const card = hrRequestCard(request);
    for (const destination of await hrDestinations(services, client)) {
      await client.chat.postMessage({ channel: destination, text: card.text, blocks: card.blocks });
    }
    await publishHome(services, client, person);
  });

  app.view(myDataIds.deleteCallback, async ({ ack, body, client }) => {
    await ack();
    const person: Person = { teamId: body.team?.id ?? '', userId: body.user.id };
    const outcome = await deleteMyData(
      store,
      person.teamId,
      { role: 'employee', id: person.userId },
      services.now(),
    );
    await tellHrWithdrawn(services, client, outcome.withdrawn);
    await tellInDm(
      client,
      person.userId,
      'Done. Your draft and our chat history are deleted. ' +
        (outcome.withdrawn.length > 0
          ? `I withdrew ${outcome.withdrawn.join(', ')}; HR was told only that it was withdrawn. `
          : '') +
        'Sent requests are kept only for the retention period, then deleted.',
    );
    await publishHome(services, client, person);
  });

  app.view(myDataIds.withdrawCallback, async ({ ack, body, view, client }) => {
    const person: Person = { teamId: body.team?.id ?? '', userId: body.user.id };
    const reference = view.private_metadata;
    try {
      await applyEvent(
        store,
        person.teamId,
        reference,
        'withdraw',
        { role: 'employee', id: person.userId },
        services.now(),
      );
    } catch (error) {
      if (!(error instanceof TransitionRefusedError)) throw error;
      await ack({
        response_action: 'update',
        view: modal({
          callbackId: 'withdraw_refused',
          title: 'Withdraw request',
          close: 'Close',
          blocks: [
            section('This request can’t be withdrawn any more: it may already be closed or withdrawn.'),
          ],
        }),
      });
      return;
    }
    await ack();
    await tellHrWithdrawn(services, client, [reference]);
    await tellInDm(
      client,
      person.userId,
      `Your request ${reference} is withdrawn. HR has been told, and nothing else.`,
    );
    await publishHome(services, client, person);
  });
}

/** Keeps the furthest step reached, so going back to change something doesn't lose the place. */
function furthest(current: IntakeStep, next: IntakeStep): IntakeStep {
  return intakeSteps.indexOf(next) > intakeSteps.indexOf(current) ? next : current;
}

async function tellHrWithdrawn(
  services: AppServices,
  client: Parameters<typeof hrDestinations>[1],
  references: readonly string[],
): Promise<void> {
  if (references.length === 0) return;
  for (const destination of await hrDestinations(services, client)) {
    for (const reference of references) {
      await postSentence(
        client,
        destination,
        `Request ${reference} was withdrawn by the employee. No action is needed.`,
      );
    }
  }
}
