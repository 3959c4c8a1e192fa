import type { webApi } from '@slack/bolt';
import type { AppServices } from '../services.js';

type Client = webApi.WebClient;

/** Where HR hears about requests: the HR channel when set, otherwise a DM to each HR member. */
export async function hrDestinations(services: AppServices, client: Client): Promise<string[]> {
  if (services.config.hr.channelId) return [services.config.hr.channelId];
  return hrMembers(services, client);
}

/** HR's members from the role directory, listed again first when that list has grown old. */
export async function hrMembers(services: AppServices, client: Client): Promise<string[]> {
  await services.roles.refreshIfStale(client);
  return services.roles.hrMembers();
}
