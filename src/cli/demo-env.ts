import { randomBytes } from 'node:crypto';
import type { Emulator } from '@accommodation-assistant/slack-emulator';

/**
 * The environment the app gets when it runs against the emulator: the emulator's token, signing
 * secret and API URL, the demo workspace's groups and HR channel, and a vault key made for this
 * run only. `base` supplies what the person chose (REDIS_URL, OPENAI_*), and wins where set.
 */
export function demoEnvironment(
  emulator: Emulator,
  base: Readonly<Record<string, string | undefined>> = {},
): Record<string, string | undefined> {
  const hrChannel = emulator.directory.channels[0]?.id;
  return {
    SLACK_BOT_TOKEN: emulator.botToken,
    SLACK_SIGNING_SECRET: emulator.signingSecret,
    SLACK_API_URL: emulator.apiUrl,
    VAULT_MASTER_KEYS: `demo1:${randomBytes(32).toString('base64')}`,
    PSEUDONYM_KEY: randomBytes(32).toString('base64'),
    HR_USERGROUP_ID: 'SHR',
    EAP_USERGROUP_ID: 'SEAP',
    ...(hrChannel ? { HR_CHANNEL_ID: hrChannel } : {}),
    COMPANY_NAME: emulator.directory.team.name,
    // Where the provider form says to send it: a made-up address that reaches nobody.
    HR_CONTACT_EMAIL: `hr@${emulator.directory.team.domain}.example`,
    LOG_LEVEL: 'warn',
    ...Object.fromEntries(Object.entries(base).filter(([, value]) => value !== undefined && value !== '')),
  };
}
