/**
 * GET /exports/providers.csv and GET /exports/reports.jsonl: the public data in bulk, optionally
 * by region and local authority, streamed from keyset batches. Public like the public queries: no
 * token needed, but a token that is sent must be valid (401 otherwise, as at /graphql).
 */
import { Readable, Transform, pipeline } from 'node:stream';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { stringify } from 'csv-stringify';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { checkAreaArguments } from '../reference';
import { INTERNAL_ERROR_MESSAGE, boundedMessage, quoted } from '../shared/messages';
import { exportFormats, publicProviders, publicReports, type AreaFilter } from './exports.service';

export interface ExportRoutesOptions {
  orm: MikroORM;
  /** The built GraphQL schema: the exports write the public types' fields as it defines them (the server passes it). */
  schema: GraphQLSchema;
}

const PARAMETERS = ['region', 'localAuthority'] as const;

/** A refusal in the shape GraphQL gives one: `{ errors: [{ message, extensions: { code, … } }] }`. */
function refuse(reply: FastifyReply, status: number, message: string, extensions: Record<string, unknown>) {
  return reply
    .code(status)
    .type('application/json; charset=utf-8')
    .send({ errors: [{ message: boundedMessage(message), extensions }] });
}

/** Internal faults are logged in full and answered with the request ID only, as at /graphql. */
function internalError(request: FastifyRequest, reply: FastifyReply, error: unknown) {
  request.log.error({ err: error }, 'export failed before its first row');
  return refuse(reply, 500, INTERNAL_ERROR_MESSAGE, { code: 'INTERNAL_SERVER_ERROR', requestId: request.id });
}

class BadParameter extends Error {
  constructor(
    message: string,
    readonly parameter: string,
  ) {
    super(message);
  }
}

/** The area filter from the query string: only region and localAuthority, each at most once. */
function areaParameters(query: unknown): AreaFilter {
  const area: AreaFilter = {};
  for (const [name, value] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    if (!(PARAMETERS as readonly string[]).includes(name)) {
      throw new BadParameter(
        `Unknown parameter ${quoted(name)}: the exports are filtered only by region and localAuthority (ONS codes)`,
        name.slice(0, 40),
      );
    }
    if (typeof value !== 'string') throw new BadParameter(`"${name}" may be given only once`, name);
    area[name as (typeof PARAMETERS)[number]] = value;
  }
  return area;
}

/** Streams `source` (already started, so that a failure before the first row is still a proper 500). */
async function started<T>(source: AsyncGenerator<T>): Promise<AsyncGenerator<T>> {
  const first = await source.next();
  return (async function* () {
    if (first.done) return;
    yield first.value;
    yield* source;
  })();
}

export const exportRoutes: FastifyPluginAsync<ExportRoutesOptions> = async (app, { orm, schema }) => {
  const formats = exportFormats(schema);

  /** Checks the caller and the parameters, then sends the stream `body` builds; answers the refusals itself. */
  async function serve(
    request: FastifyRequest,
    reply: FastifyReply,
    file: { name: string; extension: string; contentType: string },
    body: (em: EntityManager, area: AreaFilter) => Promise<Readable>,
  ) {
    // The token, if one was sent, was checked as the request came in (server/edge.ts), as for /graphql.
    if (request.authenticationError) return refuse(reply, 401, request.authenticationError, { code: 'UNAUTHENTICATED' });
    // This request's own EntityManager, never the global one.
    const em = orm.em.fork();
    let area: AreaFilter;
    try {
      area = areaParameters(request.query);
      await checkAreaArguments(em, area);
    } catch (error) {
      if (error instanceof BadParameter)
        return refuse(reply, 400, error.message, { code: 'BAD_USER_INPUT', argumentName: error.parameter });
      if (error instanceof GraphQLError && error.extensions.code === 'BAD_USER_INPUT') {
        return refuse(reply, 400, error.message, { ...error.extensions });
      }
      return internalError(request, reply, error);
    }
    let stream: Readable;
    try {
      stream = await body(em, area);
    } catch (error) {
      return internalError(request, reply, error);
    }
    const filename = [file.name, area.region, area.localAuthority].filter(Boolean).join('-') + file.extension;
    return reply
      .type(file.contentType)
      .header('content-disposition', `attachment; filename="${filename}"`)
      .header('cache-control', 'no-cache')
      .send(stream);
  }

  /** A failure once rows have gone out can only cut the response short; it is logged in full. */
  const logFailure = (request: FastifyRequest) => (error: Error | null | undefined) => {
    if (error && error.name !== 'AbortError' && (error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') {
      request.log.error({ err: error }, 'export failed while streaming');
    }
  };

  app.get('/exports/providers.csv', (request, reply) =>
    serve(request, reply, { name: 'providers', extension: '.csv', contentType: 'text/csv; charset=utf-8' }, async (em, area) => {
      const providers = await started(publicProviders(em, area));
      const records = Readable.from(
        (async function* () {
          yield formats.providerHeader;
          for await (const provider of providers) yield formats.providerRow(provider);
        })(),
      );
      // escape_formulas: a cell starting with = + - @ (a name typed into the register, say) is prefixed
      // with ' so that a spreadsheet shows it as text rather than running it as a formula.
      const csv = stringify({ escape_formulas: true, cast: { boolean: (value) => (value ? 'true' : 'false') } });
      return pipeline(records, csv, logFailure(request));
    }),
  );

  app.get('/exports/reports.jsonl', (request, reply) =>
    serve(request, reply, { name: 'reports', extension: '.jsonl', contentType: 'application/x-ndjson' }, async (em, area) => {
      const reports = await started(publicReports(em, area));
      const lines = new Transform({
        writableObjectMode: true,
        transform(report, _encoding, done) {
          done(null, formats.reportLine(report));
        },
      });
      return pipeline(Readable.from(reports), lines, logFailure(request));
    }),
  );
};
