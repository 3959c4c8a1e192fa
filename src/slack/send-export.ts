import type { webApi } from '@slack/bolt';
import { exportCsv } from '../exports/from-store.js';
import { sendingTo } from '../privacy/audience.js';
import type { AppServices } from '../services.js';
import { directMessageChannel, postSentence } from './direct-messages.js';
import type { Person } from './person.js';

/**
 * `/accommodation export` for HR or an EAP coordinator: the CSV their role may have, as a file in
 * their own DM. Each file crosses the outbound guard as its audience's (HR's log as HR's, EAP's
 * rows and figures as EAP's). Returns false for anyone else: they have no such export.
 */
export async function sendRoleExport(
  services: AppServices,
  client: webApi.WebClient,
  person: Person,
): Promise<boolean> {
  const directory = services.roles.current();
  const role = directory.hrIds.has(person.userId) ? 'hr' : directory.eapIds.has(person.userId) ? 'eap' : null;
  if (!role) return false;
  const now = services.now();
  const day = now.toISOString().slice(0, 10);
  const config = services.config;
  const files =
    role === 'hr'
      ? [{ name: `accommodation-log-${day}.csv`, title: 'Accommodation log', figures: false }]
      : [
          { name: `eap-tracking-${day}.csv`, title: 'Requests you follow', figures: false },
          { name: `eap-figures-${day}.csv`, title: 'EAP figures', figures: true },
        ];
  await sendingTo(role, async () => {
    const channel = await directMessageChannel(client, person.userId);
    await postSentence(
      client,
      channel,
      role === 'hr'
        ? 'Here’s the accommodation log as CSV: dates, decisions and time limits, with no reason, letter or free text. Files stay in Slack, so delete it once it’s filed.'
        : `Here are the requests you follow (only those who agreed) and the figures, with groups under ${config.eap.minGroup} people hidden. No reason, letter or free text.`,
    );
    for (const file of files) {
      const content = await exportCsv(
        services.store,
        config,
        { role, team: person.teamId, figures: file.figures },
        now,
      );
      await client.filesUploadV2({ channel_id: channel, filename: file.name, title: file.title, content });
    }
  });
  return true;
}
