import type { Redis } from 'ioredis';
import { StoreNotDurableError } from './types.js';

/**
 * What "saved" promises: the app tells a person something was saved only once the write is as safe
 * as REDIS_DURABILITY says.
 * - `aof`: on the Redis server's disk. With `appendfsync always` Redis writes and fsyncs its AOF
 *   before it replies, so the reply is the proof; otherwise, on Redis 7.2 and later, `WAITAOF 1 0`
 *   after each write waits for the fsync. A server that can give neither (AOF off, or
 *   `appendfsync everysec` before 7.2) cannot keep the promise: the app refuses to start on it.
 * - `replicas`: on REDIS_WAIT_REPLICAS replicas as well (`WAIT n`), for Sentinel set-ups that
 *   fail over to a replica.
 * - `none`: the reply is enough (a Redis that may lose the last second of writes in a crash).
 * A wait that falls short within REDIS_WAIT_TIMEOUT_MS means the write is in Redis but not yet
 * safe: the caller gets StoreNotDurableError and tells the person so.
 */
export type DurabilityPolicy =
  | { readonly mode: 'none' }
  | { readonly mode: 'aof'; readonly timeoutMs: number }
  | { readonly mode: 'replicas'; readonly replicas: number; readonly timeoutMs: number };

/** How one server keeps the policy, found by asking it. */
export type DurabilityMethod =
  | { readonly kind: 'reply' }
  | { readonly kind: 'waitaof'; readonly timeoutMs: number }
  | { readonly kind: 'wait'; readonly replicas: number; readonly timeoutMs: number }
  | { readonly kind: 'unmet'; readonly why: string };

export interface ServerPersistence {
  readonly version: string;
  readonly appendonly: string | undefined;
  readonly appendfsync: string | undefined;
}

/** Asks the server its version and AOF settings. CONFIG may be disabled (managed Redis): then unknown. */
export async function readPersistence(redis: Redis): Promise<ServerPersistence> {
  const info = String(await redis.info('server'));
  const version = /redis_version:([0-9.]+)/.exec(info)?.[1] ?? '0.0.0';
  const config = async (name: string): Promise<string | undefined> => {
    try {
      const reply = (await redis.config('GET', name)) as string[];
      return reply[1];
    } catch {
      return undefined;
    }
  };
  return { version, appendonly: await config('appendonly'), appendfsync: await config('appendfsync') };
}

function atLeast(version: string, major: number, minor: number): boolean {
  const [a = 0, b = 0] = version.split('.').map(Number);
  return a > major || (a === major && b >= minor);
}

/** How `policy` is kept on a server with these settings; `waitAllowed` is false on a Cluster. */
export function methodFor(
  policy: DurabilityPolicy,
  server: ServerPersistence,
  waitAllowed: boolean,
): DurabilityMethod {
  if (policy.mode === 'none') return { kind: 'reply' };
  if (policy.mode === 'replicas') {
    if (!waitAllowed) return { kind: 'unmet', why: 'waiting for replicas is not supported on Redis Cluster' };
    return { kind: 'wait', replicas: policy.replicas, timeoutMs: policy.timeoutMs };
  }
  if (server.appendonly === 'yes' && server.appendfsync === 'always') return { kind: 'reply' };
  if (server.appendonly !== 'no' && atLeast(server.version, 7, 2) && waitAllowed) {
    return { kind: 'waitaof', timeoutMs: policy.timeoutMs };
  }
  const settings =
    server.appendonly === undefined
      ? 'its AOF settings could not be read (CONFIG GET is disabled)'
      : server.appendonly !== 'yes'
        ? 'it runs with appendonly no'
        : `it runs appendfsync ${server.appendfsync ?? 'unknown'}`;
  return {
    kind: 'unmet',
    why: `REDIS_DURABILITY=aof needs the AOF on disk before a reply, but ${settings} on Redis ${server.version}: set appendonly yes and appendfsync always, use Redis 7.2 or later (WAITAOF), or set REDIS_DURABILITY=none to accept losing the last second of writes in a crash`,
  };
}

const NOT_SAFE = 'the write reached Redis but is not yet safe';

/**
 * Waits, on the connection that made the write, for what `method` promises. WAIT and WAITAOF
 * cover every earlier write of that connection, so one wait after a write covers it.
 */
export async function confirmWrite(
  redis: Pick<Redis, 'wait' | 'call'>,
  method: DurabilityMethod,
): Promise<void> {
  switch (method.kind) {
    case 'reply':
      return;
    case 'unmet':
      throw new StoreNotDurableError(`${NOT_SAFE}: ${method.why}`);
    case 'wait': {
      const acked = Number(await redis.wait(method.replicas, method.timeoutMs));
      if (acked < method.replicas)
        throw new StoreNotDurableError(`${NOT_SAFE} (${acked} of ${method.replicas} replicas have it)`);
      return;
    }
    case 'waitaof': {
      const reply = (await redis.call('WAITAOF', '1', '0', String(method.timeoutMs))) as number[];
      if (Number(reply[0]) < 1) throw new StoreNotDurableError(`${NOT_SAFE} (not yet on disk)`);
      return;
    }
  }
}
