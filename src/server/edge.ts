import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import underPressure from '@fastify/under-pressure';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import type { Principal } from '../domain/access';
import { principalFromHeader, type AuthenticationError } from '../modules/auth/auth.service';
import { INTERNAL_ERROR_MESSAGE, boundedMessage, quoted } from './errors';
import type { EdgeLimits } from './limits';

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller named by a verified bearer token; null for the public (or when the token failed). */
    principal: Principal | null;
    /** Why the bearer token sent could not be used; null when none was sent or it was good. */
    authenticationError: string | null;
  }
}

export interface EdgeOptions {
  limits: EdgeLimits;
  verify: (token: string) => Promise<Principal>;
  /** Shares the rate-limit budget between instances; in memory without it. */
  redis?: Redis | null;
  /** Prefix of the rate-limit keys in Redis (instances that share a budget use the same). */
  redisPrefix?: string;
  /** Origins a browser may call the API from; none (CORS off) by default. */
  corsOrigins?: readonly string[];
  production: boolean;
}

/** Every error response is GraphQL-shaped: `{"errors":[{"message","extensions":{"code"}}]}`. */
export function sendGraphQLError(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  extensions: Record<string, unknown> = {},
): FastifyReply {
  return reply
    .code(status)
    .type('application/json; charset=utf-8')
    .send({ errors: [{ message: boundedMessage(message), extensions: { code, ...extensions } }] });
}

/** Fastify's own refusals (body too large, wrong media type, malformed JSON...) as GraphQL errors with their status. */
const FASTIFY_CODES: Record<string, { code: string; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is larger than this server accepts' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send the request as application/json' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'BAD_REQUEST', message: 'The Content-Length header does not match the body' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'BAD_REQUEST', message: 'The JSON body is empty' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'BAD_REQUEST', message: 'The body is not valid JSON' },
  FST_ERR_CTP_INVALID_TYPE: { code: 'BAD_REQUEST', message: 'The Content-Type header is malformed' },
};

/** Answers the rate limiter and the overload check with; recognised by the error handler. */
class EdgeRefusal extends Error {
  constructor(
    readonly statusCode: number,
    readonly graphqlCode: string,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/**
 * The public edge: security headers, CORS by allow-list only, authentication before anything
 * else, rate limits per client, load shedding, and GraphQL-shaped answers for every refusal.
 * Registered on the root instance before any route.
 */
export async function registerEdge(app: FastifyInstance, options: EdgeOptions): Promise<void> {
  const { limits } = options;

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof EdgeRefusal) {
      reply.header('retry-after', String(error.retryAfterSeconds));
      return sendGraphQLError(reply, error.statusCode, error.graphqlCode, error.message, { retryAfterSeconds: error.retryAfterSeconds });
    }
    const known = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (known) return sendGraphQLError(reply, error.statusCode ?? 400, known.code, known.message);
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) return sendGraphQLError(reply, status, 'BAD_REQUEST', 'The request could not be understood');
    request.log.error({ err: error }, 'internal error outside GraphQL');
    return sendGraphQLError(reply, 500, 'INTERNAL_SERVER_ERROR', INTERNAL_ERROR_MESSAGE, { requestId: request.id });
  });
  app.setNotFoundHandler((request, reply) =>
    sendGraphQLError(reply, 404, 'NOT_FOUND', `There is nothing at ${request.method} ${quoted(request.url.split('?')[0]!)}`),
  );

  await app.register(helmet, {
    // The API answers JSON; the development explorer page (Apollo's) loads from its CDN, so the
    // content security policy is only set where that page is off.
    contentSecurityPolicy: options.production ? undefined : false,
    crossOriginEmbedderPolicy: false,
  });
  if (options.corsOrigins?.length) {
    const allowed = new Set(options.corsOrigins);
    await app.register(cors, {
      origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
      credentials: false,
      maxAge: 600,
    });
  }

  const { overload } = limits;
  if (overload.maxEventLoopDelayMs > 0 || overload.maxHeapUsedBytes > 0) {
    await app.register(underPressure, {
      maxEventLoopDelay: overload.maxEventLoopDelayMs,
      maxHeapUsedBytes: overload.maxHeapUsedBytes,
      sampleInterval: overload.sampleIntervalMs,
      retryAfter: overload.retryAfterSeconds,
      pressureHandler: async (_request, _reply, type) => {
        throw new EdgeRefusal(
          503,
          'OVERLOADED',
          `The server is overloaded (${type === 'eventLoopDelay' ? 'event loop delay' : 'memory'}); try again shortly`,
          overload.retryAfterSeconds,
        );
      },
    });
  }

  // Authentication before the rate limit: the rate limit keys signed-in callers by their verified subject, and
  // a token that fails verification is keyed by address like the public.
  app.decorateRequest('principal', null);
  app.decorateRequest('authenticationError', null);
  app.addHook('onRequest', async (request) => {
    try {
      request.principal = await principalFromHeader(request.headers.authorization, options.verify);
    } catch (error) {
      request.authenticationError = (error as AuthenticationError).message;
    }
  });

  const { rateLimit: rates } = limits;
  if (rates.anonymous > 0 || rates.signedIn > 0) {
    await app.register(rateLimit, {
      global: true,
      max: (request: FastifyRequest) => (request.principal ? rates.signedIn : rates.anonymous) || Number.MAX_SAFE_INTEGER,
      timeWindow: rates.windowMs,
      keyGenerator: (request: FastifyRequest) =>
        request.principal ? `subject:${request.principal.role}:${request.principal.subject}` : `ip:${request.ip}`,
      ...(options.redis ? { redis: options.redis, nameSpace: options.redisPrefix ?? 'csc-inspection-api:rate:' } : {}),
      // A Redis outage must not take the API down with it: requests then go unlimited, and it is logged.
      skipOnError: true,
      errorResponseBuilder: (_request, context) =>
        new EdgeRefusal(
          429,
          'RATE_LIMITED',
          `Too many requests: at most ${context.max} in ${Math.round(rates.windowMs / 1000)} seconds ${_request.principal ? 'for this token subject' : 'from this address without a token'}`,
          Math.max(1, Math.ceil(context.ttl / 1000)),
        ),
    });
  }
}

/** What the rate limiter left this request's caller, from the headers it set. */
export function rateLimitLeft(reply: FastifyReply): { limit: number; remaining: number; resetSeconds: number } | null {
  const limit = Number(reply.getHeader('x-ratelimit-limit'));
  const remaining = Number(reply.getHeader('x-ratelimit-remaining'));
  const reset = Number(reply.getHeader('x-ratelimit-reset'));
  if (!Number.isFinite(limit) || !Number.isFinite(remaining)) return null;
  return { limit, remaining, resetSeconds: Number.isFinite(reset) ? reset : 0 };
}
