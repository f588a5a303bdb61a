import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { INTERNAL_ERROR_MESSAGE, boundedMessage } from '../modules/shared/messages';
import type { Context } from './context';

/**
 * Codes a client can act on pass through. Anything else is an internal fault: logged in full
 * and sent as a generic message with the request ID, never with a stack trace or SQL.
 */
const CLIENT_CODES = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'QUERY_TOO_COMPLEX',
  'RATE_LIMITED',
  'OVERLOADED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'NOT_FOUND',
]);

// How messages quote the caller's input is shared with the modules (src/modules/shared/messages.ts).
export { INTERNAL_ERROR_MESSAGE, QUOTE_LIMIT, boundedMessage, quoted } from '../modules/shared/messages';

export function isClientError(error: unknown): boolean {
  const original = unwrapResolverError(error);
  if (!(original instanceof GraphQLError)) return false;
  const code = original.extensions?.code;
  return (typeof code === 'string' && CLIENT_CODES.has(code)) || isUncodedRequestError(original);
}

/**
 * Apollo refuses some requests with a 4xx and no code (an automatic persisted query whose hash
 * does not match its query, say): the client's mistake, answered as BAD_REQUEST, not masked.
 */
function isUncodedRequestError(error: GraphQLError): boolean {
  const status = (error.extensions?.http as { status?: number } | undefined)?.status;
  return error.extensions?.code === undefined && typeof status === 'number' && status >= 400 && status < 500;
}

/** Apollo's formatError: keeps client errors (without stack traces), masks everything else. */
export function maskError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (isClientError(error)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    // A limit refused by a validation rule: Apollo files it under GRAPHQL_VALIDATION_FAILED; its own code is kept.
    const original = unwrapResolverError(error);
    const cause = (original as GraphQLError).originalError;
    if (cause instanceof GraphQLError && cause.extensions?.code === 'QUERY_TOO_COMPLEX') extensions.code = 'QUERY_TOO_COMPLEX';
    if (original instanceof GraphQLError && isUncodedRequestError(original)) extensions.code = 'BAD_REQUEST';
    return { ...formatted, message: boundedMessage(formatted.message), extensions };
  }
  return {
    message: INTERNAL_ERROR_MESSAGE,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

/** Logs internal faults in full with the request ID, and gives the client that ID to quote. */
export const errorReportingPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, contextValue }) {
        for (const error of errors) {
          if (!isClientError(error)) {
            contextValue.log.error({ err: unwrapResolverError(error), path: error.path }, 'internal error in a GraphQL request');
          }
        }
      },
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single') return;
        for (const error of response.body.singleResult.errors ?? []) {
          if (error.extensions?.code === 'INTERNAL_SERVER_ERROR') {
            (error.extensions as Record<string, unknown>).requestId = contextValue.requestId;
          }
        }
      },
    };
  },
};
