import { runScript, type Step } from '@accommodation-assistant/slack-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../../src/store/types.js';
import { type Harness, startHarness } from '../support/harness.js';
import { type PrivateRedis, startPrivateRedis } from '../support/redis-server.js';
import { loadScript } from '../support/scripts.js';

/**
 * Issue 9: "Send to HR" while Redis is down answered nothing for 3 s (Slack showed its own error),
 * because reading the draft sat outside the handler's error path. The person must see, in the
 * form, that nothing went to HR and that the letter is safe; pressing it again later sends it.
 */

const journey = loadScript('journey.json');
const review = journey.findIndex((step) => 'expect' in step && step.expect === 'Step 5 of 5');
const toReview: Step[] = journey.slice(0, review + 1);

describe('Send to HR while Redis is down', () => {
  let redis: PrivateRedis;
  let harness: Harness;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    harness = await startHarness({
      env: { REDIS_URL: redis.url, REDIS_KEY_PREFIX: `sendDown${process.pid}` },
    });
    await runScript(harness.emulator, toReview, () => {});
  });
  afterAll(async () => {
    await harness?.stop();
    await redis?.stop();
  });

  it('says in the form that nothing went to HR and the letter is safe', async () => {
    const { employee } = harness;
    const posted = harness.calls('chat.postMessage').length;
    await redis.kill();
    const delivery = await employee.submit();
    expect(delivery.status).toBe(200);
    await employee.expect('Step 5 of 5');
    await employee.expect('nothing has gone to HR yet');
    await employee.expect('Your letter is safe here');
    // The letter itself is still on screen.
    await employee.expect('Dear HR team');
    expect(harness.calls('chat.postMessage').slice(posted)).toEqual([]);
  });

  it('once Redis is back, pressing Send to HR again sends it', async () => {
    const { employee } = harness;
    await redis.restart();
    for (;;) {
      try {
        await harness.app.services.store.ping();
        break;
      } catch (error) {
        if (!(error instanceof StoreUnavailableError)) throw error;
      }
    }
    await employee.submit();
    await employee.expect('Your request is saved, and HR will be told');
  });
});
