/**
 * Who is in the local workspace: people, user groups and channels. Ids follow Slack's shapes
 * (letters and digits only) so they pass the app's own config checks.
 */

export interface EmulatedUser {
  readonly id: string;
  /** The short name scripts and the demo use: `employee`, `hr`, ... */
  readonly handle: string;
  readonly name: string;
  readonly realName: string;
  readonly title: string;
  readonly tz: string;
  readonly tzLabel: string;
  /** Seconds east of UTC. Fixed, as a demo does not need daylight-saving accuracy. */
  readonly tzOffset: number;
  readonly email: string;
}

export interface EmulatedChannel {
  readonly id: string;
  readonly name: string;
  readonly members: readonly string[];
}

export interface Directory {
  readonly team: { readonly id: string; readonly domain: string; readonly name: string };
  readonly bot: {
    readonly userId: string;
    readonly botId: string;
    readonly appId: string;
    readonly name: string;
  };
  readonly users: readonly EmulatedUser[];
  readonly userGroups: Readonly<Record<string, readonly string[]>>;
  readonly channels: readonly EmulatedChannel[];
}

export const demoDirectory: Directory = {
  team: { id: 'T0DEMO', domain: 'demo', name: 'Demo Company' },
  bot: { userId: 'U0BOT', botId: 'B0BOT', appId: 'A0DEMO', name: 'Accommodation Assistant' },
  users: [
    {
      id: 'UEMPLOYEE',
      handle: 'employee',
      name: 'sam',
      realName: 'Sam Rivera',
      title: 'Support Engineer',
      tz: 'America/New_York',
      tzLabel: 'Eastern Standard Time',
      tzOffset: -18_000,
      email: 'sam@example.com',
    },
    {
      id: 'UHR',
      handle: 'hr',
      name: 'alex',
      realName: 'Alex Morgan',
      title: 'People Partner',
      tz: 'America/Chicago',
      tzLabel: 'Central Standard Time',
      tzOffset: -21_600,
      email: 'alex@example.com',
    },
    {
      id: 'UEAP',
      handle: 'eap',
      name: 'jordan',
      realName: 'Jordan Lee',
      title: 'EAP Coordinator',
      tz: 'America/Los_Angeles',
      tzLabel: 'Pacific Standard Time',
      tzOffset: -28_800,
      email: 'jordan@example.com',
    },
    {
      id: 'UMANAGER',
      handle: 'manager',
      name: 'casey',
      realName: 'Casey Kim',
      title: 'Support Team Lead',
      tz: 'America/New_York',
      tzLabel: 'Eastern Standard Time',
      tzOffset: -18_000,
      email: 'casey@example.com',
    },
  ],
  userGroups: { SHR: ['UHR'], SEAP: ['UEAP'] },
  channels: [{ id: 'CHR', name: 'hr-accommodations', members: ['UHR'] }],
};

export function findUser(directory: Directory, idOrHandle: string): EmulatedUser | undefined {
  return directory.users.find((user) => user.id === idOrHandle || user.handle === idOrHandle);
}

/** The direct-message channel between a person and the app. */
export function dmChannelId(userId: string): string {
  return `D${userId.replace(/^[UW]/, '')}`;
}
