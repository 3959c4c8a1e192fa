import { Cluster, type ClusterOptions, Redis, type RedisOptions } from 'ioredis';

/**
 * Where Redis is, from one `REDIS_URL`, in the three shapes production uses:
 *   redis://[[user]:password@]host:port[/db]            one server (rediss:// for TLS)
 *   redis+cluster://[[user]:password@]h1:p1,h2:p2,...   Redis Cluster: any few of its primaries
 *                                                       (rediss+cluster:// for TLS)
 *   redis+sentinel://[[user]:password@]s1:p1,s2:p2/master-name[/db]
 *                                                       Sentinel: the sentinels and the master's name
 *                                                       (rediss+sentinel:// for TLS); the password is
 *                                                       the master's; a sentinel's own password, if it
 *                                                       has one, goes in ?sentinelPassword=
 * Every part of the app that talks to Redis (store, job queue, counters, command line) opens its
 * connection here, so the three shapes work everywhere alike.
 */

export type RedisClient = Redis | Cluster;

interface HostPort {
  readonly host: string;
  readonly port: number;
}

export type RedisTarget =
  | { readonly kind: 'single'; readonly url: string }
  | {
      readonly kind: 'cluster';
      readonly nodes: readonly HostPort[];
      readonly username?: string;
      readonly password?: string;
      readonly tls: boolean;
    }
  | {
      readonly kind: 'sentinel';
      readonly sentinels: readonly HostPort[];
      readonly name: string;
      readonly db: number;
      readonly username?: string;
      readonly password?: string;
      readonly sentinelPassword?: string;
      readonly tls: boolean;
    };

/** Thrown for a REDIS_URL that cannot be read; the message never repeats the URL (it may hold a password). */
export class RedisUrlError extends Error {
  override readonly name = 'RedisUrlError';
}

const SCHEME = /^(rediss?)(?:\+(cluster|sentinel))?:\/\//i;

/** The schemes REDIS_URL may start with, for the configuration's own check. */
export const REDIS_URL_PATTERN = /^rediss?(?:\+(?:cluster|sentinel))?:\/\//i;

export function parseRedisUrl(url: string): RedisTarget {
  const scheme = SCHEME.exec(url);
  if (!scheme) {
    throw new RedisUrlError(
      'must start with redis://, rediss://, redis+cluster:// or redis+sentinel:// (or their rediss+ forms)',
    );
  }
  const tls = scheme[1]?.toLowerCase() === 'rediss';
  const mode = scheme[2]?.toLowerCase();
  if (!mode) return { kind: 'single', url };

  // The host list is not one URL host, so the rest is read by hand: userinfo@hosts/path?query.
  const rest = url.slice(scheme[0].length);
  const at = rest.lastIndexOf('@', firstOf(rest, '/?'));
  const userinfo = at >= 0 ? rest.slice(0, at) : '';
  const afterUser = rest.slice(at + 1);
  const hostsEnd = firstOf(afterUser, '/?');
  const hosts = parseHosts(afterUser.slice(0, hostsEnd), mode === 'sentinel' ? 26379 : 6379);
  const pathAndQuery = afterUser.slice(hostsEnd);
  const queryAt = pathAndQuery.indexOf('?');
  const path = queryAt >= 0 ? pathAndQuery.slice(0, queryAt) : pathAndQuery;
  const query = new URLSearchParams(queryAt >= 0 ? pathAndQuery.slice(queryAt + 1) : '');
  const [rawUser, ...rawPassword] = userinfo ? userinfo.split(':') : [];
  const username = decode(rawUser);
  const password = rawPassword.length > 0 ? decode(rawPassword.join(':')) : undefined;
  const credentials = { ...(username ? { username } : {}), ...(password ? { password } : {}) };

  if (mode === 'cluster') {
    if (path.replace(/\/+$/, '') !== '') {
      throw new RedisUrlError('a Redis Cluster has no database number: leave the path after the hosts empty');
    }
    return { kind: 'cluster', nodes: hosts, tls, ...credentials };
  }
  const [name, db, ...extra] = path.split('/').filter(Boolean);
  if (!name) throw new RedisUrlError('a Sentinel URL names the master after the hosts: .../mymaster');
  if (extra.length > 0 || (db !== undefined && !/^\d+$/.test(db))) {
    throw new RedisUrlError('after the master name only a database number may follow: .../mymaster/0');
  }
  const sentinelPassword = query.get('sentinelPassword') ?? undefined;
  return {
    kind: 'sentinel',
    sentinels: hosts,
    name: decode(name) ?? name,
    db: db === undefined ? 0 : Number(db),
    tls,
    ...credentials,
    ...(sentinelPassword ? { sentinelPassword } : {}),
  };
}

function firstOf(text: string, characters: string): number {
  const found = [...characters].map((c) => text.indexOf(c)).filter((i) => i >= 0);
  return found.length > 0 ? Math.min(...found) : text.length;
}

function decode(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    return decodeURIComponent(value);
  } catch {
    throw new RedisUrlError('the user name or password has a broken %-escape');
  }
}

function parseHosts(list: string, defaultPort: number): HostPort[] {
  const hosts = list
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      // [::1]:7000, host:7000 or host
      const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(item);
      const plain = /^([^:[\]]+)(?::(\d+))?$/.exec(item);
      const match = bracketed ?? plain;
      const port = match?.[2] === undefined ? defaultPort : Number(match[2]);
      if (!match?.[1] || !Number.isInteger(port) || port < 1 || port > 65535) {
        throw new RedisUrlError('each host is host:port, separated by commas');
      }
      return { host: match[1], port };
    });
  if (hosts.length === 0) throw new RedisUrlError('name at least one host:port');
  return hosts;
}

/**
 * Opens a client for the URL. `options` are per-connection settings (timeouts, retries, offline
 * queue); for a cluster they apply to each node's connection and, where ioredis has a cluster-wide
 * equivalent, to the cluster as well.
 */
export function openRedis(url: string, options: RedisOptions = {}): RedisClient {
  const target = parseRedisUrl(url);
  if (target.kind === 'single') return new Redis(url, options);
  const tls = target.tls ? { tls: {} } : {};
  const credentials = {
    ...(target.username ? { username: target.username } : {}),
    ...(target.password ? { password: target.password } : {}),
  };
  if (target.kind === 'sentinel') {
    return new Redis({
      ...options,
      ...credentials,
      sentinels: [...target.sentinels],
      name: target.name,
      db: target.db,
      ...(target.sentinelPassword ? { sentinelPassword: target.sentinelPassword } : {}),
      ...(target.tls ? { tls: {}, enableTLSForSentinelMode: true, sentinelTLS: {} } : {}),
    });
  }
  const {
    enableOfflineQueue,
    enableReadyCheck,
    lazyConnect,
    retryStrategy,
    keyPrefix: _noPrefix,
    ...perNode
  } = options;
  const clusterOptions: ClusterOptions = {
    redisOptions: { ...perNode, ...credentials, ...tls },
    ...(enableOfflineQueue !== undefined ? { enableOfflineQueue } : {}),
    ...(enableReadyCheck !== undefined ? { enableReadyCheck } : {}),
    ...(lazyConnect !== undefined ? { lazyConnect } : {}),
    // The cluster reconnects as a whole on the same schedule a single connection would use.
    ...(retryStrategy ? { clusterRetryStrategy: (times: number) => retryStrategy(times) ?? null } : {}),
    // Reads and writes both go to primaries: a replica's lag would show a stale record.
    scaleReads: 'master',
    ...(target.tls ? { dnsLookup: (address, callback) => callback(null, address) } : {}),
  };
  return new Cluster([...target.nodes], clusterOptions);
}

/** Every primary behind a client (one for a single server or Sentinel), for scans over all keys. */
export function primariesOf(client: RedisClient): Redis[] {
  return client instanceof Cluster ? client.nodes('master') : [client];
}
