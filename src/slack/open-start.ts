import type { webApi } from '@slack/bolt';
import type { AppServices } from '../services.js';
import { StoreUnavailableError } from '../store/types.js';
import { openDraft } from '../workflows/drafts.js';
import { intakeScreen } from './intake-screen.js';
import type { Person } from './person.js';
import { modal, section, type View } from './views/blocks.js';
import { privacyNoticeView } from './views/privacy-notice.js';

type Client = webApi.WebClient;

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
    services.profiles.load(client, person),
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
