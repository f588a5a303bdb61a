import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import type { MikroORM } from '@mikro-orm/postgresql';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Clock } from '../domain/clock';
import { checkReadiness } from '../db/database';
import { createLoaders, type Context } from './context';
import { errorReportingPlugin, maskError } from './errors';
import { buildGraphQLSchema } from './schema';

export interface AppOptions {
  orm: MikroORM;
  clock: Clock;
  /** The pino logger to use (main.ts); none in tests unless asked for. */
  logger?: FastifyBaseLogger;
}

/**
 * Builds the HTTP server: GraphQL at /graphql (Apollo Server on Fastify), /healthz and /readyz.
 * main.ts starts it; tests build it through this same factory.
 */
export async function buildApp({ orm, clock, logger }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(logger ? { loggerInstance: logger } : { logger: false }),
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    bodyLimit: 1_048_576,
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  const apollo = new ApolloServer<Context>({
    schema: await buildGraphQLSchema(),
    formatError: maskError,
    includeStacktraceInErrorResponses: false,
    // Bounds the work one document can ask for before it is even validated.
    parseOptions: { maxTokens: 5_000 },
    plugins: [fastifyApolloDrainPlugin(app), errorReportingPlugin],
  });
  await apollo.start();

  await app.register(fastifyApollo(apollo), {
    path: '/graphql',
    context: async (request) => {
      // One forked EntityManager and fresh DataLoaders for each request.
      const em = orm.em.fork();
      return { em, loaders: createLoaders(em, clock), clock, log: request.log, requestId: request.id };
    },
  });

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const readiness = await checkReadiness(orm);
    return reply.code(readiness.ready ? 200 : 503).send(readiness);
  });

  return app;
}
