import { VaultError } from '../privacy/vault.js';
import type { CliCommand } from './io.js';
import { openMaintenanceStore } from './maintenance-store.js';

const USAGE = `Usage: npm run --silent cli -- rotate-keys

Rewraps every stored data key under the newest master key (the first in VAULT_MASTER_KEYS) and
prints the count per master key id before and after, as one JSON line. When "after" names only the
newest key, older keys may be removed from VAULT_MASTER_KEYS. Reads the app's environment (.env).
`;

export const run: CliCommand = async (args, io) => {
  if (args.length > 0) {
    io.stderr.write(USAGE);
    return 2;
  }
  const opened = await openMaintenanceStore(io);
  if (!opened) return 1;
  const { store } = opened;
  try {
    try {
      await store.vault.verifyMasterKeys();
    } catch (error) {
      if (!(error instanceof VaultError)) throw error;
      io.stderr.write(`${error.message}\nNothing was rewrapped.\n`);
      return 1;
    }
    const { rotateDataKeys } = await import('../store/rotate-keys.js');
    const report = await rotateDataKeys(store.vault);
    io.stdout.write(`${JSON.stringify(report)}\n`);
    // The old wrappings are in the key store's AOF until it is rewritten.
    await store.vault.keyStore.compact();
    return 0;
  } finally {
    await store.close();
  }
};
