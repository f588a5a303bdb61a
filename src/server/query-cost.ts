import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  type DocumentNode,
  getNamedType,
  isCompositeType,
  isListType,
  isNonNullType,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { FEED_DEFAULT_PAGE } from '../modules/feeds/feed.service';
import { DEFAULT_PAGE_SIZE } from '../modules/shared/connection';
import type { Context } from './context';
import type { CostLimits } from './limits';

/**
 * Query cost, computed before anything is executed, like GitHub's node limit and Shopify's
 * calculated cost: every object a query can return costs 1 point (scalars and enums cost
 * nothing), multiplied through every list above it. A connection multiplies by its `first` or
 * `last` (its default page when neither is given: DEFAULT_PAGES, else 20); a plain list by its bound: the most items it can hold
 * (LIST_BOUNDS, or DEFAULT_LIST_BOUND). A mutation's root field costs 10 more, for its writes.
 *
 * The schema's own cycles (Region.localAuthorities -> LocalAuthority.region -> ...) therefore
 * cost what they would return: nesting them multiplies the cost as it multiplies the work.
 */
/** The bound of a plain list with no entry in LIST_BOUNDS. */
export const DEFAULT_LIST_BOUND = 10;

export const MUTATION_COST = 10;

/** The most fields the analysis walks (a fragment counts again each time it is spread): it bounds the analysis itself. */
export const MAX_ANALYSED_NODES = 50_000;
const NODE_LIMIT_MESSAGE = 'Query exceeds the maximum allowed number of nodes';

/**
 * The most items a plain list can hold, where that is more than DEFAULT_LIST_BOUND or known
 * exactly. The reference lists' bounds are checked against the reference data by a test.
 */
export const LIST_BOUNDS: Readonly<Record<string, number>> = {
  'Query.regions': 9,
  'Query.localAuthorities': 160,
  'Region.localAuthorities': 40,
  'Query.webhookEndpoints': 20,
  'PublicReport.history': 4,
};

/** A connection's page size when neither `first` nor `last` is given, where it is not DEFAULT_PAGE_SIZE. */
export const DEFAULT_PAGES: Readonly<Record<string, number>> = {
  'Query.judgementFeed': FEED_DEFAULT_PAGE,
};

/** A connection's `edges` is multiplied at the connection field (by `first`/`last`), not again. */
function isConnectionType(name: string): boolean {
  return name.endsWith('Connection');
}

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

function multiplierOf(parentName: string, field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  const count = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : null);
  const named = getNamedType(field.type);
  if (isConnectionType(named.name))
    return count(args.first) ?? count(args.last) ?? DEFAULT_PAGES[`${parentName}.${field.name}`] ?? DEFAULT_PAGE_SIZE;
  if (isList(field.type) && !isConnectionType(parentName)) return LIST_BOUNDS[`${parentName}.${field.name}`] ?? DEFAULT_LIST_BOUND;
  return 1;
}

const estimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const own = isCompositeType(getNamedType(field.type)) ? 1 : 0;
  return multiplierOf(type.name, field, args) * (own + childComplexity);
};

/**
 * Costs already worked out, per document (Apollo keeps parsed documents) and per operation name
 * and variables: a repeated query is not analysed again. Only small variable sets are kept.
 */
const costs = new WeakMap<DocumentNode, Map<string, number>>();
const MAX_CACHED_PER_DOCUMENT = 1_000;

/** The same as `operationCost`, remembered for repeated requests. */
export function rememberedCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  options: { operationName?: string; variables?: Record<string, unknown> },
): number {
  const key = JSON.stringify([options.operationName ?? null, options.variables ?? {}]);
  if (key.length > 512) return operationCost(schema, document, options);
  let known = costs.get(document);
  if (!known) costs.set(document, (known = new Map()));
  let cost = known.get(key);
  if (cost === undefined) {
    cost = operationCost(schema, document, options);
    if (known.size >= MAX_CACHED_PER_DOCUMENT) known.clear();
    known.set(key, cost);
  }
  return cost;
}

/** The cost of one operation of `document` (0 for an unknown operation name: validation refuses it first). */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  options: { operationName?: string; variables?: Record<string, unknown> },
): number {
  const cost = getComplexity({
    schema,
    query: document,
    operationName: options.operationName,
    variables: options.variables,
    estimators: [estimator],
    maxQueryNodes: MAX_ANALYSED_NODES,
  });
  const operation = document.definitions.find(
    (definition) =>
      definition.kind === 'OperationDefinition' && (options.operationName ? definition.name?.value === options.operationName : true),
  );
  if (operation?.kind === 'OperationDefinition' && operation.operation === 'mutation') {
    const roots = operation.selectionSet.selections.length;
    return cost + MUTATION_COST * roots;
  }
  return cost;
}

export interface CostReport {
  /** What this operation was calculated to cost, before it ran. */
  requestedQueryCost: number;
  /** The most one operation may cost for this caller. */
  maximumQueryCost: number;
}

/** The `extensions.cost` of a response: what the query cost, and what the caller's rate limit leaves. */
export interface CostExtension extends CostReport {
  rateLimit: { limit: number; remaining: number; resetSeconds: number } | null;
}

export const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';

/**
 * Refuses, before execution, an operation that costs more than the caller's budget (400,
 * `QUERY_TOO_COMPLEX`, with its cost and the limit), and tells every caller what each operation
 * cost in `extensions.cost`.
 */
export function costPlugin(limits: CostLimits): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let report: CostReport | null = null;
      return {
        async didResolveOperation({ request, document, contextValue, schema }) {
          const maximum = contextValue.principal ? limits.signedIn : limits.anonymous;
          let cost: number;
          try {
            cost = rememberedCost(schema, document, {
              operationName: request.operationName ?? undefined,
              variables: request.variables ?? {},
            });
          } catch (error) {
            if (error instanceof GraphQLError && error.message.startsWith(NODE_LIMIT_MESSAGE)) {
              throw new GraphQLError(`The query selects more than ${MAX_ANALYSED_NODES} fields (fragments counted where they are spread)`, {
                extensions: { code: QUERY_TOO_COMPLEX, limit: 'fields', http: { status: 400 } },
              });
            }
            // Otherwise the variables do not fit the operation (missing, or of the wrong type): the
            // executor refuses them with BAD_USER_INPUT before any field runs, so nothing is spent.
            return;
          }
          report = { requestedQueryCost: cost, maximumQueryCost: maximum };
          if (cost > maximum) {
            throw new GraphQLError(
              `The query would cost ${cost} points; the most one query may cost is ${maximum}${contextValue.principal ? '' : ' without a token'}. Ask for fewer items (first/last), fewer nested lists, or split the query.`,
              { extensions: { code: QUERY_TOO_COMPLEX, cost, maximumCost: maximum, http: { status: 400 } } },
            );
          }
        },
        async willSendResponse({ request, response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const extension: CostExtension = {
            requestedQueryCost: report?.requestedQueryCost ?? 0,
            maximumQueryCost: report?.maximumQueryCost ?? (contextValue.principal ? limits.signedIn : limits.anonymous),
            // A GET answer may be cached and revalidated by its ETag: it must not change with every
            // request, so what the rate limit leaves is only in its x-ratelimit-* headers.
            rateLimit: request.http?.method === 'GET' ? null : (contextValue.rateLimit ?? null),
          };
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, cost: extension };
        },
      };
    },
  };
}
