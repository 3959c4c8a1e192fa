import { buildServices, createBoltApp, startHttpApp } from './app.js';
import type { AppConfig } from './config.js';

/** Runs until a signal: Socket Mode when an app token is set, otherwise the HTTP receiver. */
export async function startApp(config: AppConfig): Promise<void> {
  if (config.slack.mode === 'socket') {
    const services = await buildServices(config);
    const app = createBoltApp(services);
    await app.start();
    services.logger.info({ mode: 'socket' }, 'Accommodation Assistant is running');
    stopOnSignal(() => app.stop());
    return;
  }
  const running = await startHttpApp(config, { host: '0.0.0.0' });
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
