import { existsSync } from 'node:fs';
import { ConfigError, loadConfig } from './config.js';

/**
 * `npm run worker`: the outbox worker alone, for scale-out. Run as many as you like beside the app
 * (with WORKER_IN_APP=false there, or not): they share the work through Redis, BullMQ's job ids and
 * the store's leases, so each message is still delivered once. Needs the app's environment.
 */
const CANT_START = 'The outbox worker can’t start:';

async function main(): Promise<number> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env, { requireRedis: true });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`${CANT_START} ${error.message}\nSee .env.example for every setting.`);
    return 1;
  }
  const [{ buildServices }, { startOutboxWorker }] = await Promise.all([
    import('./app.js'),
    import('./jobs/outbox.js'),
  ]);
  const services = await buildServices(config);
  const stop = await startOutboxWorker(services);
  services.logger.info('outbox worker is running');
  const shutdown = () => {
    void (async () => {
      await stop();
      await services.effects.close();
      await services.store.close();
    })().finally(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  return 0;
}

try {
  const code = await main();
  if (code !== 0) process.exit(code);
} catch (error) {
  const reason = error instanceof Error ? error.message.split('\n')[0] : 'an unknown error';
  console.error(`${CANT_START} ${reason}`);
  process.exit(1);
}
