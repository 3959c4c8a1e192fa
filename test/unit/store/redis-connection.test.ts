import { Cluster, Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { openRedis, parseRedisUrl } from '../../../src/store/redis-connection.js';

describe('REDIS_URL forms', () => {
  it('keeps a single server URL as it is, database and TLS included', () => {
    expect(parseRedisUrl('redis://127.0.0.1:6379/2')).toEqual({
      kind: 'single',
      url: 'redis://127.0.0.1:6379/2',
    });
    expect(parseRedisUrl('rediss://:pw@cache.internal:6380')).toEqual({
      kind: 'single',
      url: 'rediss://:pw@cache.internal:6380',
    });
  });

  it('reads a cluster as its seed nodes and credentials', () => {
    expect(parseRedisUrl('redis+cluster://app:s%40cret@10.0.0.1:7000,10.0.0.2:7001,[::1]:7002')).toEqual({
      kind: 'cluster',
      nodes: [
        { host: '10.0.0.1', port: 7000 },
        { host: '10.0.0.2', port: 7001 },
        { host: '::1', port: 7002 },
      ],
      username: 'app',
      password: 's@cret',
      tls: false,
    });
    expect(parseRedisUrl('rediss+cluster://:pw@node-a,node-b:6380/')).toMatchObject({
      kind: 'cluster',
      nodes: [
        { host: 'node-a', port: 6379 },
        { host: 'node-b', port: 6380 },
      ],
      password: 'pw',
      tls: true,
    });
  });

  it('reads Sentinel as the sentinels, the master name, the database and both passwords', () => {
    expect(
      parseRedisUrl('redis+sentinel://:master-pw@s1:26379,s2,s3:26380/mymaster/3?sentinelPassword=sent-pw'),
    ).toEqual({
      kind: 'sentinel',
      sentinels: [
        { host: 's1', port: 26379 },
        { host: 's2', port: 26379 },
        { host: 's3', port: 26380 },
      ],
      name: 'mymaster',
      db: 3,
      password: 'master-pw',
      sentinelPassword: 'sent-pw',
      tls: false,
    });
  });

  it('refuses malformed forms, saying what is wrong without repeating the URL', () => {
    const cases = [
      'http://:hunter2@host:6379',
      'redis+cluster://:hunter2@',
      'redis+cluster://:hunter2@h1:7000/0',
      'redis+cluster://:hunter2@h1:99999',
      'redis+sentinel://:hunter2@s1:26379',
      'redis+sentinel://:hunter2@s1:26379/mymaster/zero',
    ];
    for (const url of cases) {
      let message = '';
      try {
        parseRedisUrl(url);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message, url).not.toBe('');
      expect(message).not.toContain('hunter2');
    }
  });

  it('opens a Cluster client for a cluster URL and a plain client otherwise, without connecting', () => {
    const cluster = openRedis('redis+cluster://127.0.0.1:7000,127.0.0.1:7001', { lazyConnect: true });
    const single = openRedis('redis://127.0.0.1:6379', { lazyConnect: true });
    const sentinel = openRedis('redis+sentinel://127.0.0.1:26379/mymaster', { lazyConnect: true });
    expect(cluster).toBeInstanceOf(Cluster);
    expect(single).toBeInstanceOf(Redis);
    expect(sentinel).toBeInstanceOf(Redis);
    expect((sentinel as Redis).options.name).toBe('mymaster');
    for (const client of [cluster, single, sentinel]) client.disconnect();
  });

  it('is what the configuration accepts, and its refusal names REDIS_URL without the password', () => {
    const base = {
      SLACK_BOT_TOKEN: 'xoxb-123-456-secretvalue',
      SLACK_SIGNING_SECRET: 'signing-secret-value',
      VAULT_MASTER_KEYS: 'k1:MTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTI=',
      HR_USER_IDS: 'U0HR1',
      KEYSTORE_URL: 'redis://10.0.0.9:6379',
      PSEUDONYM_KEY: 'MTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTI=',
    };
    const cluster = loadConfig(
      { ...base, REDIS_URL: 'redis+cluster://10.0.0.1:7000,10.0.0.2:7000' },
      { demo: true },
    );
    expect(cluster.redisUrl).toBe('redis+cluster://10.0.0.1:7000,10.0.0.2:7000');
    expect(() =>
      loadConfig({ ...base, REDIS_URL: 'redis+sentinel://:hunter2@s1:26379' }, { demo: true }),
    ).toThrowError(/REDIS_URL is not valid \(a Sentinel URL names the master/);
    try {
      loadConfig({ ...base, REDIS_URL: 'redis+sentinel://:hunter2@s1:26379' }, { demo: true });
    } catch (error) {
      expect((error as Error).message).not.toContain('hunter2');
    }
  });
});
