import type { AppServices } from '../services.js';
import { purgeExpired } from '../workflows/my-data.js';

export interface RetentionSweepOptions {
  readonly services: AppServices;
  readonly teamId: string;
  readonly retentionDays: number;
  /** Hourly by default: retention is counted in days, so an hour late is never a problem. */
  readonly intervalMs?: number;
}

/**
 * Purges closed requests once their retention period has ended. Safe on every replica at once:
 * each purge is idempotent. (Reminders and review dates join this as queued jobs later.)
 */
export function startRetentionSweep(options: RetentionSweepOptions): () => void {
  const { services, teamId, retentionDays, intervalMs = 3_600_000 } = options;
  const { logger } = services;
  const sweep = async () => {
    try {
      const purged = await purgeExpired(services, teamId, retentionDays);
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
