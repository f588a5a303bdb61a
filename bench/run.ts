/**
 * `npm run bench` (after `npm run build`): seeds a scratch database (4,000 settings unless
 * BENCH_PROVIDERS says otherwise) and measures, on that one database:
 *
 * 1. The public read path under load: the real server (`node dist/src/main.js` with the Node options of `npm start`, a child process)
 *    against a plain Fastify + pg handler (bench/plain-handler.ts, another) answering the same
 *    requests with the same bytes (checked first: the bench stops if they differ). autocannon at
 *    10 and 50 connections, rounds interleaved real/plain, medians; the real server's peak RSS; the
 *    same server with its answer cache off ("uncached") measured beside them.
 * 2. SQL statements per request on the real server (counted by bench/statement-counter.ts), by
 *    page size and by the length of a setting's history.
 * 3. Cold start: spawning the real server on the migrated database until /readyz answers 200.
 * 4. The bulk exports (bench/exports.ts) and serial request timings (bench/serial.ts), in process.
 *
 * The issue's targets are printed beside each measurement as PASS/FAIL; the bench never fails on
 * them (timings vary by machine). It fails only if it cannot measure (a server does not start, or
 * the plain handler's bytes differ from the real server's).
 *
 * Environment: DATABASE_URL (a server to create the scratch database on; embedded PostgreSQL
 * otherwise), BENCH_PROVIDERS, BENCH_YEARS (history length, passed to the seed when it takes
 * one), BENCH_QUICK=1 (one short round: for iterating, not for numbers), BENCH_ROUNDS,
 * BENCH_SECONDS, BENCH_ITERATIONS (serial timings).
 */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { migrate } from '../src/db/database';
import { freePort, startEmbeddedPostgres, type EmbeddedDatabase } from '../src/db/embedded-postgres';
import { ormConfig } from '../src/db/orm-config';
import { seedFeed, seedSyntheticRegister } from '../src/db/seed';
import { systemClock } from '../src/domain/clock';
import { projectRoot } from '../src/paths';
import { buildApp } from '../src/server/app';
import { withLimits } from '../src/server/limits';
import { Role } from '../src/domain/access';
import { signToken } from '../src/modules/auth/auth.service';
import { streamExports } from './exports';
import { serialTimings } from './serial';
import { load, median, residentBytes, sampleResident, startServer, table, type ChildServer, type LoadResult } from './load';
import { MAXIMUM_QUERY_COST, OPERATIONS, requestBody, type Operation, type OperationName } from './operations';
import { startStatementCounter } from './statement-counter';

const QUICK = process.env.BENCH_QUICK === '1';
const PROVIDERS = Number(process.env.BENCH_PROVIDERS ?? 4000);
const YEARS = process.env.BENCH_YEARS ? Number(process.env.BENCH_YEARS) : undefined;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (QUICK ? 1 : 3));
const SECONDS = Number(process.env.BENCH_SECONDS ?? (QUICK ? 2 : 5));
const WARM_UP_SECONDS = QUICK ? 1 : 2;
const CONNECTIONS = [10, 50];
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? (QUICK ? 20 : 100));
const ROTATED_URNS = 200;
const COLD_STARTS = 3;
/** Requests per variant when counting statements (after warm-up). */
const COUNTED_REQUESTS = QUICK ? 10 : 20;
/** A history at least this long counts as long; shorter, the bench makes one (scratch database only). */
const LONG_HISTORY = 10;

const MEASURED: OperationName[] = ['publicReport', 'publicProvider', 'publicReports', 'judgementFeed'];
/** The issue's targets: the real server's req/s at least this fraction of the plain handler's; its p99 under this multiple (where set). */
const TARGETS: Record<OperationName, { rps: number; p99?: number }> = {
  publicReport: { rps: 0.7, p99: 4 },
  publicProvider: { rps: 0.7, p99: 4 },
  publicReports: { rps: 0.5 },
  judgementFeed: { rps: 0.5 },
};
const RSS_TARGET_MB = 250;
const COLD_START_TARGET_S = 4;

const out = (text: string) => process.stdout.write(text);
const mb = (bytes: number | null) => (bytes === null ? 'n/a' : `${(bytes / 1e6).toFixed(0)} MB`);
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

/** Seeds the register; with BENCH_YEARS, asks the seed for that much history when its options take `years`. */
async function seed(orm: MikroORM): Promise<void> {
  const options: { providers: number; seed: number; years?: number } = { providers: PROVIDERS, seed: 20261123 };
  if (YEARS !== undefined) {
    // Checked on the compiled function itself: the bench does not change src/ to add the option.
    if (/\byears\b/.test(seedSyntheticRegister.toString())) options.years = YEARS;
    else out(`BENCH_YEARS=${YEARS} ignored: seedSyntheticRegister (src/db/seed.ts) takes no years option yet; seeding as today\n`);
  }
  let started = performance.now();
  const counts = await seedSyntheticRegister(orm.em.fork(), options as Parameters<typeof seedSyntheticRegister>[1]);
  out(
    `seed ${counts.providers} settings${options.years ? ` (${options.years} years of history)` : ''}, ${counts.appointments} appointments, ${counts.publishedReports} published reports: ${(performance.now() - started).toFixed(0)} ms\n`,
  );
  started = performance.now();
  const feedReports = await seedFeed(orm.em.fork());
  out(`feed of ${feedReports} publications: ${(performance.now() - started).toFixed(0)} ms\n`);
}

/** What the measured requests rotate through: real URNs and local authorities of the seeded database. */
interface Workload {
  urns: string[];
  localAuthorities: string[];
  /** Variables of each measured operation, in rotation. */
  variables: Record<OperationName, Record<string, unknown>[]>;
  describe: string;
}

async function workload(db: Client): Promise<Workload> {
  const withReports = (await db.query<{ urn: string }>(`select distinct urn from published_report where current order by urn`)).rows.map(
    (r) => r.urn,
  );
  const step = Math.max(1, withReports.length / ROTATED_URNS);
  const urns = Array.from({ length: Math.min(ROTATED_URNS, withReports.length) }, (_, i) => withReports[Math.floor(i * step)]!);
  const las = (
    await db.query<{ la: string; reports: number; events: number }>(
      `select r.local_authority as la, r.reports::int, coalesce(f.events, 0)::int as events
         from (select local_authority, count(*) as reports from published_report where current group by 1) r
         left join (select local_authority, count(*) as events from feed_event where addressee is null and position is not null group by 1) f using (local_authority)
        order by 1`,
    )
  ).rows;
  const localAuthorities = las.map((r) => r.la);
  const mean = (values: number[]) => (values.reduce((a, b) => a + b, 0) / Math.max(1, values.length)).toFixed(1);
  const totals = (
    await db.query<{ reports: number; events: number }>(
      `select (select count(*) from published_report where current)::int as reports, (select count(*) from feed_event)::int as events`,
    )
  ).rows[0]!;
  return {
    urns,
    localAuthorities,
    variables: {
      publicReport: urns.map((urn) => ({ urn })),
      publicProvider: urns.map((urn) => ({ urn })),
      publicReports: localAuthorities.map((localAuthority) => ({ localAuthority, first: 20 })),
      judgementFeed: localAuthorities.map((localAuthority) => ({ localAuthority, first: 100 })),
    },
    describe:
      `database: ${totals.reports} current reports, ${totals.events} feed events; requests rotate through ${urns.length} URNs with reports ` +
      `and the ${localAuthorities.length} local authorities with reports (a page of publicReports(first: 20) holds ${mean(las.map((r) => Math.min(20, r.reports)))} reports on average, ` +
      `a page of the feed (first: 100) ${mean(las.map((r) => Math.min(100, r.events)))} events)`,
  };
}

const post = async (url: string, body: string): Promise<{ status: number; text: string }> => {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return { status: response.status, text: await response.text() };
};

/**
 * The plain handler must answer byte for byte what the real server answers, `extensions.cost`
 * included: checked on a sample of URNs (with the short and long histories, and one on no
 * setting), every local authority of the rotation (and one without reports) and a second page size. Throws, showing where they first differ, if not.
 */
async function checkIdentical(real: ChildServer, plain: ChildServer, work: Workload, db: Client, history: Histories): Promise<string> {
  const unknownUrn = (
    await db.query<{ urn: string }>(
      `select 'SC' || lpad(n::text, 6, '0') as urn from generate_series(999999, 900000, -1) n where not exists (select 1 from provider where urn = 'SC' || lpad(n::text, 6, '0')) limit 1`,
    )
  ).rows[0]!.urn;
  const laWithout = (
    await db.query<{ code: string }>(
      `select ons_code as code from local_authority where ons_code not in (select local_authority from published_report where current) order by 1 limit 1`,
    )
  ).rows[0]?.code;
  const sampleUrns = [...work.urns.filter((_, i) => i % 4 === 0), history.short.urn, history.long.urn, unknownUrn];
  const sampleLas = [...work.localAuthorities, ...(laWithout ? [laWithout] : [])];
  const cases: { operation: Operation; variables: Record<string, unknown> }[] = [
    ...sampleUrns.flatMap((urn) => [
      { operation: OPERATIONS.publicReport, variables: { urn } },
      { operation: OPERATIONS.publicProvider, variables: { urn } },
    ]),
    ...sampleLas.flatMap((localAuthority) => [
      { operation: OPERATIONS.publicReports, variables: { localAuthority, first: 20 } },
      { operation: OPERATIONS.judgementFeed, variables: { localAuthority, first: 100 } },
    ]),
    ...sampleLas
      .filter((_, i) => i % 8 === 0)
      .flatMap((localAuthority) => [
        { operation: OPERATIONS.publicReports, variables: { localAuthority, first: 5 } },
        { operation: OPERATIONS.judgementFeed, variables: { localAuthority, first: 20 } },
      ]),
  ];
  let bytes = 0;
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const { operation, variables } = cases[next++]!;
      const body = requestBody(operation, variables);
      const [a, b] = await Promise.all([post(real.url, body), post(plain.url, body)]);
      if (a.status !== 200 || a.text.includes('"errors"'))
        throw new Error(`the real server refused ${operation.label} ${JSON.stringify(variables)}: ${a.status} ${a.text.slice(0, 500)}`);
      if (a.text !== b.text || a.status !== b.status) {
        let at = 0;
        while (at < a.text.length && a.text[at] === b.text[at]) at++;
        throw new Error(
          `the plain handler's answer differs from the real server's for ${operation.label} ${JSON.stringify(variables)} at byte ${at}:\n` +
            `  real:  ${a.status} …${a.text.slice(Math.max(0, at - 80), at + 120)}\n  plain: ${b.status} …${b.text.slice(Math.max(0, at - 80), at + 120)}`,
        );
      }
      bytes += a.text.length;
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return (
    `identical bytes: ${cases.length} answers (${(bytes / 1e6).toFixed(1)} MB) from both servers, byte for byte with extensions.cost included ` +
    `(the plain handler states each fixed document's cost by the README's rules, maximumQueryCost ${MAXIMUM_QUERY_COST}, rateLimit null as the limits are off)`
  );
}

interface Row {
  operation: OperationName;
  connections: number;
  real: LoadResult[];
  /** The real server with its answer cache off (PUBLIC_ANSWER_CACHE_MB=0): every request read from the database. */
  uncached: LoadResult[];
  plain: LoadResult[];
  peakRss: number | null;
  uncachedPeakRss: number | null;
}

async function loadRounds(real: ChildServer, uncached: ChildServer, plain: ChildServer, work: Workload): Promise<Row[]> {
  const rows: Row[] = [];
  for (const name of MEASURED) {
    const operation = OPERATIONS[name];
    const bodies = work.variables[name].map((variables) => requestBody(operation, variables));
    for (const connections of CONNECTIONS) {
      const row: Row = { operation: name, connections, real: [], uncached: [], plain: [], peakRss: null, uncachedPeakRss: null };
      await load(real.url, bodies, connections, WARM_UP_SECONDS);
      await load(uncached.url, bodies, connections, WARM_UP_SECONDS);
      await load(plain.url, bodies, connections, WARM_UP_SECONDS);
      for (let round = 0; round < ROUNDS; round++) {
        const rss = sampleResident(real.pid);
        const r = await load(real.url, bodies, connections, SECONDS);
        const peak = rss.stop();
        if (peak !== null) row.peakRss = Math.max(row.peakRss ?? 0, peak);
        const uncachedRss = sampleResident(uncached.pid);
        const u = await load(uncached.url, bodies, connections, SECONDS);
        const uncachedPeak = uncachedRss.stop();
        if (uncachedPeak !== null) row.uncachedPeakRss = Math.max(row.uncachedPeakRss ?? 0, uncachedPeak);
        const p = await load(plain.url, bodies, connections, SECONDS);
        row.real.push(r);
        row.uncached.push(u);
        row.plain.push(p);
        out(
          `  ${operation.label.padEnd(30)} ${String(connections).padStart(2)} conns, round ${round + 1}/${ROUNDS}: ` +
            `real ${r.rps.toFixed(0).padStart(5)} req/s p99 ${r.p99.toFixed(1).padStart(6)} ms | uncached ${u.rps.toFixed(0).padStart(5)} req/s p99 ${u.p99.toFixed(1).padStart(6)} ms | plain ${p.rps.toFixed(0).padStart(5)} req/s p99 ${p.p99.toFixed(1).padStart(6)} ms` +
            `${r.failures || u.failures || p.failures ? `  (failed responses: real ${r.failures}, uncached ${u.failures}, plain ${p.failures})` : ''}\n`,
        );
      }
      rows.push(row);
    }
  }
  return rows;
}

function loadTables(rows: Row[]): string {
  const m = (results: LoadResult[], key: 'rps' | 'p50' | 'p99') => median(results.map((r) => r[key]));
  const throughput = rows.map((row) => {
    const ratio = m(row.real, 'rps') / m(row.plain, 'rps');
    const target = TARGETS[row.operation].rps;
    const failures = [...row.real, ...row.uncached, ...row.plain].reduce((n, r) => n + r.failures, 0);
    return [
      OPERATIONS[row.operation].label,
      String(row.connections),
      m(row.real, 'rps').toFixed(0),
      m(row.plain, 'rps').toFixed(0),
      `${ratio.toFixed(2)}x`,
      `>= ${target.toFixed(1)}x ${verdict(ratio >= target)}`,
      m(row.uncached, 'rps').toFixed(0),
      `${(m(row.uncached, 'rps') / m(row.plain, 'rps')).toFixed(2)}x`,
      mb(row.peakRss),
      String(failures),
    ];
  });
  const latency = rows.map((row) => {
    const ratio = m(row.real, 'p99') / m(row.plain, 'p99');
    const target = TARGETS[row.operation].p99;
    return [
      OPERATIONS[row.operation].label,
      String(row.connections),
      m(row.real, 'p50').toFixed(1),
      m(row.plain, 'p50').toFixed(1),
      m(row.real, 'p99').toFixed(1),
      m(row.plain, 'p99').toFixed(1),
      `${ratio.toFixed(1)}x`,
      target ? `< ${target}x ${verdict(ratio < target)}` : '(none)',
      m(row.uncached, 'p99').toFixed(1),
      `${(m(row.uncached, 'p99') / m(row.plain, 'p99')).toFixed(1)}x`,
    ];
  });
  return (
    'Throughput (requests a second)\n' +
    table(
      ['operation', 'conns', 'real', 'plain', 'real/plain', 'target', 'uncached', 'uncached/plain', 'real peak RSS', 'failed'],
      throughput,
      ['l', 'r', 'r', 'r', 'r', 'l', 'r', 'r', 'r', 'r'],
    ) +
    '\nLatency (ms; autocannon records whole milliseconds)\n' +
    table(
      [
        'operation',
        'conns',
        'real p50',
        'plain p50',
        'real p99',
        'plain p99',
        'p99 real/plain',
        'target',
        'uncached p99',
        'uncached/plain',
      ],
      latency,
      ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'l', 'r', 'r'],
    ) +
    "\n'uncached' is the same real server with its answer cache off (PUBLIC_ANSWER_CACHE_MB=0): every request read from the database, as a first\n" +
    'request for a URN or a page always is. The targets apply to the real server as `npm start` runs it (the cache on).\n'
  );
}

/** The environment of the real server: the bench database, no demo seed, quiet, and no limit in the way. */
function realEnv(databaseUrl: string, port: number, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...REAL_START.env,
    DATABASE_URL: databaseUrl,
    DEMO_PROVIDERS: '0',
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_ANONYMOUS: '0',
    RATE_LIMIT_SIGNED_IN: '0',
    OVERLOAD_MAX_EVENT_LOOP_DELAY_MS: '0',
    OVERLOAD_MAX_HEAP_MB: '0',
    QUERY_COST_ANONYMOUS: String(MAXIMUM_QUERY_COST),
    // Signing in configured, as deployed (the measured queries send no token either way).
    ...(process.env.AUTH_JWT_SECRET || process.env.AUTH_JWKS_URL ? {} : { AUTH_JWT_SECRET: 'bench-only-secret-bench-only-secret-0123' }),
    ...extra,
  };
  delete env.REDIS_URL;
  return env;
}

const REAL_SCRIPT = path.join(projectRoot, 'dist', 'src', 'main.js');
/**
 * Node's options for the real server, read from `npm start` (`node <options> dist/src/main.js`),
 * so that the bench measures the server as it is started: the young generation's size, set there,
 * can only be set when the process starts.
 */
/** How `npm start` starts the server: its environment assignments (`MALLOC_ARENA_MAX=2`) and Node's options, read from package.json. */
const REAL_START: { env: Record<string, string>; nodeOptions: string[] } = (() => {
  const start = (JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts
    .start;
  const match = /^((?:[A-Z_][A-Z0-9_]*=\S+\s+)*)node((?:\s+--\S+)*)\s+dist\/src\/main\.js$/.exec(start.trim());
  if (!match) throw new Error(`the bench cannot read the environment and Node's options from the start script: ${start}`);
  const env = Object.fromEntries(
    match[1]
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map((assignment) => assignment.split('=') as [string, string]),
  );
  return { env, nodeOptions: match[2].trim().split(/\s+/).filter(Boolean) };
})();
const REAL_NODE_OPTIONS = REAL_START.nodeOptions;
const PLAIN_SCRIPT = path.join(__dirname, 'plain-handler.js');

async function startReal(databaseUrl: string, extra: NodeJS.ProcessEnv = {}) {
  const port = await freePort();
  return startServer({
    name: 'the real server',
    script: REAL_SCRIPT,
    nodeOptions: REAL_NODE_OPTIONS,
    cwd: projectRoot,
    env: realEnv(databaseUrl, port, extra),
    port,
  });
}

/**
 * A setting with a long history, for the statement counts and the byte check: the longest in the
 * database, or, when that is shorter than LONG_HISTORY, one made here by copying a setting's
 * published report (and its inspection) to earlier years, in the scratch database only, on a
 * setting the load rounds do not rotate through.
 */
interface Histories {
  short: { urn: string; reports: number };
  long: { urn: string; reports: number };
  /** Whether the bench made the long one. */
  made: boolean;
}

async function longAndShortHistory(db: Client, rotated: readonly string[]): Promise<Histories> {
  const counts = (
    await db.query<{ urn: string; reports: number }>(
      `select urn, count(*)::int as reports from published_report where current group by urn order by 2, 1`,
    )
  ).rows;
  const short = counts[0]!;
  let long = counts.at(-1)!;
  if (long.reports >= LONG_HISTORY) return { short, long, made: false };
  // A setting the load rounds do not ask for, so that they measure the database as seeded.
  const spare = counts.filter((c) => !rotated.includes(c.urn));
  const target = spare[Math.floor(spare.length / 2)]!;
  const columns = async (table: string) =>
    (
      await db.query<{ column_name: string }>(
        `select column_name from information_schema.columns where table_schema = current_schema() and table_name = $1 order by ordinal_position`,
        [table],
      )
    ).rows.map((r) => `"${r.column_name}"`);
  const copy = async (table: string, id: string, overrides: Record<string, string>, values: unknown[]) => {
    const names = await columns(table);
    const select = names.map((name) => overrides[name.slice(1, -1)] ?? name);
    const result = await db.query<{ id: string }>(
      `insert into "${table}" (${names.join(', ')}) select ${select.join(', ')} from "${table}" where id = $1 returning id`,
      [id, ...values],
    );
    return result.rows[0]!.id;
  };
  const [report] = (
    await db.query<{ id: string; inspection_id: string }>(`select id, inspection_id from published_report where urn = $1 and current`, [
      target.urn,
    ])
  ).rows;
  await db.query('begin');
  try {
    for (let year = 1; year < LONG_HISTORY + 2; year++) {
      const inspection = await copy('inspection', report!.inspection_id, { id: 'gen_random_uuid()' }, []);
      const id = await copy(
        'published_report',
        report!.id,
        { id: 'gen_random_uuid()', inspection_id: '$2::uuid', published_on: `("published_on" - make_interval(years => $3::int))::date` },
        [inspection, year],
      );
      await db.query(`update published_report set public_id = id where id = $1`, [id]);
    }
    await db.query('commit');
  } catch (error) {
    await db.query('rollback');
    throw error;
  }
  long = { urn: target.urn, reports: target.reports + LONG_HISTORY + 1 };
  return { short, long, made: true };
}

/** SQL statements per request on the real server, by operation and variant. */
async function countStatements(db: Client, benchUrl: string, history: Histories): Promise<string> {
  const busiest = async (sql: string) => (await db.query<{ la: string; n: number }>(sql)).rows[0]!;
  const reportsLa = await busiest(
    `select local_authority as la, count(*)::int as n from published_report where current group by 1 order by 2 desc, 1 limit 1`,
  );
  const feedLa = await busiest(
    `select local_authority as la, count(*)::int as n from feed_event where addressee is null group by 1 order by 2 desc, 1 limit 1`,
  );
  const target = new URL(benchUrl);
  const counter = await startStatementCounter({ host: target.hostname, port: Number(target.port || 5432) });
  const proxied = new URL(benchUrl);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(counter.port);
  let real: ChildServer | null = null;
  try {
    // The webhook worker polls the database on its own: off, so that only requests are counted.
    real = (await startReal(proxied.toString(), { WEBHOOK_WORKER: 'off' })).server;
    const variants: { operation: Operation; label: string; variables: Record<string, unknown> }[] = [
      {
        operation: OPERATIONS.publicReport,
        label: `short history (${history.short.reports} report)`,
        variables: { urn: history.short.urn },
      },
      { operation: OPERATIONS.publicReport, label: `long history (${history.long.reports} reports)`, variables: { urn: history.long.urn } },
      {
        operation: OPERATIONS.publicProvider,
        label: `short history (${history.short.reports} report)`,
        variables: { urn: history.short.urn },
      },
      {
        operation: OPERATIONS.publicProvider,
        label: `long history (${history.long.reports} reports)`,
        variables: { urn: history.long.urn },
      },
      {
        operation: { ...OPERATIONS.publicReports, label: 'publicReports(LA, first)' },
        label: `first: 5 (LA with ${reportsLa.n} reports)`,
        variables: { localAuthority: reportsLa.la, first: 5 },
      },
      {
        operation: { ...OPERATIONS.publicReports, label: 'publicReports(LA, first)' },
        label: `first: 20 (LA with ${reportsLa.n} reports)`,
        variables: { localAuthority: reportsLa.la, first: 20 },
      },
      {
        operation: { ...OPERATIONS.judgementFeed, label: 'judgementFeed(LA, first)' },
        label: `first: 20 (LA with ${feedLa.n} events)`,
        variables: { localAuthority: feedLa.la, first: 20 },
      },
      {
        operation: { ...OPERATIONS.judgementFeed, label: 'judgementFeed(LA, first)' },
        label: `first: 100 (LA with ${feedLa.n} events)`,
        variables: { localAuthority: feedLa.la, first: 100 },
      },
    ];
    const measured: { operation: string; variant: string; perRequest: number }[] = [];
    for (const variant of variants) {
      const body = requestBody(variant.operation, variant.variables);
      const send = async () => {
        const answer = await post(real!.url, body);
        if (answer.status !== 200 || answer.text.includes('"errors"'))
          throw new Error(`${variant.operation.label}: ${answer.status} ${answer.text.slice(0, 300)}`);
      };
      for (let i = 0; i < 3; i++) await send();
      const before = counter.statements();
      for (let i = 0; i < COUNTED_REQUESTS; i++) await send();
      measured.push({
        operation: variant.operation.label,
        variant: variant.label,
        perRequest: (counter.statements() - before) / COUNTED_REQUESTS,
      });
    }
    const rows = measured.map((m, i) => {
      const group = measured.filter((other) => other.operation === m.operation);
      const constant = group.every((other) => Math.abs(other.perRequest - group[0]!.perRequest) < 0.01);
      const last = measured[i + 1]?.operation !== m.operation;
      return [m.operation, m.variant, m.perRequest.toFixed(2), last ? `constant: ${verdict(constant)}` : ''];
    });
    return (
      `SQL statements per request, real server (each Query or Execute message it sends to PostgreSQL, counted by a proxy in between: bench/statement-counter.ts; ` +
      `${COUNTED_REQUESTS} requests each after 3 to warm up, webhook worker off)` +
      (history.made
        ? `\n(the long history is made by the bench: ${history.long.urn} was given ${LONG_HISTORY + 1} earlier copies of its report)`
        : '') +
      '\n' +
      table(['operation', 'variant', 'statements/request', 'target'], rows, ['l', 'l', 'r', 'l'])
    );
  } catch (error) {
    return `SQL statements per request: not measured (${error instanceof Error ? error.message : String(error)}); the counting proxy needs a connection without TLS\n`;
  } finally {
    await real?.stop();
    await counter.close();
  }
}

/** Spawning the real server on the migrated database until /readyz answers 200, COLD_STARTS times. */
async function coldStarts(benchUrl: string): Promise<string> {
  const times: number[] = [];
  for (let i = 0; i < COLD_STARTS; i++) {
    const { server, readyMs } = await startReal(benchUrl);
    times.push(readyMs / 1000);
    await server.stop();
  }
  const m = median(times);
  return `cold start (spawn ${Object.entries(REAL_START.env)
    .map(([k, v]) => `${k}=${v} `)
    .join(
      '',
    )}node ${REAL_NODE_OPTIONS.join(' ')} dist/src/main.js, as npm start does, on the migrated database until /readyz answers 200): ${times.map((t) => `${t.toFixed(2)} s`).join(', ')}; median ${m.toFixed(2)} s (target < ${COLD_START_TARGET_S} s: ${verdict(m < COLD_START_TARGET_S)})\n`;
}

async function main(): Promise<void> {
  const benchStarted = performance.now();
  out(
    `bench: ${QUICK ? 'QUICK (one short round: for iterating, not for numbers); ' : ''}${ROUNDS} round(s) of ${SECONDS} s per server, operation and connection count\n`,
  );
  let embedded: EmbeddedDatabase | null = null;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: path.join(projectRoot, '.data', 'bench-pg'), persistent: false });
    adminUrl = embedded.url;
  }
  const dbName = `bench_${Date.now()}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${dbName}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const benchUrl = url.toString();
  const orm = await MikroORM.init(ormConfig({ clientUrl: benchUrl }));
  const db = new Client({ connectionString: benchUrl });
  await db.connect();
  const servers: ChildServer[] = [];
  const summary: string[] = [];
  try {
    await migrate(orm);
    await seed(orm);
    await db.query('analyze');
    const work = await workload(db);
    out(`${work.describe}\n`);
    const history = await longAndShortHistory(db, work.urns);
    if (history.made)
      out(
        `the longest history seeded was short: ${history.long.urn} (not in the rotation) was given ${LONG_HISTORY + 1} earlier copies of its report, for the byte check and the statement counts\n`,
      );

    // 1. Load: both servers up together on the same database, measured in turn.
    out(`\n== Public read path under load: the real server against the plain handler ==\n`);
    const [realStart, uncachedStart, plainStart] = await Promise.all([
      startReal(benchUrl),
      startReal(benchUrl, { PUBLIC_ANSWER_CACHE_MB: '0' }),
      freePort().then((port) =>
        startServer({
          name: 'the plain handler',
          script: PLAIN_SCRIPT,
          cwd: projectRoot,
          env: { ...process.env, DATABASE_URL: benchUrl, PORT: String(port), HOST: '127.0.0.1', DB_POOL_MAX: '10' },
          port,
        }),
      ),
    ]);
    const real = realStart.server;
    const uncached = uncachedStart.server;
    const plain = plainStart.server;
    servers.push(real, uncached, plain);
    const idleRss = residentBytes(real.pid);
    const identical = await checkIdentical(real, plain, work, db, history);
    out(`${identical}\n`);
    out(
      `load: autocannon, ${ROUNDS} round(s) of ${SECONDS} s at each of ${CONNECTIONS.join(' and ')} connections after a ${WARM_UP_SECONDS} s warm-up, interleaved real, uncached, plain; all pools 10 connections\n`,
    );
    const rows = await loadRounds(real, uncached, plain, work);
    const logged = real.lines();
    await Promise.all(servers.map((s) => s.stop()));
    servers.length = 0;
    const peak = Math.max(...rows.map((r) => r.peakRss ?? 0));
    const uncachedPeak = Math.max(...rows.map((r) => r.uncachedPeakRss ?? 0));
    summary.push(
      `== Public read path: real server (node ${REAL_NODE_OPTIONS.join(' ')} dist/src/main.js, as npm start runs it) against the plain handler (bench/plain-handler.ts), medians of ${ROUNDS} round(s) of ${SECONDS} s; latencies in ms ==\n` +
        `${work.describe}\n${identical}\n` +
        loadTables(rows) +
        `real server RSS: ${mb(idleRss)} after start, peak ${mb(peak)} during its load rounds (VmRSS, sampled every 50 ms; target < ${RSS_TARGET_MB} MB: ${verdict(peak < RSS_TARGET_MB * 1e6)}); uncached, peak ${mb(uncachedPeak)}\n` +
        (logged ? `the real server wrote ${logged} log line(s) at level warn or above; the last:\n${real.output()}\n` : ''),
    );
    out(`\n${summary.at(-1)}`);

    // 2. Statements per request.
    out(`\n== SQL statements per request ==\n`);
    summary.push(await countStatements(db, benchUrl, history));
    out(summary.at(-1)!);

    // 3. Cold start.
    out(`\n== Cold start ==\n`);
    summary.push(await coldStarts(benchUrl));
    out(summary.at(-1)!);

    // 4. In process: the bulk exports, then serial timings.
    const auth = { secret: 'bench-secret-bench-secret-bench-secret-01', issuer: 'bench', audience: 'bench' };
    const app = await buildApp({
      orm,
      clock: systemClock,
      auth,
      limits: withLimits({ rateLimit: { anonymous: 0, signedIn: 0 }, overload: { maxEventLoopDelayMs: 0 } }),
    });
    try {
      const address = await app.listen({ host: '127.0.0.1', port: 0 });
      out(`\n== Bulk exports (server in the bench process) ==\n`);
      await streamExports(address);
      out(`\n== Serial timings, one request at a time (server in the bench process) ==\n`);
      const token = await signToken(auth, { subject: 'bench', role: Role.ADMIN });
      const managerToken = await signToken(auth, {
        subject: 'bench-manager',
        role: Role.REGULATORY_INSPECTION_MANAGER,
        region: 'E12000002',
      });
      await serialTimings(address, token, managerToken, ITERATIONS);
      const memory = process.memoryUsage();
      out(`memory: rss ${(memory.rss / 1e6).toFixed(0)} MB, heap used ${(memory.heapUsed / 1e6).toFixed(0)} MB\n`);
    } finally {
      await app.close();
    }

    out(
      `\n\n==================== SUMMARY ====================\n${summary.join('\n')}\nbench took ${((performance.now() - benchStarted) / 1000).toFixed(0)} s\n`,
    );
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await db.end();
    await orm.close();
    await admin.query(`drop database if exists "${dbName}" with (force)`);
    await admin.end();
    await embedded?.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
