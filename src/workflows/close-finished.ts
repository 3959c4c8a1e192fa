import { systemActor } from '../domain/roles.js';
import { finishedStatuses } from '../domain/statuses.js';
import type { AppServices } from '../services.js';
import { lifecyclePolicy } from './lifecycle-policy.js';
import { runCommand } from './run-command.js';
import { withStatus } from './with-status.js';

const DAY_MS = 86_400_000;

/**
 * Closes the workspace's finished requests (denied, withdrawn, ended) whose grace period
 * (CLOSE_GRACE_DAYS) is over, each through `decide` (`close_after_grace`), so HR's card, the
 * thread and the Home tab follow as for any change. Each finished request also has a reminder that
 * closes it; this is what makes closing certain when that reminder is gone (an in-process queue
 * restarted, a restored backup, a grace period changed since). Safe to repeat: a request closed
 * already is refused by `decide` and left alone.
 */
export async function closeFinished(
  services: Pick<AppServices, 'store' | 'effects' | 'logger' | 'now' | 'config'>,
  teamId: string,
  now: Date = services.now(),
): Promise<string[]> {
  const { store } = services;
  const policy = lifecyclePolicy(services.config);
  const cutoff = now.getTime() - policy.closeGraceDays * DAY_MS;
  const closed: string[] = [];
  for (const status of finishedStatuses) {
    for await (const summary of withStatus(store.requests, teamId, status)) {
      if (Date.parse(summary.statusChangedAt) > cutoff) continue;
      const outcome = await runCommand(
        services,
        teamId,
        summary.id,
        { type: 'close_after_grace', payload: {} },
        systemActor,
        { now, policy },
      );
      if (outcome.ok) closed.push(summary.id);
    }
  }
  return closed;
}
