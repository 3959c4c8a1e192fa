import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, environmentForCommand, environmentVariables, loadConfig } from '../../src/config.js';
import { addBusinessDays } from '../../src/domain/lifecycle/business-days.js';
import { lifecyclePolicy } from '../../src/workflows/lifecycle-policy.js';

const valid = {
  SLACK_BOT_TOKEN: 'xoxb-123-456-secretvalue',
  SLACK_SIGNING_SECRET: 'signing-secret-value',
  VAULT_MASTER_KEYS: `k1:${randomBytes(32).toString('base64')}`,
  HR_USER_IDS: 'U0HR1, U0HR2',
  REDIS_URL: 'redis://127.0.0.1:6379',
  KEYSTORE_URL: 'redis://127.0.0.1:6380',
  PSEUDONYM_KEY: randomBytes(32).toString('base64'),
};

function problemsOf(env: Record<string, string>, requireRedis = true): readonly string[] {
  try {
    loadConfig(env, { requireRedis });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('parses a complete environment into one typed object with defaults', () => {
    const config = loadConfig(valid, { requireRedis: true });
    expect(config.slack.mode).toBe('http');
    expect(config.hr.userIds).toEqual(['U0HR1', 'U0HR2']);
    expect(config.openai.model).toBe('gpt-4o-mini');
    expect(config.defaultJurisdiction).toBe('us');
    expect(config.retentionDays).toBe(365);
  });

  it('hides EAP figures from fewer than 11 people unless told otherwise, and refuses a group under 5', () => {
    expect(loadConfig(valid, { requireRedis: true }).eap.minGroup).toBe(11);
    expect(loadConfig({ ...valid, EAP_MIN_GROUP: '5' }, { requireRedis: true }).eap.minGroup).toBe(5);
    expect(problemsOf({ ...valid, EAP_MIN_GROUP: '4' }).join('\n')).toMatch(/EAP_MIN_GROUP.*at least 5/);
  });

  it("runs HR's clocks in HR's time zone, skipping the holidays set, with the business days set", () => {
    const config = loadConfig(
      {
        ...valid,
        HR_TIME_ZONE: 'Europe/London',
        HR_HOLIDAYS: '2026-12-25, 2026-12-28',
        HR_ACKNOWLEDGE_DAYS: '3',
      },
      { requireRedis: true },
    );
    const policy = lifecyclePolicy(config);
    expect(policy.calendar.timeZone).toBe('Europe/London');
    expect(policy.acknowledgeWithinDays).toBe(3);
    expect(policy.decideWithinDays).toBe(15);
    // Thursday 24 December: Friday 25 and Monday 28 are holidays, the weekend is skipped.
    const due = addBusinessDays(new Date('2026-12-24T10:00:00Z'), 1, policy.calendar);
    expect(due.toISOString().slice(0, 10)).toBe('2026-12-29');
  });

  it('names a holiday that is not a date, and a time zone that does not exist', () => {
    const problems = problemsOf({
      ...valid,
      HR_HOLIDAYS: '2026-12-25, Christmas',
      HR_TIME_ZONE: 'Mars/Olympus',
    });
    expect(problems.some((line) => line.startsWith('HR_HOLIDAYS'))).toBe(true);
    expect(problems.some((line) => line.startsWith('HR_TIME_ZONE'))).toBe(true);
    expect(problems.join(' ')).not.toContain('Christmas');
  });

  it('uses Socket Mode when an app token is set, with no signing secret needed', () => {
    const { SLACK_SIGNING_SECRET: _unused, ...env } = valid;
    const config = loadConfig({ ...env, SLACK_APP_TOKEN: 'xapp-1-abc' });
    expect(config.slack.mode).toBe('socket');
  });

  it('lists every missing variable at once, each with how to fix it', () => {
    const problems = problemsOf({});
    for (const name of [
      'SLACK_BOT_TOKEN',
      'VAULT_MASTER_KEYS',
      'SLACK_SIGNING_SECRET',
      'REDIS_URL',
      'HR_USER_IDS',
    ]) {
      expect(problems.some((line) => line.startsWith(`${name} is missing`))).toBe(true);
    }
    expect(problems.find((line) => line.startsWith('VAULT_MASTER_KEYS'))).toContain('randomBytes(32)');
  });

  it('takes the master keys out of the process environment once it has read them', () => {
    const saved = { ...process.env };
    try {
      Object.assign(process.env, valid);
      const config = loadConfig(process.env);
      expect(config.vaultMasterKeys.map((key) => key.id)).toEqual(['k1']);
      expect(process.env.VAULT_MASTER_KEYS).toBeUndefined();
      expect(process.env.PSEUDONYM_KEY).toBeUndefined();
      expect(config.pseudonymKey?.length).toBe(32);
      // A copy of the environment passed in (tests, the demo) is left as it was.
      const copy = { ...valid };
      loadConfig(copy);
      expect(copy.VAULT_MASTER_KEYS).toBe(valid.VAULT_MASTER_KEYS);
    } finally {
      for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
      Object.assign(process.env, saved);
    }
  });

  it('gives a one-shot command the master keys however often it asks, with them out of process.env', () => {
    const saved = { ...process.env };
    try {
      Object.assign(process.env, valid);
      const first = environmentForCommand();
      expect(process.env.VAULT_MASTER_KEYS).toBeUndefined();
      expect(process.env.PSEUDONYM_KEY).toBeUndefined();
      expect(first.VAULT_MASTER_KEYS).toBe(valid.VAULT_MASTER_KEYS);
      expect(loadConfig(environmentForCommand()).vaultMasterKeys.map((key) => key.id)).toEqual(['k1']);
      expect(process.env.VAULT_MASTER_KEYS).toBeUndefined();
    } finally {
      for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
      Object.assign(process.env, saved);
    }
  });

  it('refuses a data Redis without a key store of its own: a purge would not be final', () => {
    const { KEYSTORE_URL: _unset, ...withoutKeyStore } = valid;
    expect(problemsOf(withoutKeyStore)).toEqual([
      expect.stringMatching(/^KEYSTORE_URL is missing \(the data keys cannot live in the data Redis\)/),
    ]);
    // Another database number on the same server shares its AOF, snapshots and replicas.
    expect(problemsOf({ ...valid, KEYSTORE_URL: 'redis://127.0.0.1:6379/2' })).toEqual([
      expect.stringMatching(/^KEYSTORE_URL points at the same Redis server as REDIS_URL/),
    ]);
    expect(loadConfig(valid).keyStoreUrl).toBe('redis://127.0.0.1:6380');
  });

  it('says what is wrong with a bad value without printing the value', () => {
    const problems = problemsOf({ ...valid, SLACK_BOT_TOKEN: 'xoxp-user-token-secret', PORT: 'eighty' });
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).toContain('SLACK_BOT_TOKEN is not valid');
    expect(problems.join('\n')).toContain('PORT is not valid');
    expect(problems.join('\n')).not.toContain('xoxp-user-token-secret');
  });

  it('refuses the placeholders of .env.example, naming each without echoing it', () => {
    const problems = problemsOf({
      ...valid,
      SLACK_BOT_TOKEN: 'xoxb-your-bot-token',
      SLACK_APP_TOKEN: 'xapp-your-app-token',
      COMPANY_NAME: 'Example Co',
    });
    expect(problems).toEqual([
      expect.stringMatching(/^COMPANY_NAME is still the example value from \.env\.example: /),
      expect.stringMatching(/^SLACK_APP_TOKEN is still the example value from \.env\.example: /),
      expect.stringMatching(/^SLACK_BOT_TOKEN is still the example value from \.env\.example: copy the Bot/),
    ]);
    expect(problems.join('\n')).not.toContain('your-bot-token');
  });

  it('refuses a vault key that cannot be random, with how to make a good one', () => {
    const key = randomBytes(32).toString('base64');
    const problems = problemsOf({ ...valid, VAULT_MASTER_KEYS: `new:${key},old:${key}` });
    expect(problems).toEqual([
      'VAULT_MASTER_KEYS is not safe: key "old" is the same key as "new"; each id needs its own key (generate one with: openssl rand -base64 32).',
    ]);
    expect(problemsOf({ ...valid, VAULT_MASTER_KEYS: `k1:${Buffer.alloc(32).toString('base64')}` })).toEqual([
      'VAULT_MASTER_KEYS is not safe: key "k1" is all zero bytes; generate one with: openssl rand -base64 32.',
    ]);
  });

  it('lets the demo use any well-formed vault key: it keeps nothing past its run', () => {
    const env = { ...valid, VAULT_MASTER_KEYS: `demo:${Buffer.alloc(32).toString('base64')}` };
    expect(() => loadConfig(env, { demo: true })).not.toThrow();
  });

  it('lets the demo and tests run without Redis', () => {
    const { REDIS_URL: _unused, ...env } = valid;
    expect(problemsOf(env, false)).toEqual([]);
  });
});

describe('npm start with an empty environment', () => {
  it('exits non-zero and lists each missing variable with its fix', () => {
    // Run from an empty folder so a developer's own .env cannot fill the gaps.
    const main = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
    const result = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), main], {
      cwd: mkdtempSync(join(tmpdir(), 'aa-start-')),
      env: { PATH: process.env.PATH },
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(result.status).toBe(1);
    for (const name of [
      'SLACK_BOT_TOKEN',
      'SLACK_SIGNING_SECRET',
      'REDIS_URL',
      'VAULT_MASTER_KEYS',
      'HR_USER_IDS',
    ]) {
      expect(result.stderr).toContain(`${name} is missing`);
    }
  });
});

describe('.env.example', () => {
  it('documents every variable the app reads, each with a comment above it', () => {
    const lines = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8').split('\n');
    for (const name of environmentVariables) {
      const index = lines.findIndex((line) => line.startsWith(`${name}=`));
      expect(index, `${name} is missing from .env.example`).toBeGreaterThan(0);
      const above = lines.slice(0, index).reverse();
      const firstNonVariable = above.find((line) => !/^[A-Z_]+=/.test(line));
      expect(firstNonVariable?.startsWith('#'), `${name} has no comment`).toBe(true);
    }
  });
});
