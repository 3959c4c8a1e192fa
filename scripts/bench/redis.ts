import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';

/**
 * A private redis-server for one benchmark run: a free loopback port and a throwaway directory.
 * AOF with fsync every second, as a production Redis would run; nothing else shares it, so its
 * command counters belong to the process measured.
 */
export interface BenchRedis {
  readonly url: string;
  readonly client: Redis;
  stop(): Promise<void>;
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

export async function startBenchRedis(): Promise<BenchRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'aa-bench-redis-'));
  const proc: ChildProcess = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--appendfsync',
      'everysec',
      '--save',
      '',
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
    proc.once('error', reject);
    proc.once('exit', (code) =>
      reject(new Error(`redis-server exited early (code ${code}): ${output.slice(-300)}`)),
    );
  });
  proc.stdout?.resume();
  proc.stderr?.resume();
  const url = `redis://127.0.0.1:${port}`;
  const client = new Redis(url, { lazyConnect: false });
  return {
    url,
    client,
    stop: async () => {
      client.disconnect();
      if (proc.exitCode === null) {
        await new Promise<void>((resolve) => {
          proc.once('exit', () => resolve());
          proc.kill('SIGTERM');
        });
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Calls per command since the server started, from `INFO commandstats`. */
export async function commandCalls(client: Redis): Promise<number> {
  const info = await client.info('commandstats');
  let total = 0;
  for (const match of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) {
    // The benchmark's own INFO, MEMORY and SCAN are not the app's.
    if (['info', 'memory|usage', 'scan', 'config|resetstat'].includes(match[1] ?? '')) continue;
    total += Number(match[2]);
  }
  return total;
}
