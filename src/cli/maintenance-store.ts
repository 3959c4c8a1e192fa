import { existsSync } from 'node:fs';
import { type AppConfig, ConfigError, environmentForCommand, loadConfig } from '../config.js';
import type { SealedStore } from '../store/index.js';
import type { CliIO } from './io.js';

/** The app's own store from its environment (.env too), for the maintenance commands. */
export async function openMaintenanceStore(
  io: CliIO,
): Promise<{ store: SealedStore; config: AppConfig } | null> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  let config: AppConfig;
  try {
    config = loadConfig(environmentForCommand(), { requireRedis: true });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr.write(
      `${error.message}\nThis command works on the app's Redis and key store; see .env.example.\n`,
    );
    return null;
  }
  const { createStore } = await import('../store/index.js');
  const store = createStore({
    kind: 'redis',
    url: config.redisUrl ?? '',
    keyStoreUrl: config.keyStoreUrl ?? '',
    pseudonymKey: config.pseudonymKey ?? Buffer.alloc(0),
    keyPrefix: config.redisKeyPrefix,
    durability: config.redisDurability,
    vault: { masterKeys: config.vaultMasterKeys, dataKeyCacheMs: 0 },
  });
  return { store, config };
}
