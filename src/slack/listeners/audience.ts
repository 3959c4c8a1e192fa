import type { Audience } from '../../domain/effects.js';
import { sendingTo } from '../../privacy/audience.js';

/**
 * Wraps a handler so that every Slack call it makes carries `audience` unless the handler names
 * another for a call (the HR card an employee's "Send to HR" posts is HR's). The feature folder a
 * handler lives in says whose surfaces it draws: `employee/` the person's own, `hr/` HR's.
 */
export const forAudience =
  <Args>(audience: Audience, handler: (args: Args) => Promise<void>) =>
  (args: Args): Promise<void> =>
    sendingTo(audience, () => handler(args));

export const forEmployee = <Args>(handler: (args: Args) => Promise<void>) => forAudience('employee', handler);
export const forHr = <Args>(handler: (args: Args) => Promise<void>) => forAudience('hr', handler);
