import type { App } from '@slack/bolt';
import { buildServices, createBoltApp, startHttpApp } from './app.js';
import type { AppConfig } from './config.js';
import { startOutboxWorker } from './jobs/outbox.js';
import { startRetentionSweep } from './jobs/retention.js';
import type { AppServices } from './services.js';

/** Runs until a signal: Socket Mode when an app token is set, otherwise the HTTP receiver. */
export async function startApp(config: AppConfig): Promise<void> {
  if (config.slack.mode === 'socket') {
    const services = await buildServices(config);
    const app = createBoltApp(services);
    await app.start();
    await services.roles.refresh(app.client);
    const stopWorker = config.worker.inApp ? await startOutboxWorker(services) : async () => {};
    const stopSweep = await sweepRetention(app, services);
    services.logger.info({ mode: 'socket' }, 'Accommodation Assistant is running');
    stopOnSignal(async () => {
      stopSweep();
      await app.stop();
      await stopWorker();
      await services.effects.close();
      await services.store.close();
    });
    return;
  }
  const running = await startHttpApp(config, { host: '0.0.0.0' });
  const stopSweep = await sweepRetention(running.app, running.services);
  running.services.logger.info({ mode: 'http', port: running.port }, 'Accommodation Assistant is running');
  stopOnSignal(async () => {
    stopSweep();
    await running.stop();
  });
}

/** The workspace this token belongs to is the one whose closed requests age out. */
async function sweepRetention(app: App, services: AppServices): Promise<() => void> {
  const auth = await app.client.auth.test();
  if (!auth.team_id) return () => {};
  return startRetentionSweep({
    services,
    teamId: auth.team_id,
    retentionDays: services.config.retentionDays,
  });
}

function stopOnSignal(stop: () => Promise<unknown>): void {
  const handler = () => {
    void stop().finally(() => process.exit(0));
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
}
