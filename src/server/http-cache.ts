import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyInstance } from 'fastify';
import { isPublicOperation } from '../domain/access';
import type { Context } from './context';

/**
 * HTTP caching of the public answers, so a browser or a CDN can serve repeats without reaching
 * the server. A query sent with GET (a plain query string, or an automatic persisted query by its
 * hash) that uses only public root fields, by a caller without a token, and that answers without
 * an error, is `Cache-Control: public, max-age=<PUBLIC_CACHE_MAX_AGE_S>` with an `ETag`; sent again
 * with `If-None-Match`, an unchanged answer is `304 Not Modified` with no body. Everything else
 * (POST, tokens, internal fields, errors) is `no-store`.
 */
export function httpCachePlugin(maxAgeSeconds: number): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response, contextValue, operation }) {
          const cacheable =
            maxAgeSeconds > 0 &&
            request.http?.method === 'GET' &&
            !contextValue.principal &&
            operation?.operation === 'query' &&
            contextValue.access !== undefined &&
            isPublicOperation(contextValue.access.rootFields) &&
            !contextValue.servedProtectedData &&
            response.body.kind === 'single' &&
            !response.body.singleResult.errors?.length;
          response.http.headers.set('cache-control', cacheable ? `public, max-age=${maxAgeSeconds}` : 'no-store');
          if (cacheable) response.http.headers.set('vary', 'authorization, accept');
        },
      };
    },
  };
}

/** ETags for the cacheable answers of /graphql, and 304 when the client already holds the answer. */
export function registerETags(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.method !== 'GET' || !String(reply.getHeader('cache-control') ?? '').startsWith('public') || reply.statusCode !== 200) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const etag = `"${createHash('sha256').update(payload).digest('base64url').slice(0, 32)}"`;
    reply.header('etag', etag);
    const given = request.headers['if-none-match'];
    if (given && given.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
      reply.code(304);
      reply.removeHeader('content-length');
      return '';
    }
    return payload;
  });
}
