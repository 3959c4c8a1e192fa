import type { webApi } from '@slack/bolt';
import type { AppConfig } from '../config.js';
import type { Directory } from '../domain/access.js';
import type { Logger } from '../logger.js';

type Client = webApi.WebClient;

export type { Directory };

export interface RoleDirectoryOptions {
  readonly hr: AppConfig['hr'];
  readonly eap: Pick<AppConfig['eap'], 'userGroupId' | 'userIds'>;
  readonly logger: Logger;
  /** How long group membership is trusted before it is listed again (after an ack, never before). */
  readonly ttlMs?: number;
  readonly now?: () => number;
}

/**
 * HR and EAP membership, read from Slack once and then kept for a short while. `current` answers
 * from memory (what the middleware reads before any ack); `refresh` lists the user groups and is
 * called at start-up and after a request has been acknowledged, when the list has grown old.
 */
export class RoleDirectory {
  private directory: Directory;
  private fetchedAt: number | undefined;
  private refreshing: Promise<void> | undefined;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(private readonly options: RoleDirectoryOptions) {
    this.ttlMs = options.ttlMs ?? 60_000;
    this.now = options.now ?? Date.now;
    // Until the groups are listed, the configured ids alone.
    this.directory = { hrIds: new Set(options.hr.userIds), eapIds: new Set(options.eap.userIds) };
    if (!options.hr.userGroupId && !options.eap.userGroupId) this.fetchedAt = Number.POSITIVE_INFINITY;
  }

  current(): Directory {
    return this.directory;
  }

  /** HR members, for DMs when there is no HR channel. */
  hrMembers(): string[] {
    return [...this.directory.hrIds];
  }

  isStale(): boolean {
    return this.fetchedAt === undefined || this.now() - this.fetchedAt >= this.ttlMs;
  }

  async refreshIfStale(client: Client): Promise<void> {
    if (this.isStale()) await this.refresh(client);
  }

  /** Lists the user groups again. A failure keeps what was known and is retried at the next request. */
  refresh(client: Client): Promise<void> {
    this.refreshing ??= this.list(client).finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async list(client: Client): Promise<void> {
    const { hr, eap, logger } = this.options;
    try {
      const [hrGroup, eapGroup] = await Promise.all([
        groupMembers(client, hr.userGroupId),
        groupMembers(client, eap.userGroupId),
      ]);
      this.directory = {
        hrIds: new Set([...hr.userIds, ...hrGroup]),
        eapIds: new Set([...eap.userIds, ...eapGroup]),
      };
      this.fetchedAt = this.now();
    } catch (error) {
      logger.warn({ err: error }, 'could not list the HR and EAP user groups; using what was known');
    }
  }
}

async function groupMembers(client: Client, usergroup: string | undefined): Promise<string[]> {
  if (!usergroup) return [];
  const result = await client.usergroups.users.list({ usergroup });
  return result.users ?? [];
}
