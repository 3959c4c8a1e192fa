import { existsSync } from 'node:fs';
import { ConfigError, environmentForCommand, loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import type { CliCommand } from './io.js';

const USAGE = `Usage: npm run --silent cli -- outbox <list | retry ID>

  list       the dead letters: Slack messages the worker gave up on, oldest first
  retry ID   puts one back in the outbox and queues it again (ID from the list)

Reads the app's environment (.env, REDIS_URL and the rest): dead letters live in its Redis.
`;

/**
 * The dead letters, for whoever runs the app: what could not be delivered (request, kind, the
 * Slack error code, tries, when), never what it would have said, because the outbox holds no content.
 */
export const run: CliCommand = async (args, io) => {
  const [action, id] = args;
  if (action !== 'list' && action !== 'retry') {
    io.stderr.write(USAGE);
    return 2;
  }
  if (action === 'retry' && !id) {
    io.stderr.write(`Which one? ${USAGE}`);
    return 2;
  }
  if (existsSync('.env')) process.loadEnvFile('.env');
  let config: ReturnType<typeof loadConfig>;
  try {
    // The master keys leave process.env here as in the app and the worker (see config.ts).
    config = loadConfig(environmentForCommand(), { requireRedis: true });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr.write(`${error.message}\nThe outbox lives in the app's Redis; see .env.example.\n`);
    return 1;
  }
  const [{ createStore }, { createEffectQueue }] = await Promise.all([
    import('../store/index.js'),
    import('../jobs/outbox.js'),
  ]);
  const store = createStore({
    kind: 'redis',
    keyStoreUrl: config.keyStoreUrl ?? '',
    pseudonymKey: config.pseudonymKey ?? Buffer.alloc(0),
    url: config.redisUrl ?? '',
    keyPrefix: config.redisKeyPrefix,
    durability: config.redisDurability,
    vault: { masterKeys: config.vaultMasterKeys },
  });
  const queue = createEffectQueue(config, createLogger({ level: 'silent', scrub: (text) => text }));
  try {
    const letters = await store.outbox.deadLetters(10_000);
    if (action === 'list') {
      if (letters.length === 0)
        io.stdout.write('No dead letters: every stored message was delivered or is on its way.\n');
      for (const { entry, reason, attempts, at } of letters) {
        io.stdout.write(
          `${entry.id}\t${entry.teamId}\t${entry.effect.kind}\t${reason}\t${attempts} tries\t${at}\n`,
        );
      }
      return 0;
    }
    const letter = letters.find((l) => l.entry.id === id);
    if (!letter) {
      io.stderr.write(`There is no dead letter ${id}. \`npm run --silent cli -- outbox list\` shows them.\n`);
      return 1;
    }
    const { teamId } = letter.entry;
    const revived = await store.outbox.revive(teamId, letter.entry.id);
    if (!revived) {
      io.stderr.write(`${id} is no longer a dead letter (someone retried it already).\n`);
      return 1;
    }
    await queue.requeue({ teamId, entryId: revived.id });
    io.stdout.write(`${id} is back in the outbox; the worker delivers it next.\n`);
    return 0;
  } catch (error) {
    io.stderr.write(
      `Could not reach the outbox (${(error as Error).name}): check REDIS_URL and that Redis is running.\n`,
    );
    return 1;
  } finally {
    await queue.close();
    await store.close();
  }
};
