import type { webApi } from '@slack/bolt';
import type { AppServices } from '../services.js';

type Client = webApi.WebClient;

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
