import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyInstance } from 'fastify';
import { isPublicOperation } from '../domain/access';
import { KEPT_ROOT_FIELDS } from './answer-cache';
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
          // A public query by a caller without a token, answered without an error.
          const publicAnswer =
            !contextValue.principal &&
            operation?.operation === 'query' &&
            contextValue.access !== undefined &&
            isPublicOperation(contextValue.access.rootFields) &&
            !contextValue.servedProtectedData &&
            response.body.kind === 'single' &&
            !response.body.singleResult.errors?.length;
          // Kept by the server itself (answer-cache.ts), whatever the method, when every root field records its reads.
          if (
            publicAnswer &&
            contextValue.publicReads &&
            contextValue.access!.rootFields.every((field) => field.name.startsWith('__') || KEPT_ROOT_FIELDS.has(field.name))
          ) {
            contextValue.publicReads.answerable = true;
          }
          const cacheable = publicAnswer && maxAgeSeconds > 0 && request.http?.method === 'GET';
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
    if (request.method !== 'GET' || !String(reply.getHeader('cache-control') ?? '').startsWith('public') || reply.statusCode !== 200)
      return payload;
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
