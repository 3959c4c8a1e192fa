import type { webApi } from '@slack/bolt';
import type { AppServices } from '../../services.js';
import type { EffectQueue } from '../effect-queue.js';

/** What every delivery gets: the app's services, a Slack client that does not retry by itself, the queue. */
export interface DeliveryContext {
  readonly services: AppServices;
  readonly client: webApi.WebClient;
  readonly queue: EffectQueue;
}
