import type { webApi } from '@slack/bolt';
import type { AppServices } from '../../app.js';
import type { Draft, IntakeStep } from '../../domain/draft.js';
import { requestFromDraft, reviewReadiness } from '../../domain/intake.js';
import type { AccommodationRequest } from '../../domain/request.js';
import { openStatuses } from '../../domain/status.js';
import { composeLetter } from '../../letters/index.js';
import { detectClinical } from '../../privacy/clinical/index.js';
import { redactInScope } from '../../privacy/scope.js';
import { StoreUnavailableError } from '../../store/types.js';
import { openDraft } from '../../workflows/drafts.js';
import { listMyRequests } from '../../workflows/my-requests.js';
import { requestLetterData, todayIn } from '../../workflows/request-letter.js';
import { modal, section, type View } from '../views/blocks.js';
import { type HomeRequestAction, homeView } from '../views/home.js';
import { intakeStepView, reviewStepView } from '../views/intake/index.js';
import { privacyNoticeView } from '../views/privacy-notice.js';

/**
 * What the listeners share: who the person is, which screen comes next, and the letter for review.
 * Listeners stay thin: they parse, call this and the workflows, and send.
 */

type Client = webApi.WebClient;

export interface Person {
  readonly teamId: string;
  readonly userId: string;
}

export interface Profile {
  readonly name: string;
  readonly timeZone: string;
}

/** Name and time zone from the Slack profile: used for the letter and for dates. */
export async function slackProfile(client: Client, userId: string): Promise<Profile> {
  const result = await client.users.info({ user: userId });
  const user = result.user;
  return {
    name: user?.profile?.real_name || user?.real_name || user?.name || 'Employee',
    timeZone: user?.tz || 'UTC',
  };
}

/** The modal's private_metadata: which draft it edits, and whether to come back to review after. */
export interface IntakeMetadata {
  readonly draftId: string;
  readonly backToReview?: boolean;
}

export function encodeMetadata(metadata: IntakeMetadata): string {
  return JSON.stringify({ d: metadata.draftId, ...(metadata.backToReview ? { r: 1 } : {}) });
}

export function decodeMetadata(raw: string | undefined): IntakeMetadata | undefined {
  try {
    const parsed = JSON.parse(raw ?? '') as { d?: unknown; r?: unknown };
    return typeof parsed.d === 'string' ? { draftId: parsed.d, backToReview: parsed.r === 1 } : undefined;
  } catch {
    return undefined;
  }
}

/** The screen for a step of the draft: one of the four forms, or the review with its letter. */
export function intakeScreen(
  services: AppServices,
  draft: Draft,
  profile: Profile,
  options: {
    readonly step?: IntakeStep;
    readonly notes?: readonly string[];
    readonly backToReview?: boolean;
  } = {},
): View {
  const step = options.step ?? draft.step;
  const privateMetadata = encodeMetadata({
    draftId: draft.draftId,
    backToReview: options.backToReview ?? false,
  });
  if (step !== 'review') {
    return intakeStepView(step, {
      draft,
      privateMetadata,
      ...(options.notes ? { notes: options.notes } : {}),
      profileTimeZone: profile.timeZone,
      defaultJurisdiction: services.config.defaultJurisdiction,
    });
  }
  const readiness = reviewReadiness(draft);
  return reviewStepView({
    draft,
    privateMetadata,
    letterText: reviewLetterText(services, draft, profile) ?? '',
    warnings: reviewWarnings(draft),
    ...(options.notes ? { notes: options.notes } : {}),
    missing: readiness.missing,
  });
}

/** The letter as HR would read it, for the employee's own review modal. */
export function reviewLetterText(services: AppServices, draft: Draft, profile: Profile): string | undefined {
  const complete = requestFromDraft(draft);
  if (!complete.ok) return undefined;
  const letter = composeLetter(
    'request',
    requestLetterData(complete.fields, {
      reference: 'ACC-0000-0000',
      today: todayIn(complete.fields.work.timeZone, services.now()),
      employeeName: profile.name,
      org: services.config.org,
    }),
    { jurisdiction: complete.fields.disclosure.jurisdiction, templates: services.letters },
  );
  // Until it is sent, the letter has no reference yet.
  return letter.text.replaceAll('ACC-0000-0000', '(given when you send it)');
}

/** The letter HR reads: the employee's chosen words, with any health detail they typed held back. */
export function hrLetterText(
  services: AppServices,
  request: AccommodationRequest,
  employeeName: string,
): string {
  const sensitive = Object.fromEntries(
    Object.entries(request.sensitive)
      .filter(([field]) => field !== 'privateNote')
      .map(([field, value]) => [field, value ? redactInScope(value) : value]),
  );
  const letter = composeLetter(
    'request',
    requestLetterData(
      { ...request, sensitive },
      {
        reference: request.id,
        today: todayIn(request.work.timeZone, new Date(request.submittedAt ?? request.createdAt)),
        employeeName,
        org: services.config.org,
      },
    ),
    { jurisdiction: request.disclosure.jurisdiction, templates: services.letters },
  );
  return letter.text;
}

function reviewWarnings(draft: Draft): string[] {
  const warnings: string[] = [];
  const ownWords = draft.disclosure?.reason === 'own_words' ? draft.sensitive.reasonOwnWords : undefined;
  const wording = [ownWords, draft.sensitive.statementOfNeed, draft.sensitive.coveragePlan];
  if (wording.some((text) => text && detectClinical(text).length > 0)) {
    warnings.push(
      'Some of your wording names a health detail. You never have to share one, and HR will see it held back ' +
        'as “[health detail]”. Edit the wording if you’d like it to read differently.',
    );
  }
  return warnings;
}

/**
 * The first screen of `/accommodation`, the shortcut and the Home buttons: the privacy notice
 * until it is accepted, then the draft where it was left (or a new one).
 */
export async function openStart(services: AppServices, client: Client, triggerId: string, person: Person) {
  const profileRecord = await services.store.profiles.get(person.teamId, person.userId);
  if (!profileRecord?.noticeAcceptedAt) {
    await client.views.open({ trigger_id: triggerId, view: noticeView(services, false) });
    return;
  }
  const [{ draft }, profile] = await Promise.all([
    openDraft(services.store, person.teamId, person.userId, services.now()),
    slackProfile(client, person.userId),
  ]);
  await client.views.open({ trigger_id: triggerId, view: intakeScreen(services, draft, profile) });
}

/** Said instead of silence when the store is out of reach: nothing is lost, and soon it will work. */
export const STORE_UNAVAILABLE_TEXT =
  'I can’t reach my storage right now. Nothing you’ve typed is lost; please try again in a minute.';

const storeUnavailableView = (): View =>
  modal({
    callbackId: 'store_unavailable',
    title: 'Just a moment',
    close: 'Close',
    blocks: [section(STORE_UNAVAILABLE_TEXT)],
  });

/**
 * `openStart` for the shortcut and the buttons, which have no channel to answer in: when the store
 * can't be reached, a small window says so rather than nothing happening at all.
 */
export async function openStartOrExplain(
  services: AppServices,
  client: Client,
  triggerId: string,
  person: Person,
): Promise<void> {
  try {
    await openStart(services, client, triggerId, person);
  } catch (error) {
    if (!(error instanceof StoreUnavailableError)) throw error;
    services.logger.warn({ err: error }, 'storage unreachable while opening the intake');
    await client.views.open({ trigger_id: triggerId, view: storeUnavailableView() });
  }
}

export function noticeView(services: AppServices, accepted: boolean): View {
  return privacyNoticeView({
    companyName: services.config.org.companyName,
    retentionDays: services.config.retentionDays,
    draftIdleDays: services.config.draftIdleDays,
    accepted,
  });
}

/** What the employee may do with a request of each status, from the Home tab. */
function homeActions(status: AccommodationRequest['status']): HomeRequestAction[] {
  const actions: HomeRequestAction[] = ['view'];
  if (openStatuses.includes(status)) actions.push('withdraw');
  if (['submitted', 'acknowledged', 'documentation_requested'].includes(status)) actions.push('ask_update');
  return actions;
}

export async function publishHome(services: AppServices, client: Client, person: Person): Promise<void> {
  const [conversation, mine] = await Promise.all([
    services.store.conversations.get(person.teamId, person.userId),
    listMyRequests(services.store, person.teamId, person.userId),
  ]);
  const requests = mine.map((item) => ({ ...item, actions: homeActions(item.status) }));
  const draft = conversation?.draft;
  await client.views.publish({
    user_id: person.userId,
    view: homeView({
      companyName: services.config.org.companyName,
      ...(draft ? { draft: { step: draft.step, updatedAt: draft.updatedAt } } : {}),
      requests,
    }),
  });
}

/** Where HR hears about requests: the HR channel when set, otherwise a DM to each HR member. */
export async function hrDestinations(services: AppServices, client: Client): Promise<string[]> {
  if (services.config.hr.channelId) return [services.config.hr.channelId];
  return hrMembers(services, client);
}

export async function hrMembers(services: AppServices, client: Client): Promise<string[]> {
  const members = new Set(services.config.hr.userIds);
  if (services.config.hr.userGroupId) {
    const result = await client.usergroups.users.list({ usergroup: services.config.hr.userGroupId });
    for (const user of result.users ?? []) members.add(user);
  }
  return [...members];
}

export async function directMessageChannel(client: Client, userId: string): Promise<string> {
  const opened = await client.conversations.open({ users: userId });
  return opened.channel?.id ?? userId;
}

/** One short sentence of our own wording, as the notification text and as the message itself. */
export async function postSentence(client: Client, channel: string, text: string): Promise<void> {
  await client.chat.postMessage({ channel, text, blocks: [section(text)] });
}

/** The same sentence in the person's DM with the app. */
export async function tellInDm(client: Client, userId: string, text: string): Promise<void> {
  await postSentence(client, await directMessageChannel(client, userId), text);
}
