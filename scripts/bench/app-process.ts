import { Writable } from 'node:stream';
import { startHttpApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';

/**
 * The app under test, in its own process as in production, started as the end-to-end tests start
 * it (`startHttpApp` on its HTTP receiver, configured from the environment the emulator gives).
 * It reports its URL, answers memory questions, and counts its error log lines.
 */

let errorLines = 0;
/** Error lines by their message (the app's own words, never a person's), for the bench's report. */
const errorMessages: Record<string, number> = {};
let peakRss = 0;
const logStream = new Writable({
  write(chunk: Buffer, _encoding, callback) {
    for (const line of chunk.toString('utf8').split('\n')) {
      // pino levels: 50 error, 60 fatal.
      if (!/"level":(50|60)/.test(line)) continue;
      errorLines += 1;
      const kind = /"kind":"([A-Za-z]{1,60})"/.exec(line)?.[1];
      const code = /"(?:code|slackError)":"([A-Za-z_]{1,60})"/.exec(line)?.[1];
      const msg = `${/"msg":"([^"]{0,120})/.exec(line)?.[1] ?? '(no message)'}${kind ? ` (${kind}${code ? ` ${code}` : ''})` : ''}`;
      errorMessages[msg] = (errorMessages[msg] ?? 0) + 1;
    }
    callback();
  },
});

const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 200);
sampler.unref();

const config = loadConfig(process.env);
const app = await startHttpApp(config, { port: 0, host: '127.0.0.1', logStream });

process.on('message', (message: { type: string }) => {
  if (message.type === 'memory') {
    global.gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    peakRss = Math.max(peakRss, rss);
    process.send?.({ type: 'memory', rss, heapUsed, peakRss, errorLines, errorMessages });
  } else if (message.type === 'reset-peak') {
    peakRss = process.memoryUsage().rss;
    process.send?.({ type: 'reset-peak' });
  } else if (message.type === 'stop') {
    app.stop().finally(() => process.exit(0));
  }
});
process.send?.({ type: 'ready', url: app.url });
