import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, type PrivateRedis, startPrivateRedis } from './redis-server.js';

/**
 * A private primary watched by one Sentinel on loopback, so a test can reach Redis the way a
 * Sentinel deployment does: by asking the sentinel where the master named `mymaster` is.
 */
export interface PrivateRedisSentinel {
  /** The app's form: `redis+sentinel://127.0.0.1:S/mymaster`. */
  readonly url: string;
  readonly primary: PrivateRedis;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
export const SENTINEL_MASTER = 'mymaster';

export async function startPrivateRedisSentinel(): Promise<PrivateRedisSentinel> {
  const primary = await startPrivateRedis();
  const dir = mkdtempSync(join(tmpdir(), 'aa-redis-sentinel-'));
  const port = await freePort();
  // Sentinel rewrites its own configuration file, so it needs one it may write.
  const config = join(dir, 'sentinel.conf');
  writeFileSync(
    config,
    [
      `port ${port}`,
      `bind ${HOST}`,
      `dir ${dir}`,
      `sentinel monitor ${SENTINEL_MASTER} ${HOST} ${primary.port} 1`,
      `sentinel down-after-milliseconds ${SENTINEL_MASTER} 5000`,
      '',
    ].join('\n'),
  );
  let child: ChildProcess | undefined;
  const stop = async () => {
    const proc = child;
    if (proc && proc.exitCode === null && proc.signalCode === null) {
      await new Promise<void>((resolve) => {
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      });
    }
    rmSync(dir, { recursive: true, force: true });
    await primary.stop();
  };
  try {
    child = spawn('redis-server', [config, '--sentinel'], { stdio: ['ignore', 'ignore', 'ignore'] });
    await untilMasterKnown(port, primary.port);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `redis+sentinel://${HOST}:${port}/${SENTINEL_MASTER}`, primary, stop };
}

async function untilMasterKnown(sentinelPort: number, primaryPort: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const reply = spawnSync(
      'redis-cli',
      ['-h', HOST, '-p', String(sentinelPort), 'sentinel', 'get-master-addr-by-name', SENTINEL_MASTER],
      { encoding: 'utf8' },
    );
    if (reply.stdout.includes(String(primaryPort))) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the sentinel on port ${sentinelPort} never named the master`);
}
