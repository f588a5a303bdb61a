import path from 'node:path';
import { z } from 'zod';
import { projectRoot } from './paths';
import { DEFAULT_LIMITS } from './server/limits';
import { DEFAULT_ANSWER_CACHE } from './server/answer-cache';
import { DEFAULT_COMPILE_AFTER_RUNS } from './server/executor';
import { DEFAULT_NOTIFICATION_POLICY } from './domain/notifications';
import { DEFAULT_MANAGER_VACANCY_POLICY } from './domain/judgements';
import { DEFAULT_SCHEDULING_POLICY, ReturnVisitAnchor } from './domain/scheduling';

/** A statement running longer than this is cancelled: no request can hold a connection for ever. */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 30_000;

/** Seconds in a duration given as whole seconds ("43200") or with a unit: s, m, h or d ("12h"). */
export function durationSeconds(value: string): number {
  const [, amount, unit] = /^(\d+)\s*([smhd]?)$/i.exec(value.trim()) ?? [];
  if (amount === undefined) return Number.NaN;
  return Number(amount) * { s: 1, m: 60, h: 3600, d: 86_400 }[(unit || 's').toLowerCase() as 's' | 'm' | 'h' | 'd'];
}

/** GRAPHQL_COMPILE_AFTER_RUNS: a count of runs, or `never` (null). */
export const compileAfterRuns = z
  .union([z.literal('never'), z.coerce.number().int().min(0).max(1_000)])
  .default(DEFAULT_COMPILE_AFTER_RUNS)
  .transform((value) => (value === 'never' ? null : value));

/**
 * Configuration comes from the environment only, and is validated once at start-up: a bad value
 * stops the process with a message naming the variable.
 */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce
    .number({ invalid_type_error: 'must be a port number (0 to 65535)' })
    .int('must be a whole number')
    .min(0, 'must be a port number (0 to 65535)')
    .max(65_535, 'must be a port number (0 to 65535)')
    .default(4000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z
    .string()
    .url()
    .refine((url) => /^postgres(ql)?:\/\//.test(url), 'must be a postgres:// or postgresql:// URL')
    .optional(),
  /** Where embedded PostgreSQL keeps its data when DATABASE_URL is not set (git-ignored). */
  EMBEDDED_PG_DIR: z
    .string()
    .min(1)
    .default(path.join(projectRoot, '.data', 'pg')),
  /** How many synthetic providers to seed into an empty database at start-up (0: none). */
  DEMO_PROVIDERS: z.coerce.number().int().min(0).max(20_000).default(300),
  /** Seed value of the synthetic data generator. */
  SEED: z.coerce.number().int().default(20261123),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  /** The longest one SQL statement may run, in milliseconds, before PostgreSQL cancels it. */
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(DEFAULT_STATEMENT_TIMEOUT_MS),
  /** Milliseconds to let requests in flight finish on SIGINT/SIGTERM before closing anyway. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  /** Shared secret for bearer tokens (HS256): development and tests. At least 32 characters. */
  AUTH_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** JWKS URL of the OpenID Connect provider that signs bearer tokens (production). */
  AUTH_JWKS_URL: z.string().url().optional(),
  /**
   * The longest a development (shared-secret) token may live: whole seconds ("43200") or a number
   * with a unit ("12h", "90m", "1d"), from 1 minute to 7 days. Unset: 12 hours (auth.service.ts).
   */
  AUTH_MAX_TOKEN_LIFETIME: z
    .string()
    .trim()
    .regex(/^\d+\s*[smhd]?$/i, 'must be a number of seconds or a duration such as 12h, 90m or 1d')
    .transform(durationSeconds)
    .pipe(
      z
        .number()
        .min(60, 'must be at least 1 minute')
        .max(7 * 24 * 60 * 60, 'must be at most 7 days'),
    )
    .optional(),
  AUTH_ISSUER: z.string().min(1).default('ofsted-inspection-api'),
  AUTH_AUDIENCE: z.string().min(1).default('ofsted-inspection-api'),
  /** Most points one query may cost without a token / with one (README, "Limits"). */
  QUERY_COST_ANONYMOUS: z.coerce.number().int().min(1).default(DEFAULT_LIMITS.cost.anonymous),
  QUERY_COST_SIGNED_IN: z.coerce.number().int().min(1).default(DEFAULT_LIMITS.cost.signedIn),
  QUERY_MAX_DEPTH: z.coerce.number().int().min(2).max(100).default(DEFAULT_LIMITS.maxDepth),
  QUERY_MAX_ALIASES: z.coerce.number().int().min(0).default(DEFAULT_LIMITS.maxAliases),
  QUERY_MAX_DIRECTIVES: z.coerce.number().int().min(0).default(DEFAULT_LIMITS.maxDirectives),
  QUERY_MAX_TOKENS: z.coerce.number().int().min(100).default(DEFAULT_LIMITS.maxTokens),
  /** Requests per window per address without a token / per token subject with one; 0: no limit. */
  RATE_LIMIT_ANONYMOUS: z.coerce.number().int().min(0).default(DEFAULT_LIMITS.rateLimit.anonymous),
  RATE_LIMIT_SIGNED_IN: z.coerce.number().int().min(0).default(DEFAULT_LIMITS.rateLimit.signedIn),
  RATE_LIMIT_WINDOW_MS: z.coerce.number().int().min(1_000).default(DEFAULT_LIMITS.rateLimit.windowMs),
  /** Redis shared by every instance for the rate limits; in memory (per instance) without it. */
  REDIS_URL: z
    .string()
    .url()
    .refine((url) => /^rediss?:\/\//.test(url), 'must be a redis:// or rediss:// URL')
    .optional(),
  /** Shed load (503) past this event-loop delay, in milliseconds; 0: never. */
  OVERLOAD_MAX_EVENT_LOOP_DELAY_MS: z.coerce.number().int().min(0).default(DEFAULT_LIMITS.overload.maxEventLoopDelayMs),
  /** Shed load past this much V8 heap in use, in MiB; default 85% of the heap's limit; 0: never. */
  OVERLOAD_MAX_HEAP_MB: z.coerce.number().int().min(0).optional(),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1_024)
    .max(100 * 1_048_576)
    .default(DEFAULT_LIMITS.bodyLimitBytes),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1_000).default(DEFAULT_LIMITS.requestTimeoutMs),
  /** How long browsers and CDNs may keep a public answer fetched with GET, in seconds (0: never). */
  PUBLIC_CACHE_MAX_AGE_S: z.coerce.number().int().min(0).max(86_400).default(60),
  /** The most memory this process's public answer cache may take, in MiB (0: off). */
  PUBLIC_ANSWER_CACHE_MB: z.coerce
    .number()
    .int()
    .min(0)
    .max(4_096)
    .default(DEFAULT_ANSWER_CACHE.maxBytes / 1_048_576),
  /** How long the public answer cache keeps an answer at most, in seconds. */
  PUBLIC_ANSWER_CACHE_TTL_S: z.coerce
    .number()
    .int()
    .min(1)
    .max(86_400)
    .default(DEFAULT_ANSWER_CACHE.ttlMs / 1_000),
  /**
   * How far V8 lets the heap grow past what the last full collection kept, in percent (V8's
   * --heap-growing-percent); 0 leaves V8's own choice. V8 grows a small heap up to fourfold: the
   * server keeps about 46 MB live under load, yet rose to 300 MB of RSS before collecting. At 50
   * it peaked at 219 MB in the bench at the same throughput (README, "The public read path, measured").
   */
  HEAP_GROWTH_PERCENT: z.coerce.number().int().min(0).max(400).default(50),
  /**
   * How many times graphql-js runs a query document before it is compiled to JavaScript
   * (src/server/executor.ts): 0 compiles at once, `never` keeps graphql-js for everything.
   */
  GRAPHQL_COMPILE_AFTER_RUNS: compileAfterRuns,
  /** Annex N: a registered manager vacancy of this many weeks or more is long (CHA-195, CHA-197). */
  MANAGER_VACANCY_WEEKS: z.coerce
    .number()
    .int()
    .min(1)
    .max(104)
    .default(DEFAULT_MANAGER_VACANCY_POLICY.thresholdDays / 7),
  /**
   * CHA-197: at an interim inspection of a children's home after a long vacancy, the judgement must be
   * declined in effectiveness (LIMITING, Annex N) or is expected to be, another outcome taking a recorded reason (PROMPT, handbook ¶116).
   */
  MANAGER_VACANCY_INTERIM_READING: z.enum(['LIMITING', 'PROMPT']).default(DEFAULT_MANAGER_VACANCY_POLICY.interimReading),
  /** CH-179: what the six to eight weeks of the return after an inadequate judgement are counted from. */
  RETURN_VISIT_ANCHOR: z.nativeEnum(ReturnVisitAnchor).default(DEFAULT_SCHEDULING_POLICY.returnVisitAnchor),
  /*
   * Regulation 40 notifications (Annex L): the readings of what the handbook leaves open
   * (README, "Configuration" and "What the API covers so far"). The defaults are the rule catalogue's readings.
   */
  /** CHA-147 ("without delay"): delayed when received more than this many calendar days after the incident. */
  REGULATION_40_DELAYED_AFTER_DAYS: z.coerce.number().int().min(0).max(365).default(DEFAULT_NOTIFICATION_POLICY.delayedAfterDays),
  /** CHA-166: the assessment is due this many days after receipt. */
  REGULATION_40_ASSESSMENT_DAYS: z.coerce.number().int().min(0).max(365).default(DEFAULT_NOTIFICATION_POLICY.assessmentDays),
  /** CHA-166 gives no unit: calendar days (EC-09) unless WORKING. */
  REGULATION_40_ASSESSMENT_DAYS_COUNTED: z.enum(['CALENDAR', 'WORKING']).default(DEFAULT_NOTIFICATION_POLICY.assessmentDaysCounted),
  /** CHA-165 ("a reasonable timescale"): calendar days after an instigated child protection enquiry by which its outcome is expected. */
  REGULATION_40_CHILD_PROTECTION_OUTCOME_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .max(365)
    .default(DEFAULT_NOTIFICATION_POLICY.childProtectionOutcomeDays),
  /** CHA-172 ("a growing picture"): this many notifications from a home in six months prompt an early inspection. */
  REGULATION_40_GROWING_PICTURE_COUNT: z.coerce.number().int().min(1).max(1_000).default(DEFAULT_NOTIFICATION_POLICY.growingPictureCount),
  /** Origins browsers may call the API from, comma-separated (CORS); none by default. */
  CORS_ORIGINS: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z
          .string()
          .refine(
            (origin) => URL.canParse(origin) && new URL(origin).origin === origin,
            'each must be an origin such as https://example.org',
          ),
      ),
    )
    .default(''),
  /**
   * Which proxies' X-Forwarded-For to believe for the client's address (rate limits per address):
   * "true" (all), a number of hops, or comma-separated addresses/CIDRs. Unset: none, the socket's address.
   */
  TRUST_PROXY: z
    .string()
    .transform((value): boolean | number | string[] =>
      value === 'true'
        ? true
        : value === 'false'
          ? false
          : /^\d+$/.test(value)
            ? Number(value)
            : value.split(',').map((part) => part.trim()),
    )
    .optional(),
  /** Whether this process sends webhook deliveries (any number of processes may: they share the queue safely). */
  WEBHOOK_WORKER: z.enum(['on', 'off']).default('on'),
  /** How long a webhook receiver has to answer, in milliseconds. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  /** First retry delay in milliseconds; each later one doubles, up to six hours. */
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).default(30_000),
  /** Attempts before a delivery is given up. */
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(12),
  /** Accept and send to webhook URLs on a loopback address, plain http too: "true" or "false"; by default only outside production. No other internal address is ever allowed. */
  WEBHOOK_ALLOW_LOOPBACK: z.enum(['true', 'false']).optional(),
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (PORT= in a shell or compose file) means "not set": its default applies.
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''));
  const result = schema.safeParse(given);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  return result.data;
}
