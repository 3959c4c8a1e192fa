import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { AppServices } from '../../../app.js';
import { reasonWording } from '../../../domain/disclosure.js';
import type { IntakeStep } from '../../../domain/draft.js';
import { applyDraftPatch, requestFromDraft } from '../../../domain/intake.js';
import { statusLabels } from '../../../domain/status.js';
import { composeLetter } from '../../../letters/index.js';
import { openDraft, updateDraft } from '../../../workflows/drafts.js';
import { exportMyData } from '../../../workflows/my-data.js';
import { todayIn } from '../../../workflows/request-letter.js';
import { assistantIds } from '../../views/assistant.js';
import { section } from '../../views/blocks.js';
import { homeIds } from '../../views/home.js';
import { hrCardIds } from '../../views/hr-card.js';
import { editWordingView, preparingReviewView, reviewIds } from '../../views/intake/index.js';
import { deleteDataConfirmView, requestLetterView, withdrawConfirmView } from '../../views/my-data.js';
import { privacyNoticeIds } from '../../views/privacy-notice.js';
import {
  decodeMetadata,
  directMessageChannel,
  encodeMetadata,
  hrDestinations,
  hrLetterText,
  hrMembers,
  intakeScreen,
  noticeView,
  openStartOrExplain,
  type Person,
  publishHome,
  slackProfile,
  tellInDm,
} from '../journey.js';

type ButtonArgs = Parameters<Parameters<App['action']>[1]>[0] & { body: BlockAction; action: ButtonAction };

const personOf = (body: BlockAction): Person => ({
  teamId: body.team?.id ?? body.user.team_id ?? '',
  userId: body.user.id,
});

export function register(app: App, services: AppServices): void {
  const { store } = services;
  const button = (actionId: string, handler: (args: ButtonArgs) => Promise<void>) => {
    app.action<BlockAction<ButtonAction>>(actionId, async (args) => {
      await args.ack();
      await handler(args as unknown as ButtonArgs);
    });
  };

  button(privacyNoticeIds.accept, async ({ body, client }) => {
    const person = personOf(body);
    const now = services.now();
    const profile = (await store.profiles.get(person.teamId, person.userId)) ?? person;
    await store.profiles.save({ ...profile, noticeAcceptedAt: now.toISOString() });
    const [{ draft }, slack] = await Promise.all([
      openDraft(store, person.teamId, person.userId, now),
      slackProfile(client, person.userId),
    ]);
    if (body.view)
      await client.views.update({ view_id: body.view.id, view: intakeScreen(services, draft, slack) });
    await publishHome(services, client, person);
  });

  button(homeIds.readNotice, async ({ body, client }) => {
    const person = personOf(body);
    const profile = await store.profiles.get(person.teamId, person.userId);
    await client.views.open({
      trigger_id: body.trigger_id,
      view: noticeView(services, Boolean(profile?.noticeAcceptedAt)),
    });
  });

  for (const start of [homeIds.startRequest, homeIds.continueDraft, assistantIds.startRequest]) {
    button(start, async ({ body, client }) =>
      openStartOrExplain(services, client, body.trigger_id, personOf(body)),
    );
  }

  button(homeIds.deleteData, async ({ body, client }) => {
    await client.views.open({ trigger_id: body.trigger_id, view: deleteDataConfirmView() });
  });

  button(homeIds.exportData, async ({ body, client }) => {
    const person = personOf(body);
    const data = await exportMyData(store, person.teamId, person.userId, services.now());
    const channel = await directMessageChannel(client, person.userId);
    await client.filesUploadV2({
      channel_id: channel,
      filename: 'my-accommodation-data.json',
      title: 'My accommodation data',
      content: JSON.stringify(data, null, 2),
      initial_comment:
        'Here’s a copy of your data. Health details are replaced by placeholders and private notes are left out, because files stay in Slack.',
    });
  });

  button(homeIds.viewRequest, async ({ body, action, client }) => {
    const person = personOf(body);
    const request = await store.requests.get(person.teamId, action.value ?? '');
    if (!request || request.employeeId !== person.userId) return;
    const profile = await slackProfile(client, person.userId);
    await client.views.open({
      trigger_id: body.trigger_id,
      view: requestLetterView({
        reference: request.id,
        statusLabel: statusLabels[request.status],
        letterText: hrLetterText(services, request, profile.name),
        footnote: 'This is the letter HR received. Your private note is not part of it.',
      }),
    });
  });

  button(homeIds.withdrawRequest, async ({ body, action, client }) => {
    await client.views.open({ trigger_id: body.trigger_id, view: withdrawConfirmView(action.value ?? '') });
  });

  button(homeIds.askForUpdate, async ({ body, action, client }) => {
    const person = personOf(body);
    const request = await store.requests.get(person.teamId, action.value ?? '');
    if (!request || request.employeeId !== person.userId || !request.submittedAt) return;
    const now = services.now();
    const profile = await slackProfile(client, person.userId);
    const inquiry = composeLetter(
      'status_inquiry',
      {
        org: { companyName: services.config.org.companyName },
        reference: request.id,
        date: todayIn(request.work.timeZone, now),
        employee: { name: profile.name },
        submittedDate: todayIn(request.work.timeZone, new Date(request.submittedAt)),
        neededFrom: request.schedule.startDate,
      },
      { jurisdiction: request.disclosure.jurisdiction, templates: services.letters },
    );
    for (const destination of await hrDestinations(services, client)) {
      await client.chat.postMessage({
        channel: destination,
        text: `<@${person.userId}> asked for an update on ${request.id}.`,
        blocks: [
          section(`<@${person.userId}> asked for an update on *${request.id}*.`),
          { type: 'section', text: { type: 'plain_text', text: inquiry.text.slice(0, 2900), emoji: false } },
        ],
      });
    }
    await store.audit.append(person.teamId, request.id, {
      at: now.toISOString(),
      actorRole: 'employee',
      actorId: person.userId,
      action: 'update_requested',
    });
    await tellInDm(
      client,
      person.userId,
      `I’ve asked HR for an update on ${request.id}. I’ll let you know when they reply.`,
    );
  });

  button(reviewIds.editWording, async ({ body, client }) => {
    const person = personOf(body);
    const metadata = decodeMetadata(body.view?.private_metadata);
    const draft = (await store.conversations.get(person.teamId, person.userId))?.draft;
    if (!body.view || !metadata || !draft || draft.draftId !== metadata.draftId) return;
    const complete = requestFromDraft(draft);
    const currentStatement = complete.ok
      ? `I am asking for a temporary change to my working hours so that I can attend ${reasonWording(
          complete.fields.disclosure.reason,
          complete.fields.sensitive,
        )}.`
      : undefined;
    await client.views.update({
      view_id: body.view.id,
      view: editWordingView({
        draft,
        privateMetadata: encodeMetadata(metadata),
        ...(currentStatement ? { currentStatement } : {}),
      }),
    });
  });

  button(reviewIds.redraft, async ({ body, client }) => {
    const person = personOf(body);
    const metadata = decodeMetadata(body.view?.private_metadata);
    if (!body.view || !metadata) return;
    const shown = await client.views.update({
      view_id: body.view.id,
      view: preparingReviewView(encodeMetadata(metadata)),
    });
    const viewId = shown.view?.id ?? body.view.id;
    const draft = (await store.conversations.get(person.teamId, person.userId))?.draft;
    const profile = await slackProfile(client, person.userId);
    if (!draft || draft.draftId !== metadata.draftId) return;
    const complete = requestFromDraft(draft);
    if (!complete.ok) {
      await client.views.update({
        view_id: viewId,
        view: intakeScreen(services, draft, profile, { step: 'review' }),
      });
      return;
    }
    const { fields } = complete;
    const drafted = await services.drafter.draftStatement({
      schedule: fields.schedule,
      work: fields.work,
      accommodations: fields.accommodations,
      ...(fields.sensitive.otherAccommodation
        ? { otherAccommodation: fields.sensitive.otherAccommodation }
        : {}),
      ...(fields.sensitive.constraintsNote ? { constraintsNote: fields.sensitive.constraintsNote } : {}),
      ...(fields.sensitive.coveragePlan ? { coverageNotes: fields.sensitive.coveragePlan } : {}),
      reasonWording: reasonWording(fields.disclosure.reason, fields.sensitive),
    });
    const saved = await updateDraft(
      store,
      person.teamId,
      person.userId,
      draft.draftId,
      services.now(),
      (current) =>
        applyDraftPatch(current, {
          sensitive: { statementOfNeed: drafted.statementOfNeed, coveragePlan: drafted.coveragePlan },
        }),
    );
    if (!saved) return;
    await client.views.update({
      view_id: viewId,
      view: intakeScreen(services, saved, profile, {
        step: 'review',
        ...(drafted.note ? { notes: [drafted.note] } : {}),
      }),
    });
  });

  for (const [step, actionId] of Object.entries(reviewIds.editStep) as [
    Exclude<IntakeStep, 'review'>,
    string,
  ][]) {
    button(actionId, async ({ body, client }) => {
      const person = personOf(body);
      const metadata = decodeMetadata(body.view?.private_metadata);
      const draft = (await store.conversations.get(person.teamId, person.userId))?.draft;
      if (!body.view || !metadata || !draft || draft.draftId !== metadata.draftId) return;
      const profile = await slackProfile(client, person.userId);
      await client.views.update({
        view_id: body.view.id,
        view: intakeScreen(services, draft, profile, { step, backToReview: true }),
      });
    });
  }

  button(hrCardIds.viewRequest, async ({ body, action, client }) => {
    const person = personOf(body);
    if (!(await hrMembers(services, client)).includes(person.userId)) return;
    const request = await store.requests.get(person.teamId, action.value ?? '');
    if (!request) return;
    const employee = await slackProfile(client, request.employeeId);
    await client.views.open({
      trigger_id: body.trigger_id,
      view: requestLetterView({
        reference: request.id,
        statusLabel: statusLabels[request.status],
        letterText: hrLetterText(services, request, employee.name),
      }),
    });
    await store.audit.append(person.teamId, request.id, {
      at: services.now().toISOString(),
      actorRole: 'hr',
      actorId: person.userId,
      action: 'viewed',
    });
  });
}
