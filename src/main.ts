import { existsSync } from 'node:fs';
import { checkSlackToken } from './check-slack-token.js';
import { ConfigError, loadConfig } from './config.js';

/**
 * `npm start`: configuration first, so a missing variable is reported with its fix before anything
 * connects anywhere; then one bounded check of the bot token with Slack; then the app in Socket Mode
 * or over HTTP. Whatever stops it before it runs is said in plain sentences on stderr, with a
 * non-zero exit, never as a stack trace or a retry loop.
 */
const CANT_START = 'Accommodation Assistant can’t start:';
/** Past this, start-up is stuck (Redis or Slack's socket not answering): say so rather than hang. */
const START_TIMEOUT_MS = 30_000;

async function main(): Promise<number> {
  let config: ReturnType<typeof loadConfig>;
  // A local .env is optional; Node's own loader keeps it out of the code path when absent.
  if (existsSync('.env')) process.loadEnvFile('.env');
  try {
    config = loadConfig(process.env, { requireRedis: true });
  } catch (error) {
    if (error instanceof ConfigError) {
      // One problem is one line; several get a headline and one line each.
      const [only, ...more] = error.problems;
      if (only && more.length === 0)
        console.error(`${CANT_START} ${only} See .env.example for every setting.`);
      else console.error(`${CANT_START} ${error.message}\nSee .env.example for every setting.`);
      return 1;
    }
    throw error;
  }
  const token = await checkSlackToken({ token: config.slack.botToken, apiUrl: config.slack.apiUrl });
  if (!token.ok) {
    console.error(`${CANT_START} ${token.problem}`);
    return 1;
  }
  const { startApp } = await import('./start.js');
  let timer: NodeJS.Timeout | undefined;
  const stuck = new Promise<'stuck'>((resolve) => {
    timer = setTimeout(() => resolve('stuck'), START_TIMEOUT_MS);
  });
  const outcome = await Promise.race([startApp(config).then(() => 'started' as const), stuck]).finally(() =>
    clearTimeout(timer),
  );
  if (outcome === 'stuck') {
    console.error(
      `${CANT_START} it was still connecting after ${START_TIMEOUT_MS / 1000} s: check that Redis answers at REDIS_URL and, in Socket Mode, that SLACK_APP_TOKEN is an app-level token with connections:write.`,
    );
    return 1;
  }
  return 0;
}

try {
  const code = await main();
  if (code !== 0) process.exit(code);
} catch (error) {
  // The message only: a stack trace would print paths and internals, and could carry a value.
  const reason = error instanceof Error ? error.message.split('\n')[0] : 'an unknown error';
  console.error(`${CANT_START} ${reason}`);
  process.exit(1);
}
