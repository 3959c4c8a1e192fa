import type { AppServices } from '../services.js';
import { closeFinished } from '../workflows/close-finished.js';
import { purgeExpired } from '../workflows/my-data.js';

/**
 * The retention sweep, as a scheduled job rather than a timer in each process: every replica asks
 * for the same schedule at start (one BullMQ job scheduler for the installation), and whichever
 * worker picks a run up does it, one run at a time across all of them. A run covers every
 * workspace with requests (the store's list of them, however each was installed), not only the
 * bot token's. In each it closes finished requests past their grace period, then purges closed
 * ones past retention. Each change goes through `decide` (`close_after_grace`, `purge`) and its
 * compare-and-set, so even a run repeated by hand closes or purges a request once and delivers its
 * effects once.
 */
export async function scheduleRetention(services: Pick<AppServices, 'effects' | 'config'>): Promise<void> {
  await services.effects.scheduleRetention(services.config.retentionSweepSeconds * 1000);
}

/** What one scheduled run does, workspace by workspace; one that fails does not stop the others. */
export function retentionHandler(services: AppServices): () => Promise<void> {
  const { logger } = services;
  return async () => {
    logger.debug('retention run started');
    const teams = await services.store.requests.teams();
    let closed = 0;
    let purged = 0;
    let failed = 0;
    for (const teamId of teams) {
      try {
        closed += (await closeFinished(services, teamId)).length;
        purged += (await purgeExpired(services, teamId, services.config.retentionDays)).length;
      } catch (error) {
        failed++;
        logger.warn(
          { code: (error as Error)?.name },
          'a workspace’s retention run failed; the next run tries again',
        );
      }
    }
    if (closed > 0) logger.info({ closed }, 'closed finished requests past their grace period');
    if (purged > 0) logger.info({ purged }, 'purged requests past retention');
    logger.debug({ workspaces: teams.length, closed, purged, failed }, 'retention run finished');
  };
}
