import type { DestinationStream } from 'pino';
import type { AppConfig } from './config.js';
import type { Drafter } from './drafting/index.js';
import type { EffectQueue } from './jobs/effect-queue.js';
import type { LetterTemplates } from './letters/index.js';
import type { Logger } from './logger.js';
import type { ProfileCache } from './slack/profile.js';
import type { RoleDirectory } from './slack/role-directory.js';
import type { Store } from './store/types.js';

/**
 * What every listener, middleware and job is handed: the services the composition root
 * (`app.ts`) builds once. It lives apart from `app.ts` so that nothing the app wires imports the
 * app back.
 */
export interface AppServices {
  readonly config: AppConfig;
  readonly logger: Logger;
  readonly store: Store;
  readonly drafter: Drafter;
  readonly letters: LetterTemplates;
  /** HR and EAP membership, listed from Slack and kept for a short while. */
  readonly roles: RoleDirectory;
  /** Names and time zones, so that no listener asks Slack before it acks. */
  readonly profiles: ProfileCache;
  /** Where committed effects go to be delivered (BullMQ, or in-process without Redis). */
  readonly effects: EffectQueue;
  readonly now: () => Date;
}

export interface ServiceOptions {
  readonly logStream?: DestinationStream;
  readonly now?: () => Date;
}
