import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';
import { jurisdictions } from './domain/request.js';
import { CanadianLaw, canadianLaws } from './letters/law.js';
import { type MasterKey, parseMasterKeys, weakMasterKeyProblems } from './privacy/master-keys.js';
import { secretCopy } from './privacy/secret-bytes.js';
import type { DurabilityPolicy } from './store/durability.js';
import { parseRedisUrl } from './store/redis-connection.js';

/** How many bytes a base64 text decodes to, the decoded bytes wiped at once (they may be a key). */
function base64Length(value: string): number {
  const bytes = Buffer.from(value, 'base64');
  const length = bytes.length;
  bytes.fill(0);
  return length;
}

/**
 * The environment, parsed once. Every problem is reported at once, one line each: the variable,
 * what is wrong, and how to fix it. Values are never echoed, so a secret can't leak into a log.
 */

const slackIds = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().regex(/^[UW][A-Z0-9]+$/, 'Slack user ids look like U0123ABCD')));

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value.trim() : undefined));

const positiveInt = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((value) => (value?.trim() ? Number(value) : fallback))
    .pipe(z.number().int().positive());

const EnvSchema = z.object({
  SLACK_BOT_TOKEN: z.string().startsWith('xoxb-', 'must be a bot token starting with xoxb-'),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText.pipe(z.string().startsWith('xapp-', 'must start with xapp-').optional()),
  SLACK_API_URL: optionalText.pipe(z.url().optional()),
  PORT: positiveInt(3000).pipe(z.number().max(65535)),
  REDIS_URL: optionalText.pipe(
    z
      .string()
      .superRefine((url, context) => {
        // The parser's messages describe the form only: the URL may hold a password.
        try {
          parseRedisUrl(url);
        } catch (error) {
          context.addIssue({
            code: 'custom',
            message: error instanceof Error ? error.message : 'unreadable',
          });
        }
      })
      .optional(),
  ),
  KEYSTORE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
      .optional(),
  ),
  PSEUDONYM_KEY: optionalText.pipe(
    z
      .string()
      .refine(
        (value) => /^[A-Za-z0-9+/]+={0,2}$/.test(value) && base64Length(value) >= 32,
        'must be at least 32 random bytes in base64',
      )
      // Out of the shared pool, and the pooled bytes wiped: see privacy/secret-bytes.ts.
      .transform((value) => secretCopy(Buffer.from(value, 'base64'), true))
      .optional(),
  ),
  REDIS_DURABILITY: optionalText
    .transform((value) => value ?? 'aof')
    .pipe(z.enum(['aof', 'replicas', 'none'], 'use aof, replicas or none')),
  REDIS_WAIT_REPLICAS: positiveInt(1),
  REDIS_WAIT_TIMEOUT_MS: positiveInt(1000).pipe(z.number().max(10_000)),
  REDIS_KEY_PREFIX: optionalText
    .transform((value) => value ?? 'aa')
    .pipe(z.string().regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . and - only')),
  VAULT_MASTER_KEYS: z
    .string()
    .min(1)
    .transform((value, ctx) => {
      try {
        return parseMasterKeys(value);
      } catch (error) {
        // The parser's messages name positions and ids, never key material.
        ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : 'unreadable' });
        return z.NEVER;
      }
    }),
  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: optionalText.pipe(z.url().optional()),
  OPENAI_MODEL: optionalText.transform((value) => value ?? 'gpt-4o-mini'),
  OPENAI_TIMEOUT_MS: positiveInt(15_000),
  OPENAI_MAX_RETRIES: z
    .string()
    .optional()
    .transform((value) => (value?.trim() ? Number(value) : 2))
    .pipe(z.number().int().min(0).max(5)),
  HR_USERGROUP_ID: optionalText.pipe(
    z
      .string()
      .regex(/^S[A-Z0-9]+$/, 'user group ids look like S0123ABCD')
      .optional(),
  ),
  HR_USER_IDS: optionalText.pipe(slackIds.optional()),
  HR_CHANNEL_ID: optionalText.pipe(
    z
      .string()
      .regex(/^[CG][A-Z0-9]+$/, 'channel ids look like C0123ABCD')
      .optional(),
  ),
  EAP_USERGROUP_ID: optionalText.pipe(
    z
      .string()
      .regex(/^S[A-Z0-9]+$/, 'user group ids look like S0123ABCD')
      .optional(),
  ),
  EAP_USER_IDS: optionalText.pipe(slackIds.optional()),
  // The CMS small-cell rule hides counts under 11; below 5 a group is small enough to name people.
  EAP_MIN_GROUP: positiveInt(11).pipe(z.number().min(5, 'must be at least 5')),
  DEFAULT_JURISDICTION: optionalText.transform((value) => value ?? 'us').pipe(z.enum(jurisdictions)),
  RETENTION_DAYS: positiveInt(365),
  CLOSE_GRACE_DAYS: positiveInt(30),
  HR_TIME_ZONE: optionalText
    .transform((value) => value ?? 'UTC')
    .pipe(z.string().refine((zone) => IANAZone.isValidZone(zone), 'not a time zone luxon knows')),
  HR_HOLIDAYS: optionalText.transform((value, context) => {
    const days = (value ?? '')
      .split(',')
      .map((day) => day.trim())
      .filter(Boolean);
    for (const day of days)
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !DateTime.fromISO(day).isValid)
        context.addIssue({ code: 'custom', message: 'a date that is not YYYY-MM-DD' });
    return days;
  }),
  HR_ACKNOWLEDGE_DAYS: positiveInt(2).pipe(z.number().max(30)),
  HR_DECIDE_DAYS: positiveInt(15).pipe(z.number().max(90)),
  HR_BACKUP_USER_ID: optionalText.pipe(
    z
      .string()
      .regex(/^[UW][A-Z0-9]+$/, 'user ids look like U0123ABCD')
      .optional(),
  ),
  HR_CONTACT_EMAIL: optionalText.pipe(z.email().optional()),
  REMINDER_QUIET_HOURS: optionalText
    .transform((value) => value ?? '20:00-08:00')
    .pipe(
      z
        .string()
        .regex(
          /^(off|([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d)$/,
          'quiet hours look like 20:00-08:00, or off',
        ),
    ),
  DRAFT_IDLE_DAYS: positiveInt(14),
  // Before an approved arrangement's review or end date, the employee and HR are asked about it.
  REVIEW_NOTICE_DAYS: positiveInt(7).pipe(z.number().max(60)),
  // A draft untouched this long gets one gentle nudge (drafts expire after DRAFT_IDLE_DAYS).
  DRAFT_NUDGE_DAYS: positiveInt(3).pipe(z.number().max(60)),
  RETENTION_SWEEP_SECONDS: positiveInt(3600),
  COMPANY_NAME: optionalText.transform((value) => value ?? 'our company'),
  SIGNATURE_BLOCK: optionalText,
  COMPANY_ADDRESS: optionalText.transform((value) =>
    value
      ?.split('|')
      .map((line) => line.trim())
      .filter(Boolean),
  ),
  CA_HUMAN_RIGHTS_LAW: optionalText.pipe(CanadianLaw.optional()),
  POLICY_URL: optionalText.pipe(z.url().optional()),
  TEMPLATES_DIR: optionalText,
  WORKER_IN_APP: optionalText
    .transform((value) => value ?? 'true')
    .pipe(z.enum(['true', 'false'], 'use true or false'))
    .transform((value) => value === 'true'),
  OUTBOX_MAX_ATTEMPTS: positiveInt(8).pipe(z.number().max(50)),
  OUTBOX_RETRY_BASE_MS: positiveInt(2000),
  OUTBOX_SWEEP_SECONDS: positiveInt(60),
  LOG_LEVEL: optionalText
    .transform((value) => value ?? 'info')
    .pipe(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])),
});

/** Every variable the app reads: `.env.example` documents each one (a test holds it to that). */
export const environmentVariables = Object.keys(EnvSchema.shape);

/** How to fix each variable, said once here rather than in every message. */
const fixes: Record<string, string> = {
  SLACK_BOT_TOKEN: 'copy the Bot User OAuth Token from your Slack app, OAuth & Permissions page',
  SLACK_SIGNING_SECRET: 'copy the Signing Secret from your Slack app, Basic Information page',
  SLACK_APP_TOKEN:
    'create an app-level token with connections:write under Basic Information, App-Level Tokens',
  SLACK_API_URL: 'leave it unset to talk to Slack; the demo and tests set it to the local emulator',
  PORT: 'use a port number such as 3000',
  REDIS_URL:
    'point it at your Redis, e.g. redis://127.0.0.1:6379, redis+cluster://10.0.0.1:6379,10.0.0.2:6379 or redis+sentinel://10.0.0.1:26379,10.0.0.2:26379/mymaster',
  REDIS_KEY_PREFIX: 'use a short name such as aa',
  REDIS_DURABILITY:
    'use aof (a write counts once it is in the AOF on disk), replicas (once REDIS_WAIT_REPLICAS replicas have it) or none',
  REDIS_WAIT_REPLICAS: 'use a whole number of replicas, e.g. 1',
  REDIS_WAIT_TIMEOUT_MS: 'use milliseconds up to 10000, e.g. 1000',
  PSEUDONYM_KEY:
    'generate one with: openssl rand -base64 32 (keep it: changing it hides stored conversations and lists)',
  KEYSTORE_URL:
    'point it at a second Redis with its own persistence and backups, e.g. redis://127.0.0.1:6380 (see README, "How long data lasts")',
  VAULT_MASTER_KEYS:
    "generate one with: node -e \"console.log('k1:'+require('crypto').randomBytes(32).toString('base64'))\"",
  OPENAI_BASE_URL: 'use the base URL of an OpenAI-compatible server, e.g. http://127.0.0.1:8080/v1',
  OPENAI_TIMEOUT_MS: 'use milliseconds, e.g. 15000',
  OPENAI_MAX_RETRIES: 'use a whole number from 0 to 5',
  HR_USERGROUP_ID: 'copy the id of the HR user group (Slack: People > User groups > copy group ID)',
  HR_USER_IDS: 'list HR members’ Slack user ids, comma-separated',
  HR_CHANNEL_ID: 'copy the id of a private channel for HR (channel details > copy channel ID)',
  EAP_USERGROUP_ID: 'copy the id of the EAP user group',
  EAP_USER_IDS: 'list EAP coordinators’ Slack user ids, comma-separated',
  EAP_MIN_GROUP: 'use a whole number of people of at least 5, e.g. 11 (the default)',
  DEFAULT_JURISDICTION: 'use us, uk or ca',
  RETENTION_DAYS: 'use a number of days, e.g. 365',
  CLOSE_GRACE_DAYS: 'use a number of days, e.g. 30',
  HR_TIME_ZONE: 'use an IANA time zone such as America/New_York or Europe/London',
  HR_HOLIDAYS: 'list the organisation’s holidays as YYYY-MM-DD, comma-separated',
  HR_ACKNOWLEDGE_DAYS: 'use a number of business days, e.g. 2',
  HR_DECIDE_DAYS: 'use a number of business days, e.g. 15',
  HR_BACKUP_USER_ID:
    'copy the Slack member id of the HR member who hears escalations (profile > copy member ID)',
  HR_CONTACT_EMAIL: 'use the email address where HR receives documents, e.g. hr-confidential@example.com',
  REMINDER_QUIET_HOURS: 'write the quiet hours as HH:mm-HH:mm, e.g. 20:00-08:00, or off',
  DRAFT_IDLE_DAYS: 'use a number of days, e.g. 14',
  REVIEW_NOTICE_DAYS: 'use a number of calendar days from 1 to 60, e.g. 7',
  DRAFT_NUDGE_DAYS: 'use a number of days from 1 to 60, e.g. 3',
  RETENTION_SWEEP_SECONDS: 'use a number of seconds, e.g. 3600 (hourly)',
  POLICY_URL: 'use a full https:// link to your accommodation policy',
  CA_HUMAN_RIGHTS_LAW: `use federal, or a province or territory code: ${canadianLaws.filter((law) => law !== 'federal').join(', ')}`,
  OPENAI_API_KEY: 'use your OpenAI (or compatible server) API key, or leave it empty to draft offline',
  COMPANY_NAME: 'write your organisation’s name as letters should show it',
  LOG_LEVEL: 'use one of fatal, error, warn, info, debug, trace, silent',
  WORKER_IN_APP: 'use true (the app delivers messages itself) or false (run `npm run worker` beside it)',
  OUTBOX_MAX_ATTEMPTS: 'use a whole number of tries, e.g. 8',
  OUTBOX_RETRY_BASE_MS: 'use milliseconds, e.g. 2000',
  OUTBOX_SWEEP_SECONDS: 'use a number of seconds, e.g. 60',
};

export interface AppConfig {
  readonly slack: {
    readonly botToken: string;
    readonly mode: 'socket' | 'http';
    readonly signingSecret?: string;
    readonly appToken?: string;
    readonly apiUrl?: string;
    readonly port: number;
  };
  readonly redisUrl?: string;
  readonly redisKeyPrefix: string;
  /** What a write waits for before the app calls it saved (see src/store/durability.ts). */
  readonly redisDurability: DurabilityPolicy;
  /** The Redis that holds the data keys; set whenever redisUrl is. */
  readonly keyStoreUrl?: string;
  /** The key of the keyed hash that stands for user ids in Redis key names; set whenever redisUrl is. */
  readonly pseudonymKey?: Buffer;
  readonly vaultMasterKeys: readonly MasterKey[];
  readonly openai: {
    readonly apiKey?: string;
    readonly baseURL?: string;
    readonly model: string;
    readonly timeoutMs: number;
    readonly maxRetries: number;
  };
  readonly hr: {
    readonly userGroupId?: string;
    readonly userIds: readonly string[];
    readonly channelId?: string;
    /** Hears escalations of overdue requests, besides HR's channel. */
    readonly backupUserId?: string;
    /**
     * Where a provider returns the provider form, directly to HR and outside Slack. Unset: the
     * documentation request asks for a short note instead, and no form is sent.
     */
    readonly contactEmail?: string;
  };
  readonly eap: {
    readonly userGroupId?: string;
    readonly userIds: readonly string[];
    /** EAP's figures from fewer people than this read "fewer than N" (never below 5). */
    readonly minGroup: number;
  };
  readonly defaultJurisdiction: (typeof jurisdictions)[number];
  readonly retentionDays: number;
  /** Calendar days a finished request (denied, withdrawn, ended) stays open before it is closed. */
  readonly closeGraceDays: number;
  readonly draftIdleDays: number;
  /** Days a draft is left untouched before its one gentle nudge. */
  readonly draftNudgeDays: number;
  /** How often the retention purge runs (a job scheduler shared by every replica). */
  readonly retentionSweepSeconds: number;
  /** HR's clocks: the calendar they run in and how many business days each step may take. */
  readonly clocks: {
    readonly timeZone: string;
    readonly holidays: readonly string[];
    readonly acknowledgeWithinDays: number;
    /** Calendar days before an arrangement's review or end date that the employee and HR are asked. */
    readonly reviewNoticeDays: number;
    readonly decideWithinDays: number;
    /** No reminder reaches anyone between these local times (their own time zone); null: any time. */
    readonly quietHours: { readonly from: string; readonly until: string } | null;
  };
  readonly org: {
    readonly companyName: string;
    readonly signatureBlock?: string;
    readonly policyUrl?: string;
    /** Letterhead address lines. */
    readonly address?: readonly string[];
    /** Canada: whose human rights law covers the workplace, named in letters. */
    readonly caHumanRightsLaw?: CanadianLaw;
  };
  readonly templatesDir?: string;
  readonly logLevel: string;
  /** The outbox worker: where it runs, how often it tries, how often it looks for lost work. */
  readonly worker: {
    readonly inApp: boolean;
    readonly maxAttempts: number;
    readonly retryBaseMs: number;
    readonly sweepSeconds: number;
  };
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly string[]) {
    super(
      `The configuration has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
}

export type Env = Readonly<Record<string, string | undefined>>;

export interface LoadOptions {
  /** The demo and tests run without Redis on the in-process store; `npm start` must not. */
  readonly requireRedis?: boolean;
  /**
   * The demo keeps nothing past its run, so a hand-made vault key there protects nothing anyway;
   * everywhere else a key that cannot be random is refused.
   */
  readonly demo?: boolean;
}

/** What leaves the process environment once read: the keys that open every sealed value. */
const SECRET_VARIABLES = ['VAULT_MASTER_KEYS', 'PSEUDONYM_KEY'] as const;
const keptSecrets: Partial<Record<(typeof SECRET_VARIABLES)[number], string>> = {};

/**
 * The environment for a one-shot command (the command line's maintenance and outbox commands),
 * which may read its configuration more than once in one process: the master keys move out of
 * `process.env` into this module the first time they are seen (a newer value there replaces the
 * kept one), so a child process or a dump of the environment does not carry them, and each call
 * gets a copy of the environment with them.
 */
export function environmentForCommand(): Record<string, string | undefined> {
  for (const name of SECRET_VARIABLES) {
    const value = process.env[name];
    if (value === undefined) continue;
    keptSecrets[name] = value;
    delete process.env[name];
  }
  return { ...process.env, ...keptSecrets };
}

/**
 * Values copied from `.env.example` unchanged, or written in its style: they parse, so without this
 * the app would start and fail later, far from the cause (a placeholder token only fails at Slack).
 */
const PLACEHOLDER = /your|example|placeholder|change-?me|replace|paste|x{4,}|\.\.\.|…|<|>/i;
const placeholderChecks: Readonly<Record<string, (value: string) => boolean>> = {
  SLACK_BOT_TOKEN: (value) => PLACEHOLDER.test(value.replace(/^xoxb-/, '')),
  SLACK_APP_TOKEN: (value) => PLACEHOLDER.test(value.replace(/^xapp-/, '')),
  SLACK_SIGNING_SECRET: (value) => PLACEHOLDER.test(value),
  OPENAI_API_KEY: (value) => PLACEHOLDER.test(value.replace(/^sk-/, '')),
  COMPANY_NAME: (value) => /^example co\.?$/i.test(value.trim()),
};

export function loadConfig(env: Env, options: LoadOptions = {}): AppConfig {
  const parsed = EnvSchema.safeParse(env);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const variable = String(issue.path[0] ?? 'environment');
      const missing = env[variable] === undefined || env[variable] === '';
      const what = missing ? 'is missing' : `is not valid (${issue.message})`;
      problems.push(describe(variable, what));
    }
  }
  // Cross-field rules run on the raw values too, so one run lists every problem, not the first few.
  const present = (name: string) => Boolean(env[name]?.trim());
  if (!present('SLACK_APP_TOKEN') && !present('SLACK_SIGNING_SECRET')) {
    problems.push(
      describe(
        'SLACK_SIGNING_SECRET',
        'is missing (needed for HTTP mode; or set SLACK_APP_TOKEN for Socket Mode)',
      ),
    );
  }
  if (options.requireRedis && !present('REDIS_URL')) problems.push(describe('REDIS_URL', 'is missing'));
  // The data keys must not share the data's persistence: a purge is final only if they live apart.
  if (present('REDIS_URL') && !present('KEYSTORE_URL')) {
    problems.push(describe('KEYSTORE_URL', 'is missing (the data keys cannot live in the data Redis)'));
  } else if (present('REDIS_URL') && sameServer(env.REDIS_URL ?? '', env.KEYSTORE_URL ?? '')) {
    problems.push(describe('KEYSTORE_URL', 'points at the same Redis server as REDIS_URL'));
  }
  if (present('REDIS_URL') && !present('PSEUDONYM_KEY')) {
    problems.push(describe('PSEUDONYM_KEY', 'is missing (user ids in Redis key names are hashed with it)'));
  }
  if (!present('HR_USERGROUP_ID') && !present('HR_USER_IDS')) {
    problems.push(describe('HR_USER_IDS', 'is missing (set HR_USER_IDS or HR_USERGROUP_ID)'));
  }
  for (const [variable, isPlaceholder] of Object.entries(placeholderChecks)) {
    const value = env[variable]?.trim();
    if (value && isPlaceholder(value)) {
      problems.unshift(describe(variable, 'is still the example value from .env.example'));
    }
  }
  const data = parsed.success ? parsed.data : undefined;
  if (data && !options.demo) {
    for (const problem of weakMasterKeyProblems(data.VAULT_MASTER_KEYS)) {
      problems.push(`VAULT_MASTER_KEYS is not safe: ${problem}.`);
    }
  }
  if (problems.length > 0 || !data) throw new ConfigError(problems);
  // Parsed once, the master keys leave the environment: a child process, a crash report or a
  // dependency that dumps process.env must not carry them.
  if (env === process.env) {
    delete process.env.VAULT_MASTER_KEYS;
    delete process.env.PSEUDONYM_KEY;
  }

  return {
    slack: {
      botToken: data.SLACK_BOT_TOKEN,
      mode: data.SLACK_APP_TOKEN ? 'socket' : 'http',
      signingSecret: data.SLACK_SIGNING_SECRET,
      appToken: data.SLACK_APP_TOKEN,
      apiUrl: data.SLACK_API_URL,
      port: data.PORT,
    },
    redisUrl: data.REDIS_URL,
    redisKeyPrefix: data.REDIS_KEY_PREFIX,
    redisDurability:
      data.REDIS_DURABILITY === 'none'
        ? { mode: 'none' }
        : data.REDIS_DURABILITY === 'aof'
          ? { mode: 'aof', timeoutMs: data.REDIS_WAIT_TIMEOUT_MS }
          : { mode: 'replicas', replicas: data.REDIS_WAIT_REPLICAS, timeoutMs: data.REDIS_WAIT_TIMEOUT_MS },
    ...(data.REDIS_URL && data.KEYSTORE_URL ? { keyStoreUrl: data.KEYSTORE_URL } : {}),
    ...(data.PSEUDONYM_KEY ? { pseudonymKey: data.PSEUDONYM_KEY } : {}),
    vaultMasterKeys: data.VAULT_MASTER_KEYS,
    openai: {
      apiKey: data.OPENAI_API_KEY,
      baseURL: data.OPENAI_BASE_URL,
      model: data.OPENAI_MODEL,
      timeoutMs: data.OPENAI_TIMEOUT_MS,
      maxRetries: data.OPENAI_MAX_RETRIES,
    },
    hr: {
      userGroupId: data.HR_USERGROUP_ID,
      userIds: data.HR_USER_IDS ?? [],
      channelId: data.HR_CHANNEL_ID,
      ...(data.HR_BACKUP_USER_ID ? { backupUserId: data.HR_BACKUP_USER_ID } : {}),
      ...(data.HR_CONTACT_EMAIL ? { contactEmail: data.HR_CONTACT_EMAIL } : {}),
    },
    eap: {
      userGroupId: data.EAP_USERGROUP_ID,
      userIds: data.EAP_USER_IDS ?? [],
      minGroup: data.EAP_MIN_GROUP,
    },
    defaultJurisdiction: data.DEFAULT_JURISDICTION,
    retentionDays: data.RETENTION_DAYS,
    closeGraceDays: data.CLOSE_GRACE_DAYS,
    draftIdleDays: data.DRAFT_IDLE_DAYS,
    draftNudgeDays: data.DRAFT_NUDGE_DAYS,
    retentionSweepSeconds: data.RETENTION_SWEEP_SECONDS,
    clocks: {
      timeZone: data.HR_TIME_ZONE,
      holidays: data.HR_HOLIDAYS,
      acknowledgeWithinDays: data.HR_ACKNOWLEDGE_DAYS,
      reviewNoticeDays: data.REVIEW_NOTICE_DAYS,
      decideWithinDays: data.HR_DECIDE_DAYS,
      quietHours: quietHoursOf(data.REMINDER_QUIET_HOURS),
    },
    org: {
      companyName: data.COMPANY_NAME,
      signatureBlock: data.SIGNATURE_BLOCK,
      policyUrl: data.POLICY_URL,
      address: data.COMPANY_ADDRESS,
      caHumanRightsLaw: data.CA_HUMAN_RIGHTS_LAW,
    },
    templatesDir: data.TEMPLATES_DIR,
    logLevel: data.LOG_LEVEL,
    worker: {
      inApp: data.WORKER_IN_APP,
      maxAttempts: data.OUTBOX_MAX_ATTEMPTS,
      retryBaseMs: data.OUTBOX_RETRY_BASE_MS,
      sweepSeconds: data.OUTBOX_SWEEP_SECONDS,
    },
  };
}

/** Same host and port (any database number): the same persistence files and backups. */
function sameServer(a: string, b: string): boolean {
  try {
    const [x, y] = [new URL(a.trim()), new URL(b.trim())];
    return x.hostname === y.hostname && (x.port || '6379') === (y.port || '6379');
  } catch {
    return false;
  }
}

function describe(variable: string, what: string): string {
  const fix = fixes[variable];
  return fix ? `${variable} ${what}: ${fix}.` : `${variable} ${what}.`;
}

/** "20:00-08:00" as the quiet window, or null for "off". */
function quietHoursOf(value: string): { from: string; until: string } | null {
  if (value === 'off') return null;
  const [from = '20:00', until = '08:00'] = value.split('-');
  return { from, until };
}
