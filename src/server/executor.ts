import {
  execute,
  GraphQLError,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type Source,
  type SourceLocation,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { GatewayExecutionResult, GatewayInterface } from '@apollo/server-gateway-interface';

/**
 * How many times graphql-js runs a query document before it is compiled: 1 by default (compiled
 * the second time it is asked), 0 compiles it at once, null never (graphql-js only).
 */
export type CompileAfterRuns = number | null;
export const DEFAULT_COMPILE_AFTER_RUNS = 1;

interface Runs {
  count: number;
  /** Compiled per operation name ('' for the only one); null where graphql-jit could not compile it. */
  compiled: Map<string, CompiledQuery | null>;
}

/**
 * How this server executes a validated operation: queries asked again and again (every public
 * lookup, list and feed page) run as JavaScript compiled for that document by graphql-jit; the
 * rest by graphql-js. graphql-js allocates for every field of every object it returns (an
 * argument map, a result object in dictionary mode, a path): 3.3 MB for one feed page of 100
 * events, most of the memory and a third of the time an uncached public answer took
 * (README, "The public read path, measured").
 *
 * A document is compiled only after `afterRuns` runs on graphql-js (1 by default), so a client
 * sending a new document each time costs no compilation. Apollo keeps one parsed DocumentNode per distinct document
 * (its document store), which is what the runs are counted on; a WeakMap forgets documents Apollo
 * forgets. Mutations run on graphql-js, one field after another, as the specification says.
 *
 * Plugged in through Apollo's gateway interface, the supported way to give Apollo an executor:
 * parsing, validation, the plugins' hooks and error formatting stay Apollo's.
 */
export function compilingExecutor(
  schema: GraphQLSchema,
  afterRuns: CompileAfterRuns = DEFAULT_COMPILE_AFTER_RUNS,
): GatewayInterface & { compilations(): number } {
  const runs = new WeakMap<DocumentNode, Runs>();
  let compilations = 0;
  const run = async (
    document: DocumentNode,
    operationName: string | null,
    operation: OperationDefinitionNode,
    contextValue: unknown,
    variableValues: Record<string, unknown> | undefined,
  ): Promise<GatewayExecutionResult> => {
    if (operation.operation === 'query' && afterRuns !== null) {
      let entry = runs.get(document);
      if (!entry) runs.set(document, (entry = { count: 0, compiled: new Map() }));
      if (entry.count++ >= afterRuns) {
        const name = operationName ?? '';
        let compiled = entry.compiled.get(name);
        if (compiled === undefined) {
          const result = compileQuery(schema, document, operationName ?? undefined, { disablingCapturingStackErrors: true });
          compilations += 1;
          // A document graphql-jit cannot compile runs on graphql-js, which reports it as it should; tried once.
          entry.compiled.set(name, (compiled = isCompiledQuery(result) ? result : null));
        }
        if (compiled) {
          const result = (await compiled.query(undefined, contextValue, variableValues)) as GatewayExecutionResult;
          // No data at all: the variables were refused before anything ran. graphql-js answers
          // then, in its words, which Apollo recognises as BAD_USER_INPUT (400). graphql-jit's own
          // errors for variables name no node, and it refuses a non-null variable with a default
          // value when none is given, which the specification allows.
          if (!('data' in result))
            return (await execute({ schema, document, operationName, contextValue, variableValues })) as GatewayExecutionResult;
          return result.errors ? { ...result, errors: result.errors.map((error) => located(error, document.loc?.source)) } : result;
        }
      }
    }
    return (await execute({ schema, document, operationName, contextValue, variableValues })) as GatewayExecutionResult;
  };
  return {
    /** How many compilations this executor has made (for tests and diagnostics). */
    compilations: () => compilations,
    async load() {
      return {
        schema,
        executor: (request) => run(request.document, request.operationName, request.operation, request.context, request.request.variables),
      };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    async stop() {},
  };
}

/**
 * A field error of graphql-jit as graphql-js makes it: graphql-jit's errors have no `extensions`
 * object unless the resolver's error had one, and Apollo reads `extensions.code` of every error
 * (without it, it answered a masked error with no path in place of the real one). The same
 * message, path, locations, original error and extensions.
 */
function located(error: GraphQLError, source: Source | undefined): GraphQLError {
  const positions = source && error.locations ? error.locations.map((location) => positionOf(source.body, location)) : undefined;
  return new GraphQLError(error.message, {
    source: positions ? source : undefined,
    positions,
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions ?? undefined,
  });
}

/** The character offset of a line and column (both from 1) in a document, as graphql-js counts them. */
function positionOf(body: string, { line, column }: SourceLocation): number {
  const lineBreak = /\r\n|[\n\r]/g;
  let start = 0;
  for (let current = 1; current < line; current++) {
    const match = lineBreak.exec(body);
    if (!match) break;
    start = match.index + match[0].length;
  }
  return start + column - 1;
}
