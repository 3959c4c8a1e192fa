import { defineConfig } from 'vitest/config';

/**
 * `npm run test:faults`: the long fault runs (Redis killed and restarted many times through the
 * real app). Kept apart from `npm test` so the everyday suite stays quick; CI runs both.
 */
export default defineConfig({
  test: {
    include: ['test/faults/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 600_000,
    hookTimeout: 120_000,
    maxWorkers: 1,
  },
});
