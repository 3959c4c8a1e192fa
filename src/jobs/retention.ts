import type { AppServices } from '../services.js';
import { purgeExpired } from '../workflows/my-data.js';

/**
 * The retention purge, as a scheduled job rather than a timer in each process: every replica asks
 * for the same schedule at start (a BullMQ job scheduler, one per workspace), and whichever worker
 * picks a run up does it, one run at a time across all of them. Each purge still goes through
 * `decide` (the `purge` command) and its compare-and-set, so even a run repeated by hand purges a
 * request once and delivers its effects once.
 */
export async function scheduleRetention(
  services: Pick<AppServices, 'effects' | 'config'>,
  teamId: string,
): Promise<void> {
  await services.effects.scheduleRetention(teamId, services.config.retentionSweepSeconds * 1000);
}

/** What one scheduled run does: purge the workspace's requests whose retention period has ended. */
export function retentionHandler(services: AppServices): (teamId: string) => Promise<void> {
  const { logger } = services;
  return async (teamId) => {
    logger.debug('retention run started');
    const purged = await purgeExpired(services, teamId, services.config.retentionDays);
    if (purged.length > 0) logger.info({ purged: purged.length }, 'purged requests past retention');
    logger.debug({ purged: purged.length }, 'retention run finished');
  };
}
