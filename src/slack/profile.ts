import type { webApi } from '@slack/bolt';

export interface Profile {
  readonly name: string;
  readonly timeZone: string;
}

/** Name and time zone from the Slack profile: used for the letter and for dates. */
export async function slackProfile(client: webApi.WebClient, userId: string): Promise<Profile> {
  const result = await client.users.info({ user: userId });
  const user = result.user;
  return {
    name: user?.profile?.real_name || user?.real_name || user?.name || 'Employee',
    timeZone: user?.tz || 'UTC',
  };
}
