/**
 * The plain baseline of the load bench: Fastify and one `pg` Pool, nothing else (no GraphQL
 * execution, no ORM, no edge plugins). It answers POST /graphql for the bench's fixed documents
 * (bench/operations.ts), recognised by their exact text, with the bytes the real server sends:
 * the same fields in the same order, `JSON.stringify` plus a newline as Apollo Server writes it,
 * and the same `extensions.cost` (each document's cost stated, computed by the README's rules;
 * rate limits are off in the bench, so `rateLimit` is null). One prepared statement per request
 * (`{ name, text, values }`). Anything else is refused with 400.
 *
 * Run by bench/run.ts as a child process of its own: DATABASE_URL, PORT, HOST, DB_POOL_MAX.
 */
import Fastify from 'fastify';
import { Pool } from 'pg';
import { MAXIMUM_QUERY_COST, OPERATIONS, type Operation, type OperationName } from './operations';

interface ReportRow {
  public_id: string;
  published_on: string;
  version: number;
  urn: string;
  setting_type: string;
  inspection_type: string;
  inspection_start: string;
  inspection_end: string;
  kind: string;
  overall: string | null;
  helped: string | null;
  leaders: string | null;
  la_name: string;
  region_name: string;
}

/** The columns of a published version that the measured report fields come from: its stored public content. */
const REPORT_COLUMNS = `r.public_id, r.published_on::text as published_on, r.version,
  r.content->>'urn' as urn, r.content->>'settingType' as setting_type, r.content->>'inspectionType' as inspection_type,
  r.content->>'inspectionStart' as inspection_start, r.content->>'inspectionEnd' as inspection_end,
  r.content->'judgements'->>'kind' as kind, r.content->'judgements'->>'overallExperiencesAndProgress' as overall,
  r.content->'judgements'->>'helpedAndProtected' as helped, r.content->'judgements'->>'leadersAndManagers' as leaders,
  r.content->'area'->>'localAuthorityName' as la_name, r.content->'area'->>'regionName' as region_name`;

const STATEMENTS = {
  report: `select ${REPORT_COLUMNS} from published_report r where r.urn = $1 and r.current order by r.published_on desc, r.id desc limit 1`,
  provider: `select p.urn as provider_urn, p.setting_type as provider_setting_type, la.name as provider_la_name, rg.name as provider_region_name, ${REPORT_COLUMNS}
    from provider p join local_authority la on la.ons_code = p.local_authority_ons_code join region rg on rg.code = la.region_code
    left join published_report r on r.urn = p.urn and r.current
    where p.urn = $1 order by r.published_on desc nulls last, r.id desc`,
  reports: `select r.id as row_id, ${REPORT_COLUMNS} from published_report r where r.current and r.local_authority = $1
    order by r.published_on desc, r.id desc limit $2`,
  feed: `select e.id::text as event_id, e.type::text as event_type, e.urn as event_urn, e.occurred_on::text as occurred_on, e.position::text as position,
    jsonb_typeof(e.payload->'report') = 'object' as has_report,
    e.payload->'report'->>'id' as report_id, e.payload->'report'->>'publishedOn' as published_on, (e.payload->'report'->>'version')::int as version,
    e.payload->'report'->>'urn' as urn, e.payload->'report'->>'settingType' as setting_type, e.payload->'report'->>'inspectionType' as inspection_type,
    e.payload->'report'->>'inspectionStart' as inspection_start, e.payload->'report'->>'inspectionEnd' as inspection_end,
    e.payload->'report'->'judgements'->>'kind' as kind, e.payload->'report'->'judgements'->>'overallExperiencesAndProgress' as overall,
    e.payload->'report'->'judgements'->>'helpedAndProtected' as helped, e.payload->'report'->'judgements'->>'leadersAndManagers' as leaders,
    e.payload->'report'->'area'->>'localAuthorityName' as la_name, e.payload->'report'->'area'->>'regionName' as region_name
    from feed_event e where e.position > 0 and e.addressee is null and e.local_authority = $1 order by e.position asc limit $2`,
};

/** A report's selected fields, in the document's order (graphql-js answers in selection order). */
function report(row: ReportRow, id: string) {
  return {
    id,
    urn: row.urn,
    settingType: row.setting_type,
    inspectionType: row.inspection_type,
    inspectionStart: row.inspection_start,
    inspectionEnd: row.inspection_end,
    publishedOn: row.published_on,
    version: row.version,
    judgements: {
      kind: row.kind,
      overallExperiencesAndProgress: row.overall,
      helpedAndProtected: row.helped,
      leadersAndManagers: row.leaders,
    },
    area: { localAuthorityName: row.la_name, regionName: row.region_name },
  };
}

/** The stable public ID of a report: a Relay global ID, base64 of `PublicReport:<uuid>`. */
const reportId = (publicId: string) => Buffer.from(`PublicReport:${publicId}`, 'utf8').toString('base64');
/** A keyset cursor of the public lists (src/modules/shared/connection.ts). */
const listCursor = (key: string) => Buffer.from(JSON.stringify(['k', key]), 'utf8').toString('base64url');
/** A cursor of the feed (src/modules/feeds/feed.service.ts). */
const feedCursor = (position: string) => Buffer.from(`feed:${position}`).toString('base64url');

type Handler = (variables: Record<string, unknown>) => Promise<unknown>;

export function buildPlainHandler(pool: Pool) {
  const run = <T>(name: string, text: string, values: unknown[]) =>
    pool.query<T & ReportRow>({ name, text, values }).then((result) => result.rows);

  const handlers: Record<OperationName, Handler> = {
    publicReport: async ({ urn }) => {
      const [row] = await run('bench_report', STATEMENTS.report, [urn]);
      return { publicReport: row ? report(row, reportId(row.public_id)) : null };
    },
    publicProvider: async ({ urn }) => {
      const rows = await run<{
        provider_urn: string;
        provider_setting_type: string;
        provider_la_name: string;
        provider_region_name: string;
      }>('bench_provider', STATEMENTS.provider, [urn]);
      const first = rows[0];
      if (!first) return { publicProvider: null };
      return {
        publicProvider: {
          urn: first.provider_urn,
          settingType: first.provider_setting_type,
          area: { localAuthorityName: first.provider_la_name, regionName: first.provider_region_name },
          reports: rows.filter((row) => row.public_id !== null).map((row) => report(row, reportId(row.public_id))),
        },
      };
    },
    publicReports: async ({ localAuthority, first }) => {
      const size = typeof first === 'number' ? first : 20;
      const rows = await run<{ row_id: string }>('bench_reports', STATEMENTS.reports, [localAuthority, size + 1]);
      const edges = rows
        .slice(0, size)
        .map((row) => ({ node: report(row, reportId(row.public_id)), key: `${row.published_on}|${row.row_id}` }));
      const last = edges.at(-1);
      return {
        publicReports: {
          edges: edges.map((edge) => ({ node: edge.node })),
          pageInfo: { hasNextPage: rows.length > size, endCursor: last ? listCursor(last.key) : null },
        },
      };
    },
    judgementFeed: async ({ localAuthority, first }) => {
      const size = typeof first === 'number' ? first : 100;
      const rows = await run<{
        event_id: string;
        event_type: string;
        event_urn: string;
        occurred_on: string;
        position: string;
        has_report: boolean;
        report_id: string;
      }>('bench_feed', STATEMENTS.feed, [localAuthority, size + 1]);
      const page = rows.slice(0, size);
      return {
        judgementFeed: {
          edges: page.map((row) => ({
            node: {
              id: row.event_id,
              type: row.event_type,
              urn: row.event_urn,
              occurredOn: row.occurred_on,
              report: row.has_report ? report(row, row.report_id) : null,
            },
          })),
          pageInfo: { hasNextPage: rows.length > size, endCursor: page.length ? feedCursor(page.at(-1)!.position) : null },
        },
      };
    },
  };

  const byDocument = new Map<string, { operation: Operation; handler: Handler }>(
    Object.values(OPERATIONS).map((operation) => [operation.query, { operation, handler: handlers[operation.name] }]),
  );

  const app = Fastify({ logger: false });
  app.post('/graphql', async (request, reply) => {
    const body = request.body as { query?: unknown; variables?: Record<string, unknown> } | undefined;
    const known = typeof body?.query === 'string' ? byDocument.get(body.query) : undefined;
    if (!known)
      return reply
        .code(400)
        .type('application/json; charset=utf-8')
        .send('{"errors":[{"message":"the plain handler answers only the bench\'s documents"}]}\n');
    const variables = body?.variables ?? {};
    const data = await known.handler(variables);
    const cost = { requestedQueryCost: known.operation.cost(variables), maximumQueryCost: MAXIMUM_QUERY_COST, rateLimit: null };
    return reply.type('application/json; charset=utf-8').send(JSON.stringify({ data, extensions: { cost } }) + '\n');
  });
  app.get('/readyz', async () => {
    await pool.query('select 1');
    return { ready: true };
  });
  return app;
}

async function main(): Promise<void> {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error('DATABASE_URL is not set');
  const pool = new Pool({ connectionString, max: Number(process.env.DB_POOL_MAX ?? 10) });
  pool.on('error', () => undefined);
  const app = buildPlainHandler(pool);
  const stop = async () => {
    await app.close();
    await pool.end();
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  await app.listen({ host: process.env.HOST ?? '127.0.0.1', port: Number(process.env.PORT ?? 0) });
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`plain handler failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
