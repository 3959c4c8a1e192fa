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
  /** How the demo introduces them when you choose who to be, e.g. `HR`. */
  readonly role?: string;
  /**
   * Their manager's user id, as a workspace keeps it in a custom profile field of type "user"
   * labelled "Manager" (`users.profile.get` returns it under `profile.fields`).
   */
  readonly managerId?: string;
}

/** The custom profile field's id, as Slack names such fields (`Xf` and letters). */
export const MANAGER_PROFILE_FIELD_ID = 'Xf0MANAGER01';

export interface EmulatedChannel {
  readonly id: string;
  readonly name: string;
  readonly members: readonly string[];
  /** A private channel: reading its history takes `groups:history` rather than `channels:history`. */
  readonly isPrivate?: boolean;
}

export interface Directory {
  readonly team: { readonly id: string; readonly domain: string; readonly name: string };
  /** Set for a workspace of an Enterprise Grid organisation. */
  readonly enterprise?: { readonly id: string; readonly name: string };
  /**
   * The app is installed on the whole organisation (an org-wide install): payloads then carry
   * `team: null`, `enterprise` and `is_enterprise_install: true`, as Slack sends them.
   */
  readonly orgWideInstall?: boolean;
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

export function findUser(directory: Directory, idOrHandle: string): EmulatedUser | undefined {
  return directory.users.find((user) => user.id === idOrHandle || user.handle === idOrHandle);
}

/** The direct-message channel between a person and the app. */
export function dmChannelId(userId: string): string {
  return `D${userId.replace(/^[UW]/, '')}`;
}
