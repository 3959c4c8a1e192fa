import type { Logger } from '../logger.js';
import type { Store } from '../store/types.js';
import { purgeExpired } from '../workflows/my-data.js';

export interface RetentionSweepOptions {
  readonly store: Store;
  readonly teamId: string;
  readonly retentionDays: number;
  readonly logger: Logger;
  readonly now?: () => Date;
  /** Hourly by default: retention is counted in days, so an hour late is never a problem. */
  readonly intervalMs?: number;
}

/**
 * Purges closed requests once their retention period has ended. Safe on every replica at once:
 * each purge is idempotent. (Reminders and review dates join this as queued jobs later.)
 */
export function startRetentionSweep(options: RetentionSweepOptions): () => void {
  const { store, teamId, retentionDays, logger, now = () => new Date(), intervalMs = 3_600_000 } = options;
  const sweep = async () => {
    try {
      const purged = await purgeExpired(store, teamId, now(), retentionDays);
      if (purged.length > 0) logger.info({ purged: purged.length }, 'purged requests past retention');
    } catch (error) {
      logger.warn({ err: error }, 'retention sweep failed; it runs again next hour');
    }
  };
  const timer = setInterval(() => void sweep(), intervalMs);
  timer.unref();
  void sweep();
  return () => clearInterval(timer);
}
