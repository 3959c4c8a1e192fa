import { existsSync } from 'node:fs';
import { ConfigError, loadConfig } from './config.js';

/**
 * `npm start`: configuration first, so a missing variable is reported with its fix before anything
 * connects anywhere; then the app in Socket Mode or over HTTP.
 */
async function main(): Promise<number> {
  let config: ReturnType<typeof loadConfig>;
  // A local .env is optional; Node's own loader keeps it out of the code path when absent.
  if (existsSync('.env')) process.loadEnvFile('.env');
  try {
    config = loadConfig(process.env, { requireRedis: true });
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(
        `Accommodation Assistant can't start yet.\n${error.message}\nSee .env.example for every setting.`,
      );
      return 1;
    }
    throw error;
  }
  const { startApp } = await import('./start.js');
  await startApp(config);
  return 0;
}

const code = await main();
if (code !== 0) process.exit(code);
