import { startOpenAIServer } from '../../test/support/openai-server.js';
import { type Child, startChild, stopChild } from './children.js';
import type { LoadJob, LoadResult } from './load-generator.js';
import { percentile } from './stats.js';

/**
 * "Slow work never delays an ack": the same questions typed to the assistant in the app's DM, sent
 * to an app whose model (a local OpenAI-compatible server) answers at once, then to the same app
 * with the model taking `slowMs` to answer. The app acknowledges a DM before it asks the model, so
 * the acknowledgement times should not move with the model's.
 */

export interface SlowWorkOptions {
  /** The recorded DM event, `U{{ID}}`/`D{{ID}}` for the person and `{{EVENT}}` for its id. */
  readonly template: string;
  readonly env: Record<string, string | undefined>;
  readonly signingSecret: string;
  readonly generator: Child;
  /** People (ids without the leading U) to send the questions as. */
  readonly people: readonly string[];
  readonly slowMs: number;
  readonly concurrency: number;
}

export interface SlowWorkResult {
  readonly fast: { p50: number; p99: number; failed: number };
  readonly slow: { p50: number; p99: number; failed: number };
  /** Ack p99 with the slow model over ack p99 with the fast one: about 1 when slow work is off the ack's path. */
  readonly p99Ratio: number;
  /** Requests the model server received in each run: shows the model was really asked. */
  readonly modelRequests: { fast: number; slow: number };
}

export async function measureSlowWork(options: SlowWorkOptions): Promise<SlowWorkResult> {
  const model = await startOpenAIServer({ slowMs: options.slowMs });
  const app = startChild('./app-process.ts', {
    ...process.env,
    ...options.env,
    OPENAI_BASE_URL: model.url,
    OPENAI_API_KEY: 'bench-key',
    OPENAI_MAX_RETRIES: '0',
    OPENAI_TIMEOUT_MS: String(options.slowMs * 4),
    REDIS_KEY_PREFIX: 'slowwork',
  });
  try {
    const { url } = await app.ask<{ url: string }>({}, 'ready');
    const half = Math.floor(options.people.length / 2);
    const run = async (people: readonly string[]) => {
      const job: LoadJob = {
        type: 'run',
        url,
        signingSecret: options.signingSecret,
        template: options.template,
        contentType: 'application/json',
        fills: people.map((id) => ({ id, trigger: '' })),
        concurrency: options.concurrency,
      };
      const before = model.requests.length;
      const result = await options.generator.ask<LoadResult>(job, 'result');
      // Let the model's answers finish before the next run, so they overlap only their own run.
      await new Promise((resolve) => setTimeout(resolve, options.slowMs + 1000));
      const acks = [...result.latencies, ...Array.from({ length: result.timedOut }, () => 3000)];
      return {
        figures: { p50: percentile(acks, 50), p99: percentile(acks, 99), failed: result.failed },
        modelRequests: model.requests.length - before,
      };
    };
    model.mode('ok');
    const fast = await run(options.people.slice(0, half));
    model.mode('slow');
    const slow = await run(options.people.slice(half));
    return {
      fast: fast.figures,
      slow: slow.figures,
      p99Ratio: slow.figures.p99 / fast.figures.p99,
      modelRequests: { fast: fast.modelRequests, slow: slow.modelRequests },
    };
  } finally {
    await stopChild(app);
    await model.close();
  }
}
