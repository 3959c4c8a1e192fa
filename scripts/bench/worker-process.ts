import { buildServices } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { startOutboxWorker } from '../../src/jobs/outbox.js';

/**
 * The outbox worker alone in its own process, as `npm run worker` runs it beside app replicas
 * started with WORKER_IN_APP=false: the scale-out run's one worker. Reports when it is running.
 */

const services = await buildServices(loadConfig(process.env, { requireRedis: true }));
const stop = await startOutboxWorker(services);

process.on('message', (message: { type: string }) => {
  if (message.type !== 'stop') return;
  void (async () => {
    await stop();
    await services.effects.close();
    await services.store.close();
  })().finally(() => process.exit(0));
});
process.send?.({ type: 'ready' });
