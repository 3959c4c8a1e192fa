import { startHttpApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';

/**
 * The app alone in a process of its own, as in production: configured from the environment it was
 * given, on its HTTP receiver, reporting its URL to the test over IPC. A test kills it with SIGKILL
 * (nothing runs after that) and starts another on the same Redis.
 */
const app = await startHttpApp(loadConfig(process.env), { port: 0, host: '127.0.0.1' });
process.on('message', (message: { type?: string }) => {
  if (message.type === 'stop') void app.stop().finally(() => process.exit(0));
});
process.send?.({ type: 'ready', url: app.url });
