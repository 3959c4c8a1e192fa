import type { RedisBackend } from '../store/redis-store.js';
import type { CliCommand } from './io.js';
import { openMaintenanceStore } from './maintenance-store.js';

const USAGE = `Usage: npm run --silent cli -- migrate

Moves data keys from the data Redis to the key store (KEYSTORE_URL), renames keys (in both) that
carried a plain user id, and rewrites every request and conversation stored in an older format in
the current one (sealed, padded, bound to its version).
Safe to run again; prints what it did as one JSON line. Reads the app's environment (.env).
`;

export const run: CliCommand = async (args, io) => {
  if (args.length > 0) {
    io.stderr.write(USAGE);
    return 2;
  }
  const opened = await openMaintenanceStore(io);
  if (!opened) return 1;
  const { store, config } = opened;
  try {
    const { migrateStoredData } = await import('../store/migrate.js');
    // The raw client is used below without the store's wait for a connection: wait here once.
    await store.ping();
    const client = (store.backend as RedisBackend).client;
    const report = await migrateStoredData(store, client, config.redisKeyPrefix);
    io.stdout.write(`${JSON.stringify(report)}\n`);
    if (report.unreadable > 0) {
      io.stderr.write(
        `${report.unreadable} record(s) could not be read and were left as they were; old formats stay readable until they are gone (run again after looking into them).\n`,
      );
    }
    // The moved keys' old copies are in the data Redis's AOF: rewrite it too. The key store's files
    // still hold the names with user ids it deleted: rewrite them now, not at the next start.
    await client.bgrewriteaof().catch(() => undefined);
    await store.vault.keyStore.compact().catch(() => {
      io.stderr.write('The key store could not be rewritten now; the app rewrites it at its next start.\n');
    });
    return 0;
  } finally {
    await store.close();
  }
};
