import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import type { MikroORM } from '@mikro-orm/postgresql';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { GraphQLError, type ValidationContext } from 'graphql';
import type { Redis } from 'ioredis';
import type { Clock } from '../domain/clock';
import { checkReadiness } from '../db/database';
import { accessPlugin } from '../modules/auth/access.plugin';
import { auditPlugin } from '../modules/auth/audit.plugin';
import { tokenVerifier, type AuthSettings } from '../modules/auth/auth.service';
import { unauthenticated } from '../modules/auth/authorize';
import { exportRoutes } from '../modules/exports/exports.routes';
import { AnswerCache, DEFAULT_ANSWER_CACHE, type AnswerCacheOptions } from './answer-cache';
import { createLoaders, createServices, type Context } from './context';
import { registerEdge, rateLimitLeft } from './edge';
import { errorReportingPlugin, maskError } from './errors';
import { httpCachePlugin, registerETags } from './http-cache';
import { inputTextPlugin } from './input-text';
import { DEFAULT_LIMITS, type EdgeLimits } from './limits';
import { QUERY_TOO_COMPLEX, costPlugin } from './query-cost';
import { buildGraphQLSchema } from './schema';
import { DEFAULT_SCHEDULING_POLICY, type SchedulingPolicy } from '../domain/scheduling';
import { compilingExecutor, DEFAULT_COMPILE_AFTER_RUNS, type CompileAfterRuns } from './executor';
import { DEFAULT_NOTIFICATION_POLICY, type NotificationPolicy } from '../domain/notifications';
import { DEFAULT_MANAGER_VACANCY_POLICY, type ManagerVacancyPolicy } from '../domain/judgements';

export interface AppOptions {
  orm: MikroORM;
  clock: Clock;
  /** How bearer tokens are verified; without a secret or JWKS only the public queries work. */
  auth: AuthSettings;
  /** The pino logger to use (main.ts); none in tests unless asked for. */
  logger?: FastifyBaseLogger;
  /** Whether webhook endpoints may be plain http on a loopback address (development and tests only). */
  webhooks?: { allowLoopback: boolean };
  /** Cost, depth, rate and load limits (README, "Limits"); the defaults when not given. */
  limits?: EdgeLimits;
  /** Shares rate-limit budgets between instances; in memory without it. */
  redis?: Redis | null;
  /** Prefix of the rate-limit keys in Redis. */
  redisPrefix?: string;
  /** Origins browsers may call the API from (CORS); none by default. */
  corsOrigins?: readonly string[];
  /** Production: field suggestions hidden, stricter headers. */
  production?: boolean;
  /** Which proxies' X-Forwarded-For to believe (Fastify's trustProxy); none by default. */
  trustProxy?: boolean | number | string[];
  /** How long browsers and CDNs may keep a public answer fetched with GET (0: never). */
  publicCacheMaxAgeSeconds?: number;
  /** How many runs on graphql-js before a query document is compiled (executor.ts); null: never. */
  compileAfterRuns?: CompileAfterRuns;
  /** The public answer cache of this process (answer-cache.ts); `maxBytes: 0` turns it off. */
  answerCache?: AnswerCacheOptions;
  /** The readings of Annex L's vague timescales for Regulation 40 notifications (README, "Configuration" and "What the API covers so far"). */
  regulation40?: NotificationPolicy;
  /** How a long registered manager vacancy is read (README, "Configuration"); Annex N's reading by default. */
  managerVacancy?: ManagerVacancyPolicy;
  /** What CH-179's return after an inadequate judgement is counted from (README, "Configuration"); the end of the inspection by default. */
  scheduling?: SchedulingPolicy;
}

/**
 * graphql-armor's depth, alias and directive limits: plain graphql-js validation rules, so a
 * refused document is never executed. Refusals carry QUERY_TOO_COMPLEX (errors.ts keeps that code
 * through Apollo's validation wrapper). Its cost rule is not used (query-cost.ts multiplies
 * through lists, which it does not), nor its token limit (Apollo's parser enforces that).
 */
function armor(limits: EdgeLimits, production: boolean) {
  const refuse = (limit: string) => ({
    propagateOnRejection: false,
    exposeLimits: true,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) =>
        context?.reportError(
          new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code: QUERY_TOO_COMPLEX, limit } }),
        ),
    ],
  });
  return new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ...refuse('depth') },
    maxAliases: { n: limits.maxAliases, allowList: [], ...refuse('aliases') },
    maxDirectives: { n: limits.maxDirectives, ...refuse('directives') },
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: production },
  }).protect();
}

/**
 * Builds the HTTP server: GraphQL at /graphql (Apollo Server on Fastify), /healthz and /readyz.
 * main.ts starts it; tests build it through this same factory.
 */
export async function buildApp({
  orm,
  clock,
  logger,
  auth,
  webhooks = { allowLoopback: false },
  limits = DEFAULT_LIMITS,
  redis = null,
  redisPrefix,
  corsOrigins = [],
  production = false,
  trustProxy = false,
  publicCacheMaxAgeSeconds = 60,
  compileAfterRuns = DEFAULT_COMPILE_AFTER_RUNS,
  answerCache: answerCacheOptions = DEFAULT_ANSWER_CACHE,
  regulation40 = DEFAULT_NOTIFICATION_POLICY,
  managerVacancy = DEFAULT_MANAGER_VACANCY_POLICY,
  scheduling = DEFAULT_SCHEDULING_POLICY,
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(logger ? { loggerInstance: logger } : { logger: false }),
    requestTimeout: limits.requestTimeoutMs,
    // A number of hops: believe that many proxies nearest the server, as proxy-addr counts them.
    trustProxy: typeof trustProxy === 'number' ? (_address: string, hop: number) => hop < trustProxy : trustProxy,
    // The request ID is always the server's own: a client's x-request-id is never trusted into
    // the logs' reqId or the audit trail (it could be forged, repeated or too long). It is logged
    // beside it, cut to 64 printable characters, so a client can still correlate.
    requestIdHeader: false,
    genReqId: () => randomUUID(),
    bodyLimit: limits.bodyLimitBytes,
  });
  const verify = tokenVerifier(auth);
  await registerEdge(app, { limits, verify, redis, redisPrefix, corsOrigins, production });
  // Before the ETags: an answer is kept as GraphQL sent it, before a revalidation turns it into a 304.
  const answers = answerCacheOptions.maxBytes > 0 ? new AnswerCache(orm.em.getKnex(), orm.config.getLogger(), answerCacheOptions) : null;
  answers?.register(app, '/graphql');
  app.decorate('answerCache', answers);
  registerETags(app);
  app.addHook('onRequest', async (request) => {
    const given = request.headers['x-request-id'];
    if (typeof given === 'string' && given)
      request.log.info({ clientRequestId: given.replace(/[^\x21-\x7e]/g, '?').slice(0, 64) }, 'client request ID');
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  const protection = armor(limits, production);
  const apollo = new ApolloServer<Context>({
    // Compiled queries (executor.ts); Apollo still parses, validates and runs the plugins.
    gateway: compilingExecutor(await buildGraphQLSchema(), compileAfterRuns),
    formatError: maskError,
    includeStacktraceInErrorResponses: false,
    // Off in production, with field suggestions (armor), so the schema cannot be discovered.
    introspection: !production,
    // Bounds the work one document can ask for before it is even validated.
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: protection.validationRules,
    plugins: [
      fastifyApolloDrainPlugin(app),
      errorReportingPlugin,
      ...protection.plugins,
      inputTextPlugin,
      costPlugin(limits.cost),
      accessPlugin,
      // Cache-Control is this server's own decision (http-cache.ts), not Apollo's hints. Apollo's
      // cache-control plugin, installed unless disabled, wraps every field's resolver to collect
      // hints nothing reads: measured, 5% of the CPU of an uncached feed page.
      ApolloServerPluginCacheControlDisabled(),
      httpCachePlugin(publicCacheMaxAgeSeconds),
      auditPlugin(orm),
    ],
  });
  await apollo.start();

  await app.register(fastifyApollo(apollo), {
    path: '/graphql',
    context: async (request, reply) => {
      // The token was checked as the request came in (edge.ts), before the rate limit.
      if (request.authenticationError) throw unauthenticated(request.authenticationError);
      // One forked EntityManager and fresh DataLoaders for each request.
      const em = orm.em.fork();
      const publicReads = answers?.readsFor(request);
      return {
        em,
        loaders: createLoaders(em, clock, { scheduling }),
        services: createServices({
          em,
          clock,
          principal: request.principal,
          publicReads,
          webhookPolicy: webhooks,
          regulation40,
          managerVacancy,
        }),
        clock,
        log: request.log,
        requestId: request.id,
        principal: request.principal,
        publicReads,
        webhookPolicy: webhooks,
        regulation40,
        scheduling,
        rateLimit: rateLimitLeft(reply),
      };
    },
  });

  app.get('/healthz', { config: { rateLimit: false } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { rateLimit: false } }, async (_request, reply) => {
    const readiness = await checkReadiness(orm);
    return reply.code(readiness.ready ? 200 : 503).send(readiness);
  });
  // The exports write the public types' fields as the schema defines them: the server hands it over.
  await app.register(exportRoutes, { orm, schema: await buildGraphQLSchema() });

  return app;
}
