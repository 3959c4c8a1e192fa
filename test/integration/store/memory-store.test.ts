import { createMemoryStore, type MemoryBackend } from '../../../src/store/memory-store.js';
import type { SealedStore } from '../../../src/store/sealed-store.js';
import { storeContract } from './contract.js';
import { testVault } from './fixtures.js';

/** One clock for the file: `idle` moves it instead of waiting. */
let now = Date.UTC(2026, 2, 2, 9);

storeContract({
  name: 'in-process',
  open: (options) => createMemoryStore({ ...options, vault: testVault(), clock: () => now }),
  idle: async (ms) => {
    now += ms;
  },
  dump: async (store: SealedStore) =>
    [...(store.backend as MemoryBackend).rawEntries()].map(([key, value]) => `${key} ${value}`),
});
