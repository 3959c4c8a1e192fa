import { createHmac } from 'node:crypto';
import { Agent, request } from 'node:http';

/**
 * The load generator, run in its own process (child_process.fork) so that signing and sending
 * never share an event loop with the app it measures. It posts what Slack posts, signed as Slack
 * signs it, keeps `concurrency` requests in flight and times each one to its acknowledgement.
 */

export interface LoadJob {
  readonly type: 'run';
  readonly url: string;
  readonly signingSecret: string;
  /**
   * The request body with `{{ID}}` (the person), `{{TRIGGER}}` (a fresh trigger_id) and
   * `{{EVENT}}` (a new event_id) to fill.
   */
  readonly template: string;
  readonly contentType: 'application/x-www-form-urlencoded' | 'application/json';
  /** One entry per request to send. */
  readonly fills: ReadonlyArray<{ readonly id: string; readonly trigger: string }>;
  readonly concurrency: number;
}

export interface LoadResult {
  readonly type: 'result';
  /** Milliseconds to the acknowledgement, one per request answered in time. */
  readonly latencies: number[];
  readonly durationMs: number;
  /** Requests answered with a status other than 200, or not within Slack's 3 seconds. */
  readonly failed: number;
  readonly timedOut: number;
  /** Acknowledgements that told the person the app could not reach its storage. */
  readonly storageErrors: number;
}

const ACK_DEADLINE_MS = 3000;
const eventPrefix = `${process.pid.toString(36)}${Date.now().toString(36)}`.toUpperCase();
let eventCounter = 0;

function sign(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

function post(
  job: LoadJob,
  agent: Agent,
  body: string,
): Promise<{ ms: number; status: number; text: string }> {
  const timestamp = Math.floor(Date.now() / 1000);
  const headers = {
    'content-type': job.contentType,
    'content-length': String(Buffer.byteLength(body)),
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': sign(job.signingSecret, timestamp, body),
    'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
  };
  const started = performance.now();
  return new Promise((resolve) => {
    let done = false;
    const finish = (status: number, text: string) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve({ ms: performance.now() - started, status, text });
    };
    const outgoing = request(job.url, { method: 'POST', headers, agent }, (response) => {
      const ms = performance.now() - started;
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        resolve({ ms, status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') });
      });
      response.on('error', () => finish(0, ''));
    });
    const timer = setTimeout(() => {
      finish(0, '');
      outgoing.destroy();
    }, ACK_DEADLINE_MS);
    outgoing.on('error', () => finish(0, ''));
    outgoing.end(body);
  });
}

export async function runLoad(job: LoadJob): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: job.concurrency });
  const latencies: number[] = [];
  let failed = 0;
  let timedOut = 0;
  let storageErrors = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (;;) {
      const index = next;
      next += 1;
      const fill = job.fills[index];
      if (!fill) return;
      const body = job.template
        .replaceAll('{{ID}}', fill.id)
        .replaceAll('{{TRIGGER}}', fill.trigger)
        .replaceAll('{{EVENT}}', `Ev${eventPrefix}${(eventCounter++).toString(36).toUpperCase()}`);
      const answer = await post(job, agent, body);
      if (answer.status === 0) timedOut += 1;
      if (answer.status !== 200) failed += 1;
      else latencies.push(answer.ms);
      if (/reach (my|its) storage/i.test(answer.text)) storageErrors += 1;
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, worker));
  const durationMs = performance.now() - started;
  agent.destroy();
  return { type: 'result', latencies, durationMs, failed, timedOut, storageErrors };
}

if (process.send) {
  process.on('message', (message: LoadJob | { type: 'exit' }) => {
    if (message.type === 'exit') process.exit(0);
    runLoad(message).then(
      (result) => process.send?.(result),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
