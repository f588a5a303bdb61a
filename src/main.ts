import 'reflect-metadata';
import { setFlagsFromString } from 'node:v8';
import type { FastifyInstance } from 'fastify';
import Redis from 'ioredis';
import pino from 'pino';
import { ConfigError, loadConfig, type Config } from './config';
import { isRegisterEmpty, openDatabase } from './db/database';
import { systemClock } from './domain/clock';
import { DEFAULT_NOTIFICATION_POLICY } from './domain/notifications';
import { DEFAULT_DELIVERY_OPTIONS, DeliveryWorker } from './modules/feeds/delivery.worker';
import { buildApp } from './server/app';
import { DEFAULT_LIMITS, type EdgeLimits } from './server/limits';

/** The edge's limits from the configuration (README, "Limits"). */
function limitsFrom(config: Config): EdgeLimits {
  return {
    cost: { anonymous: config.QUERY_COST_ANONYMOUS, signedIn: config.QUERY_COST_SIGNED_IN },
    maxDepth: config.QUERY_MAX_DEPTH,
    maxAliases: config.QUERY_MAX_ALIASES,
    maxDirectives: config.QUERY_MAX_DIRECTIVES,
    maxTokens: config.QUERY_MAX_TOKENS,
    rateLimit: { anonymous: config.RATE_LIMIT_ANONYMOUS, signedIn: config.RATE_LIMIT_SIGNED_IN, windowMs: config.RATE_LIMIT_WINDOW_MS },
    overload: {
      ...DEFAULT_LIMITS.overload,
      maxEventLoopDelayMs: config.OVERLOAD_MAX_EVENT_LOOP_DELAY_MS,
      maxHeapUsedBytes:
        config.OVERLOAD_MAX_HEAP_MB === undefined ? DEFAULT_LIMITS.overload.maxHeapUsedBytes : config.OVERLOAD_MAX_HEAP_MB * 1_048_576,
    },
    bodyLimitBytes: config.BODY_LIMIT_BYTES,
    requestTimeoutMs: config.REQUEST_TIMEOUT_MS,
  };
}

async function main(config: Config): Promise<void> {
  // Before the heap has grown: V8 reads this flag at each full collection.
  if (config.HEAP_GROWTH_PERCENT > 0) setFlagsFromString(`--heap-growing-percent=${config.HEAP_GROWTH_PERCENT}`);
  const logger = pino({ level: config.LOG_LEVEL });
  const db = await openDatabase(config, (message) => logger.info(message));
  logger.info(`Database: ${db.description}`);
  // Rate limits shared by every instance through Redis when it is configured; in memory otherwise.
  const redis = config.REDIS_URL ? new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false }) : null;
  redis?.on('error', (error) => logger.warn({ err: error }, 'Redis (rate limits) is unreachable: requests are not rate limited meanwhile'));
  // Which webhook targets registration accepts and the worker connects to: loopback only in development (README, "Have it pushed").
  const webhookPolicy = { allowLoopback: (config.WEBHOOK_ALLOW_LOOPBACK ?? String(config.NODE_ENV !== 'production')) === 'true' };

  let app: FastifyInstance;
  try {
    const em = db.orm.em.fork();
    if (config.DEMO_PROVIDERS > 0 && (await isRegisterEmpty(em))) {
      // Loaded only to seed: the synthetic register's generators (faker's data) take 30 MB a process.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { seedFeed, seedSyntheticRegister } = require('./db/seed') as typeof import('./db/seed');
      const counts = await seedSyntheticRegister(em, { providers: config.DEMO_PROVIDERS, seed: config.SEED });
      await seedFeed(em);
      logger.info(
        `The register was empty: seeded ${counts.providers} synthetic settings with ${counts.publishedReports} published reports, and their feed (seed ${config.SEED})`,
      );
    }
    app = await buildApp({
      orm: db.orm,
      clock: systemClock,
      logger,
      auth: {
        secret: config.AUTH_JWT_SECRET,
        jwksUrl: config.AUTH_JWKS_URL,
        issuer: config.AUTH_ISSUER,
        audience: config.AUTH_AUDIENCE,
        maxTokenLifetime: config.AUTH_MAX_TOKEN_LIFETIME,
      },
      webhooks: webhookPolicy,
      limits: limitsFrom(config),
      redis,
      corsOrigins: config.CORS_ORIGINS,
      production: config.NODE_ENV === 'production',
      trustProxy: config.TRUST_PROXY,
      publicCacheMaxAgeSeconds: config.PUBLIC_CACHE_MAX_AGE_S,
      compileAfterRuns: config.GRAPHQL_COMPILE_AFTER_RUNS,
      answerCache: { maxBytes: config.PUBLIC_ANSWER_CACHE_MB * 1_048_576, ttlMs: config.PUBLIC_ANSWER_CACHE_TTL_S * 1_000 },
      scheduling: { returnVisitAnchor: config.RETURN_VISIT_ANCHOR },
      managerVacancy: { thresholdDays: config.MANAGER_VACANCY_WEEKS * 7, interimReading: config.MANAGER_VACANCY_INTERIM_READING },
      regulation40: {
        ...DEFAULT_NOTIFICATION_POLICY,
        delayedAfterDays: config.REGULATION_40_DELAYED_AFTER_DAYS,
        assessmentDays: config.REGULATION_40_ASSESSMENT_DAYS,
        assessmentDaysCounted: config.REGULATION_40_ASSESSMENT_DAYS_COUNTED,
        childProtectionOutcomeDays: config.REGULATION_40_CHILD_PROTECTION_OUTCOME_DAYS,
        growingPictureCount: config.REGULATION_40_GROWING_PICTURE_COUNT,
      },
    });
    if (!config.AUTH_JWT_SECRET && !config.AUTH_JWKS_URL) {
      logger.warn('No AUTH_JWT_SECRET or AUTH_JWKS_URL: only the public queries can be used (see README: npm run token)');
    }
  } catch (error) {
    await db.close();
    await redis?.quit();
    throw error;
  }
  const worker =
    config.WEBHOOK_WORKER === 'on'
      ? new DeliveryWorker(
          db.orm,
          {
            ...DEFAULT_DELIVERY_OPTIONS,
            timeoutMs: config.WEBHOOK_TIMEOUT_MS,
            retryBaseMs: config.WEBHOOK_RETRY_BASE_MS,
            maxAttempts: config.WEBHOOK_MAX_ATTEMPTS,
          },
          logger,
          webhookPolicy,
        )
      : null;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: no longer taking requests; finishing those in flight`);
    const timer = setTimeout(() => {
      logger.error('requests still in flight after the grace period: closing anyway');
      process.exit(1);
    }, config.SHUTDOWN_GRACE_MS);
    try {
      await app.close(); // stops listening, waits for requests in flight, stops Apollo
      await worker?.stop(); // lets the delivery round in flight record its outcomes
      await db.close(); // closes the pool, then stops embedded PostgreSQL
      await redis?.quit();
      logger.info('stopped');
    } catch (error) {
      logger.error({ err: error }, 'error while shutting down');
      process.exitCode = 1;
    } finally {
      clearTimeout(timer);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const address = await app.listen({ host: config.HOST, port: config.PORT });
  const port = new URL(address).port;
  logger.info(`GraphQL API at http://localhost:${port}/graphql`);
  worker?.start();
}

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
  process.exit(1);
}
main(config).catch((error) => {
  process.stderr.write(`Failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
