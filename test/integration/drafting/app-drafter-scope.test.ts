import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServices } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import { PrivacyScope, runInPrivacyScope } from '../../../src/privacy/scope.js';
import { type OpenAIServer, startOpenAIServer } from '../../support/openai-server.js';
import { statementInput } from '../../unit/drafting/fixtures.js';

/**
 * The drafter as the app builds it. A word is a health detail because of where the employee wrote
 * it ("I'm in recovery" in the private note); the same word elsewhere ("while I'm at recovery")
 * reads as ordinary to the detector, yet it is the same detail and must not reach the model.
 */

let server: OpenAIServer;
beforeAll(async () => {
  server = await startOpenAIServer();
});
afterAll(async () => {
  await server.close();
});

describe('the app’s drafter', () => {
  it('keeps out of the prompt what the request being handled knows to be the employee’s health detail', async () => {
    const services = await buildServices(
      loadConfig({
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: 'test-secret',
        HR_USER_IDS: 'UHR',
        VAULT_MASTER_KEYS: `k1:${randomBytes(32).toString('base64')}`,
        OPENAI_BASE_URL: server.url,
        OPENAI_MAX_RETRIES: '0',
        LOG_LEVEL: 'silent',
      }),
    );
    const scope = new PrivacyScope('UEMPLOYEE');
    // What the store tells the scope when it reads the draft: the private note's detected terms.
    scope.rememberClinicalIn('UEMPLOYEE', 'I’m in recovery and go three evenings a week.');
    await runInPrivacyScope(scope, () =>
      services.drafter.draftStatement(
        statementInput({
          ownWords: undefined,
          coverageNotes: 'Sam covers the queue while I am at recovery.',
        }),
      ),
    );
    await services.store.close();
    expect(server.requests.length).toBeGreaterThan(0);
    for (const request of server.requests) expect(request.rawBody.toLowerCase()).not.toContain('recovery');
  });
});
