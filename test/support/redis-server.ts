import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A private redis-server for tests: its own port and data dir, so a test can kill and restart it. */
export interface PrivateRedis {
  readonly url: string;
  readonly port: number;
  /** Its data directory: the AOF (appendonlydir/) and the snapshot (dump.rdb) live here. */
  readonly dir: string;
  /** SIGKILL: the process dies as in a crash; only what the AOF holds survives. */
  kill(): Promise<void>;
  /** Start it again on the same port and directory. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export const REDIS_MISSING =
  'redis-server was not found: install it (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis) or set REDIS_URL to a Redis you can use for tests.';

export function hasRedisServer(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface PrivateRedisOptions {
  /** AOF on (default) or off. */
  readonly appendonly?: boolean;
  /** When the AOF is fsynced: `always` (default: before each reply), `everysec` or `no`. */
  readonly appendfsync?: 'always' | 'everysec' | 'no';
  /** The `save` rule for snapshots; default '' (none). */
  readonly save?: string;
  /** Default true (Redis's own default); off lets a test read strings in dump.rdb as they are. */
  readonly rdbcompression?: boolean;
  /** Starts as a replica of the Redis on this port. */
  readonly replicaOf?: number;
}

export async function startPrivateRedis(options: PrivateRedisOptions = {}): Promise<PrivateRedis> {
  if (!hasRedisServer()) throw new Error(REDIS_MISSING);
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'aa-redis-'));
  const extra = [
    ...(options.rdbcompression === false ? ['--rdbcompression', 'no'] : []),
    ...(options.replicaOf === undefined ? [] : ['--replicaof', '127.0.0.1', String(options.replicaOf)]),
  ];
  let child: ChildProcess | undefined;

  const launch = async (): Promise<void> => {
    const proc = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--dir',
        dir,
        '--appendonly',
        options.appendonly === false ? 'no' : 'yes',
        '--appendfsync',
        options.appendfsync ?? 'always',
        '--save',
        options.save ?? '',
        ...extra,
        '--protected-mode',
        'yes',
        '--logfile',
        '',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child = proc;
    await new Promise<void>((resolve, reject) => {
      let output = '';
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) {
          proc.stdout?.off('data', onData);
          resolve();
        }
      };
      proc.stdout?.on('data', onData);
      proc.once('exit', (code) =>
        reject(new Error(`redis-server exited early (code ${code}): ${output.slice(-500)}`)),
      );
    });
    proc.removeAllListeners('exit');
    proc.stdout?.resume();
    proc.stderr?.resume();
  };

  const halt = async (signal: NodeJS.Signals): Promise<void> => {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      proc.once('exit', () => resolve());
      proc.kill(signal);
    });
  };

  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    kill: () => halt('SIGKILL'),
    restart: launch,
    stop: async () => {
      await halt('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
