import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, hasRedisServer, REDIS_MISSING } from './redis-server.js';

/**
 * A private three-primary Redis Cluster on loopback, for tests that must show the app works where
 * keys live on different nodes: a script or transaction touching two slots fails there with
 * CROSSSLOT, which a single Redis never says. No replicas: nothing here tests failover.
 */
export interface PrivateRedisCluster {
  /** The app's form of a cluster address: `redis+cluster://127.0.0.1:P1,127.0.0.1:P2,...`. */
  readonly url: string;
  readonly nodes: readonly { readonly host: string; readonly port: number }[];
  stop(): Promise<void>;
}

const PRIMARIES = 3;
const HOST = '127.0.0.1';

export async function startPrivateRedisCluster(): Promise<PrivateRedisCluster> {
  if (!hasRedisServer()) throw new Error(REDIS_MISSING);
  const dir = mkdtempSync(join(tmpdir(), 'aa-redis-cluster-'));
  const children: ChildProcess[] = [];
  const ports: number[] = [];
  const stop = async () => {
    await Promise.all(children.map(halt));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; i < PRIMARIES; i++) {
      // The cluster bus gets its own free port too (cluster-port), rather than port + 10000,
      // which may be taken or past 65535.
      const [port, busPort] = [await freePort(), await freePort()];
      ports.push(port);
      children.push(await launchNode(dir, i, port, busPort));
    }
    const created = spawnSync(
      'redis-cli',
      [
        '--cluster',
        'create',
        ...ports.map((port) => `${HOST}:${port}`),
        '--cluster-replicas',
        '0',
        '--cluster-yes',
      ],
      { encoding: 'utf8', timeout: 30_000 },
    );
    if (created.status !== 0) {
      throw new Error(`redis-cli --cluster create failed: ${(created.stdout + created.stderr).slice(-500)}`);
    }
    for (const port of ports) await untilClusterOk(port);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url: `redis+cluster://${ports.map((port) => `${HOST}:${port}`).join(',')}`,
    nodes: ports.map((port) => ({ host: HOST, port })),
    stop,
  };
}

async function launchNode(dir: string, index: number, port: number, busPort: number): Promise<ChildProcess> {
  const proc = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--cluster-port',
      String(busPort),
      '--bind',
      HOST,
      '--cluster-enabled',
      'yes',
      '--cluster-config-file',
      `nodes-${index}.conf`,
      '--cluster-node-timeout',
      '5000',
      '--dir',
      dir,
      '--dbfilename',
      `dump-${index}.rdb`,
      // As the app's default REDIS_DURABILITY=aof asks: each node fsyncs its AOF before replying.
      '--appendonly',
      'yes',
      '--appendfsync',
      'always',
      '--appenddirname',
      `appendonly-${index}`,
      '--save',
      '',
      '--protected-mode',
      'yes',
      '--logfile',
      '',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        proc.stdout?.off('data', onData);
        proc.removeAllListeners('exit');
        resolve();
      }
    };
    proc.stdout?.on('data', onData);
    proc.once('exit', (code) =>
      reject(new Error(`redis-server (cluster node) exited early (code ${code}): ${output.slice(-500)}`)),
    );
  });
  proc.stdout?.resume();
  proc.stderr?.resume();
  return proc;
}

/** Every node must agree the cluster is whole before a client is pointed at it. */
async function untilClusterOk(port: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const info = spawnSync('redis-cli', ['-h', HOST, '-p', String(port), 'cluster', 'info'], {
      encoding: 'utf8',
    });
    if (info.stdout.includes('cluster_state:ok')) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the Redis Cluster node on port ${port} never reported cluster_state:ok`);
}

async function halt(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    proc.once('exit', () => resolve());
    proc.kill('SIGTERM');
  });
}
