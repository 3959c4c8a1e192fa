import type { AppConfig } from '../config.js';
import { defaultPolicy, type LifecyclePolicy } from '../domain/lifecycle/policy.js';

/**
 * The process's clocks as this organisation set them: HR's time zone and holidays, the business
 * days HR has to acknowledge and to decide, how long a finished request stays open before it
 * closes, and how long closed requests are kept. The domain
 * stays pure; this is the one place configuration becomes its policy.
 */
export function lifecyclePolicy(
  config: Pick<AppConfig, 'clocks' | 'retentionDays' | 'closeGraceDays'>,
): LifecyclePolicy {
  const { clocks } = config;
  return {
    ...defaultPolicy,
    calendar: { ...defaultPolicy.calendar, timeZone: clocks.timeZone, holidays: [...clocks.holidays] },
    acknowledgeWithinDays: clocks.acknowledgeWithinDays,
    decideWithinDays: clocks.decideWithinDays,
    reviewNoticeDays: clocks.reviewNoticeDays,
    closeGraceDays: config.closeGraceDays,
    retentionDays: config.retentionDays,
  };
}
