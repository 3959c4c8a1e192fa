import { buildServices, createBoltApp, startHttpApp } from './app.js';
import type { AppConfig } from './config.js';
import { startOutboxWorker } from './jobs/outbox.js';
import { scheduleRetention } from './jobs/retention.js';

/** Runs until a signal: Socket Mode when an app token is set, otherwise the HTTP receiver. */
export async function startApp(config: AppConfig): Promise<void> {
  if (config.slack.mode === 'socket') {
    const services = await buildServices(config);
    const app = createBoltApp(services);
    await app.start();
    await services.roles.refresh(app.client);
    const stopWorker = config.worker.inApp ? await startOutboxWorker(services) : async () => {};
    await scheduleRetention(services);
    services.logger.info({ mode: 'socket' }, 'Accommodation Assistant is running');
    stopOnSignal(async () => {
      await app.stop();
      await stopWorker();
      await services.effects.close();
      await services.store.close();
    });
    return;
  }
  const running = await startHttpApp(config, { host: '0.0.0.0' });
  await scheduleRetention(running.services);
  running.services.logger.info({ mode: 'http', port: running.port }, 'Accommodation Assistant is running');
  stopOnSignal(() => running.stop());
}

function stopOnSignal(stop: () => Promise<unknown>): void {
  const handler = () => {
    void stop().finally(() => process.exit(0));
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
}
