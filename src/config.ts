import path from 'node:path';
import { z } from 'zod';
import { projectRoot } from './paths';

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
  EMBEDDED_PG_DIR: z.string().min(1).default(path.join(projectRoot, '.data', 'pg')),
  /** How many synthetic providers to seed into an empty database at start-up (0: none). */
  DEMO_PROVIDERS: z.coerce.number().int().min(0).max(20_000).default(300),
  /** Seed value of the synthetic data generator. */
  SEED: z.coerce.number().int().default(20261123),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  /** Milliseconds to let requests in flight finish on SIGINT/SIGTERM before closing anyway. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  /** Shared secret for bearer tokens (HS256): development and tests. At least 32 characters. */
  AUTH_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** JWKS URL of the OpenID Connect provider that signs bearer tokens (production). */
  AUTH_JWKS_URL: z.string().url().optional(),
  AUTH_ISSUER: z.string().min(1).default('ofsted-inspection-api'),
  AUTH_AUDIENCE: z.string().min(1).default('ofsted-inspection-api'),
  /** Whether this process sends webhook deliveries (any number of processes may: they share the queue safely). */
  WEBHOOK_WORKER: z.enum(['on', 'off']).default('on'),
  /** How long a webhook receiver has to answer, in milliseconds. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  /** First retry delay in milliseconds; each later one doubles, up to six hours. */
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).default(30_000),
  /** Attempts before a delivery is given up. */
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(12),
  /** Accept plain-http webhook URLs on a loopback address: "true" or "false"; by default only outside production. */
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
