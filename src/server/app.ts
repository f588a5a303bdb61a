import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import type { MikroORM } from '@mikro-orm/postgresql';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Clock } from '../domain/clock';
import { checkReadiness } from '../db/database';
import type { Principal } from '../domain/access';
import { accessPlugin } from '../modules/auth/access.plugin';
import { auditPlugin } from '../modules/auth/audit.plugin';
import { principalFromHeader, tokenVerifier, type AuthenticationError, type AuthSettings } from '../modules/auth/auth.service';
import { unauthenticated } from '../modules/auth/authorize';
import { exportRoutes } from '../modules/exports/exports.routes';
import { createLoaders, type Context } from './context';
import { errorReportingPlugin, maskError } from './errors';
import { buildGraphQLSchema } from './schema';

export interface AppOptions {
  orm: MikroORM;
  clock: Clock;
  /** How bearer tokens are verified; without a secret or JWKS only the public queries work. */
  auth: AuthSettings;
  /** The pino logger to use (main.ts); none in tests unless asked for. */
  logger?: FastifyBaseLogger;
  /** Whether webhook endpoints may be plain http on a loopback address (development and tests only). */
  webhooks?: { allowLoopback: boolean };
}

/**
 * Builds the HTTP server: GraphQL at /graphql (Apollo Server on Fastify), /healthz and /readyz.
 * main.ts starts it; tests build it through this same factory.
 */
export async function buildApp({ orm, clock, logger, auth, webhooks = { allowLoopback: false } }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(logger ? { loggerInstance: logger } : { logger: false }),
    // The request ID is always the server's own: a client's x-request-id is never trusted into
    // the logs' reqId or the audit trail (it could be forged, repeated or too long). It is logged
    // beside it, cut to 64 printable characters, so a client can still correlate.
    requestIdHeader: false,
    genReqId: () => randomUUID(),
    bodyLimit: 1_048_576,
  });
  app.addHook('onRequest', async (request) => {
    const given = request.headers['x-request-id'];
    if (typeof given === 'string' && given) request.log.info({ clientRequestId: given.replace(/[^\x21-\x7e]/g, '?').slice(0, 64) }, 'client request ID');
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  const verify = tokenVerifier(auth);
  const apollo = new ApolloServer<Context>({
    schema: await buildGraphQLSchema(),
    formatError: maskError,
    includeStacktraceInErrorResponses: false,
    // Bounds the work one document can ask for before it is even validated.
    parseOptions: { maxTokens: 5_000 },
    plugins: [fastifyApolloDrainPlugin(app), errorReportingPlugin, accessPlugin, auditPlugin(orm)],
  });
  await apollo.start();

  await app.register(fastifyApollo(apollo), {
    path: '/graphql',
    context: async (request) => {
      let principal: Principal | null;
      try {
        principal = await principalFromHeader(request.headers.authorization, verify);
      } catch (error) {
        throw unauthenticated((error as AuthenticationError).message);
      }
      // One forked EntityManager and fresh DataLoaders for each request.
      const em = orm.em.fork();
      return { em, loaders: createLoaders(em, clock), clock, log: request.log, requestId: request.id, principal, webhookPolicy: webhooks };
    },
  });

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const readiness = await checkReadiness(orm);
    return reply.code(readiness.ready ? 200 : 503).send(readiness);
  });
  await app.register(exportRoutes, { orm, verify });

  return app;
}
